import { execFile } from 'node:child_process';
import type { CheckContext, Exec, ExecResult } from './context';
import { ToolMissingError } from './context';

const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The real `Exec`: `execFile` with an argument array and no shell, a timeout, a bounded
 * output and the C locale (so outputs parse the same on every machine). Bound to the check's
 * abort signal, so a check that times out kills its command.
 */
export function createExec(signal?: AbortSignal): Exec {
  return (file, args, options = {}) =>
    new Promise<ExecResult>((resolve, reject) => {
      execFile(
        file,
        [...args],
        {
          shell: false,
          windowsHide: true,
          encoding: 'utf8',
          maxBuffer: MAX_OUTPUT_BYTES,
          timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          killSignal: 'SIGKILL',
          env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
          ...(signal ? { signal } : {}),
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolve({ exitCode: 0, stdout, stderr });
            return;
          }
          const failure = error as NodeJS.ErrnoException & { code?: unknown; killed?: boolean };
          if (failure.code === 'ENOENT') {
            reject(new ToolMissingError(file));
          } else if (typeof failure.code === 'number' && !failure.killed) {
            resolve({ exitCode: failure.code, stdout, stderr });
          } else {
            reject(new Error(`${file} failed: ${failure.message}`, { cause: error }));
          }
        },
      );
    });
}

/** Runs a command and says whether the tool exists at all. */
export async function execIfInstalled(
  ctx: CheckContext,
  file: string,
  args: readonly string[],
): Promise<ExecResult | null> {
  try {
    return await ctx.exec(file, args);
  } catch (error) {
    if (error instanceof ToolMissingError) return null;
    throw error;
  }
}
