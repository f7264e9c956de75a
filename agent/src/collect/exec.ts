import { execFile } from 'node:child_process';

export interface CommandOptions {
  /** Killed after this long. */
  timeoutMs?: number;
  /** Killed once stdout or stderr passes this many bytes. */
  maxBytes?: number;
  /** Killed when this aborts (a check that timed out, a caller that went away). */
  signal?: AbortSignal;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** The exit code; callers decide what a non-zero one means (dnf exits 100 with updates). */
  exitCode: number;
}

/**
 * Runs one program with an argument array (never through a shell). Every collector takes
 * one of these, so tests can replay outputs recorded on Windows and macOS.
 */
export type CommandRunner = (
  file: string,
  args: readonly string[],
  options?: CommandOptions,
) => Promise<CommandResult>;

export type CommandFailure = 'missing' | 'timeout' | 'too_large' | 'failed';

/** A command that could not run to the end: not installed, too slow, too talkative. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly failure: CommandFailure,
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

// Parsers read the C locale's words and dates; Windows commands ignore these variables.
const C_LOCALE = { LC_ALL: 'C', LANG: 'C', LANGUAGE: '' };

/** The real runner: `execFile` with a timeout, an output bound and the C locale. */
export const runCommand: CommandRunner = (file, args, options = {}) => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        encoding: 'utf8',
        timeout: timeoutMs,
        maxBuffer: maxBytes,
        windowsHide: true,
        env: { ...process.env, ...C_LOCALE },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ stdout, stderr, exitCode: 0 });
          return;
        }
        const failure = error as NodeJS.ErrnoException & {
          code?: string | number;
          killed?: boolean;
          signal?: string | null;
        };
        if (failure.code === 'ENOENT') {
          reject(new CommandError('missing', file, `${file} is not installed`));
        } else if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(
            new CommandError('too_large', file, `${file} printed more than ${maxBytes} bytes`),
          );
        } else if (failure.killed || failure.signal) {
          reject(
            new CommandError('timeout', file, `${file} did not finish within ${timeoutMs} ms`),
          );
        } else if (typeof failure.code === 'number') {
          resolve({ stdout, stderr, exitCode: failure.code });
        } else {
          reject(new CommandError('failed', file, `${file} could not run: ${failure.message}`));
        }
      },
    );
  });
};
