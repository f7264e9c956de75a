/**
 * Quoting for the files and commands `install-service` writes. Each function refuses what
 * its format cannot carry safely instead of writing something that would run differently.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\x00-\x1f\x7f]/;

export class UnsafeArgumentError extends Error {
  constructor(argument: string, why: string) {
    super(`Cannot use ${JSON.stringify(argument)} in a service definition: ${why}`);
  }
}

/**
 * A value of a unit file setting that takes paths (ReadWritePaths=): in double quotes, with
 * `\` and `"` escaped (systemd unquotes C-style) and `%` doubled (unit specifiers).
 */
export function systemdValue(value: string): string {
  if (CONTROL.test(value)) throw new UnsafeArgumentError(value, 'it has a control character');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%')}"`;
}

/**
 * One argument of an ExecStart= line: quoted as a value, and `$` doubled too (ExecStart=
 * substitutes environment variables), so the program receives exactly `argument`.
 */
export const systemdArgument = (argument: string): string =>
  systemdValue(argument.replace(/\$/g, '$$$$'));

/** An argument for a POSIX shell, for showing a command a person may copy. */
export function shellArgument(argument: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/**
 * An argument on a Windows command line, read back by CommandLineToArgvW: quoted when it
 * has spaces or quotes, backslashes before a quote (and before the closing quote) doubled.
 */
export function windowsArgument(argument: string): string {
  if (CONTROL.test(argument)) throw new UnsafeArgumentError(argument, 'it has a control character');
  if (argument !== '' && !/[\s"]/.test(argument)) return argument;
  let quoted = '"';
  let backslashes = 0;
  for (const char of argument) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    quoted +=
      char === '"' ? '\\'.repeat(backslashes * 2 + 1) + '"' : '\\'.repeat(backslashes) + char;
    backslashes = 0;
  }
  return `${quoted}${'\\'.repeat(backslashes * 2)}"`;
}

/** WinSW expands %NAME% in its configuration, with no way to escape it. */
export function refusePercent(argument: string): string {
  if (argument.includes('%')) {
    throw new UnsafeArgumentError(
      argument,
      'WinSW would expand the % in it as an environment variable',
    );
  }
  if (CONTROL.test(argument)) throw new UnsafeArgumentError(argument, 'it has a control character');
  return argument;
}
