/**
 * Commands for a remote POSIX shell. An SSH server hands the command line to the login
 * shell of the account, so arguments cannot be passed as an array as `execFile` does:
 * each one is single-quoted (a quote inside becomes `'\''`), which the shell reads as one
 * literal word whatever it holds ($, backticks, ;, newlines...). The program itself is fixed
 * by the code and must be a plain name or path.
 */

const PROGRAM = /^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/;

/** One argument as a single POSIX shell word that means exactly `value`. */
export function quoteForShell(value: string): string {
  if (value.includes('\0')) {
    // No shell word can hold a NUL byte: refuse rather than let it cut the argument short.
    throw new Error('A command argument cannot contain a NUL character');
  }
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The command line that runs `program` with `args` in the C locale (parsers read its
 * words), every argument quoted. `env`, or the shell's `exec`, runs the program itself, so
 * no shell built-in or function of the account's shell can stand in for it (`exec` costs the
 * machine one process less, which counts when it starts many). With `killAfterSeconds`, coreutils'
 * `timeout` (where the machine has it) kills the program on the machine after that long:
 * closing an SSH channel does not stop what it started, and OpenSSH often refuses the
 * protocol's signal request.
 */
export function shellCommand(
  program: string,
  args: readonly string[],
  killAfterSeconds?: number,
): string {
  if (!PROGRAM.test(program)) {
    throw new Error(`"${program}" is not a program name this console runs`);
  }
  const words = [program, ...args.map(quoteForShell)].join(' ');
  if (killAfterSeconds === undefined) return `env LC_ALL=C LANG=C ${words}`;
  const seconds = String(Math.max(1, Math.ceil(killAfterSeconds)));
  return [
    'if command -v timeout >/dev/null 2>&1;',
    `then LC_ALL=C LANG=C exec timeout -s KILL ${seconds} ${words};`,
    `else LC_ALL=C LANG=C exec ${words}; fi`,
  ].join(' ');
}
