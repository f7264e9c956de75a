import type { CommandOptions, CommandRunner } from './exec';

export const POWERSHELL = 'powershell.exe';

// UTF-8 out whatever the console code page, and errors as text, not as coloured records.
const PRELUDE =
  "$ProgressPreference='SilentlyContinue';[Console]::OutputEncoding=[Text.Encoding]::UTF8;";

/**
 * The arguments that run `script` in Windows PowerShell 5.1 (on every supported Windows).
 * The script travels base64-encoded, so no quoting rule of the command line applies to it;
 * scripts are constants of the agent, never built from a request.
 */
export function powerShellArgs(script: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
    Buffer.from(PRELUDE + script, 'utf16le').toString('base64'),
  ];
}

/** Decodes what powerShellArgs encoded (tests and recordings key on the script). */
export function decodePowerShellArgs(args: readonly string[]): string | null {
  const index = args.indexOf('-EncodedCommand');
  const encoded = index === -1 ? undefined : args[index + 1];
  if (encoded === undefined) return null;
  return Buffer.from(encoded, 'base64').toString('utf16le').slice(PRELUDE.length);
}

/**
 * Runs a script that prints one JSON value (ConvertTo-Json) and parses it. PowerShell
 * prints nothing for an empty pipeline, which reads as null.
 */
export async function runPowerShellJson(
  run: CommandRunner,
  script: string,
  options: CommandOptions = {},
): Promise<unknown> {
  const result = await run(POWERSHELL, powerShellArgs(script), {
    timeoutMs: 30_000,
    ...options,
  });
  if (result.exitCode !== 0) {
    const detail = result.stderr.trim().split(/\r?\n/)[0] ?? '';
    throw new Error(`PowerShell exited with ${result.exitCode}${detail ? `: ${detail}` : ''}`);
  }
  const text = result.stdout.replace(/^\uFEFF/, '').trim();
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** ConvertTo-Json turns a one-element array into the element itself: undo that. */
export function asArray(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? (value as unknown[]) : [value];
}
