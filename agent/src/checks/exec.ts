import { CommandError, runCommand } from '../collect/exec';
import type { CheckContext, Exec, ExecResult } from './context';

/** The real `Exec` for one check: the collectors' runner, killed when the check is aborted. */
export function createExec(signal?: AbortSignal): Exec {
  return (file, args, options = {}) =>
    runCommand(file, args, { ...options, ...(signal ? { signal } : {}) });
}

export const isToolMissing = (error: unknown): boolean =>
  error instanceof CommandError && error.failure === 'missing';

/** Runs a command, or answers null when the program is not installed at all. */
export async function execIfInstalled(
  ctx: CheckContext,
  file: string,
  args: readonly string[],
): Promise<ExecResult | null> {
  try {
    return await ctx.exec(file, args);
  } catch (error) {
    if (isToolMissing(error)) return null;
    throw error;
  }
}
