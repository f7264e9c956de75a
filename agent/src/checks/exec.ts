import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { CommandError, runCommand } from '../collect/exec';
import type { CheckContext, Exec, ExecResult } from './context';

/** The real `Exec` for one check: the collectors' runner, killed when the check is aborted. */
export function createExec(signal?: AbortSignal): Exec {
  return (file, args, options = {}) =>
    runCommand(file, args, { ...options, ...(signal ? { signal } : {}) });
}

export const isToolMissing = (error: unknown): boolean =>
  error instanceof CommandError && error.failure === 'missing';

const runnable = (file: string) =>
  access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  );

/** The real `isInstalled`: the file itself, or the name in each PATH folder (with PATHEXT). */
export async function isInstalled(file: string): Promise<boolean> {
  if (file.includes('/') || file.includes('\\')) return runnable(file);
  const extensions =
    process.platform === 'win32' && path.extname(file) === ''
      ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')
      : [''];
  const folders = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const folder of folders) {
    for (const extension of extensions) {
      if (await runnable(path.join(folder, file + extension))) return true;
    }
  }
  return false;
}

/** How long an `isInstalled` answer is reused by the runner. */
export const INSTALLED_ANSWER_MS = 30_000;
/** Programs whose answers are kept at most; the checks ask about a handful. */
const MAX_REMEMBERED_PROGRAMS = 64;

/**
 * `lookUp`, each answer reused for `forMs`: a search of PATH is one file access per folder,
 * and under load the same checks ask the same question many times a second. A program
 * installed or removed meanwhile is seen at the latest `forMs` later.
 */
export function rememberInstalled(
  lookUp: (file: string) => Promise<boolean> = isInstalled,
  forMs = INSTALLED_ANSWER_MS,
  now: () => number = Date.now,
): (file: string) => Promise<boolean> {
  const answers = new Map<string, { at: number; installed: Promise<boolean> }>();
  return (file) => {
    const known = answers.get(file);
    if (known && now() - known.at < forMs) return known.installed;
    if (answers.size >= MAX_REMEMBERED_PROGRAMS) answers.clear();
    const installed = lookUp(file);
    answers.set(file, { at: now(), installed });
    return installed;
  };
}

/** Runs a command, or answers null when the program is not installed (without spawning it). */
export async function execIfInstalled(
  ctx: CheckContext,
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<ExecResult | null> {
  if (!(await ctx.isInstalled(file))) return null;
  try {
    return await ctx.exec(file, args, options);
  } catch (error) {
    // Removed between the look and the run.
    if (isToolMissing(error)) return null;
    throw error;
  }
}
