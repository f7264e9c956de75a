/**
 * Several fixed commands in one SSH session. Each session costs the machine a process for
 * the session, the login shell, `env` and `timeout` before the program itself; on small or
 * busy machines starting processes is most of an inventory's work. A batch runs its
 * commands one after the other in a single `sh -c` (one session, one timeout and one output
 * cap for all), each still exec'd with its own arguments quoted, its stdin empty, and its
 * output and exit status told apart by markers holding a random nonce. A program the
 * machine does not have is not started at all (`command -v`), and answers 127 as through
 * the runner.
 *
 * Whatever goes wrong with the batch as a whole (no `sh`, its timeout, its cap, output that
 * does not split), each of its commands runs again on its own through `run`, with its own
 * timeout, as it would have without the batch.
 */
import { randomBytes } from 'node:crypto';
import { CommandError, type CommandResult, type CommandRunner } from '@deskside/agent/collect';
import { quoteForShell } from './shell-quote';

export interface BatchCommand {
  program: string;
  args: readonly string[];
}

export interface BatchOptions {
  /** For the whole batch. */
  timeoutMs: number;
}

/** The shell's "command not found". */
const NOT_FOUND = 127;
const PROGRAM = /^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/;

const keyOf = (program: string, args: readonly string[]) => JSON.stringify([program, args]);

/** The `sh` script of the batch: after each command, `\n<nonce> <index> <status>` on stdout. */
export function batchScript(commands: readonly BatchCommand[], nonce: string): string {
  return commands
    .map(({ program, args }, index) => {
      if (!PROGRAM.test(program)) {
        throw new Error(`"${program}" is not a program name this console runs`);
      }
      const words = [program, ...args.map(quoteForShell)].join(' ');
      return [
        `if command -v ${program} >/dev/null 2>&1;`,
        `then (exec ${words}) </dev/null; s=$?;`,
        `else echo "${program}: not found" >&2; s=${NOT_FOUND}; fi;`,
        `printf '\\n${nonce} ${index} %d\\n' "$s"; printf '\\n${nonce} ${index}\\n' >&2`,
      ].join(' ');
    })
    .join('\n');
}

/** Each command's output and status from the batch's; null if they do not split cleanly. */
export function splitBatch(
  result: CommandResult,
  count: number,
  nonce: string,
): CommandResult[] | null {
  const stdout = result.stdout.split(new RegExp(`\\n${nonce} (\\d+) (\\d+)\\n`));
  const stderr = result.stderr.split(new RegExp(`\\n${nonce} (\\d+)\\n`));
  // split with two groups: [out0, index0, status0, out1, ..., rest]; one group: [err0, index0, ...].
  if (stdout.length !== count * 3 + 1 || stderr.length !== count * 2 + 1) return null;
  const results: CommandResult[] = [];
  for (let index = 0; index < count; index++) {
    if (stdout[index * 3 + 1] !== String(index) || stderr[index * 2 + 1] !== String(index)) {
      return null;
    }
    results.push({
      stdout: stdout[index * 3]!,
      stderr: stderr[index * 2]!,
      exitCode: Number(stdout[index * 3 + 2]),
    });
  }
  return stdout.at(-1) === '' && stderr.at(-1) === '' ? results : null;
}

/**
 * A runner that answers `commands` from one batch, started by the first of them asked for,
 * and runs anything else through `run`.
 */
export function batchedRunner(
  run: CommandRunner,
  commands: readonly BatchCommand[],
  options: BatchOptions,
): CommandRunner {
  const index = new Map(commands.map((command, i) => [keyOf(command.program, command.args), i]));
  let batch: Promise<CommandResult[] | null> | undefined;
  const start = () => {
    const nonce = randomBytes(16).toString('hex');
    return run('sh', ['-c', batchScript(commands, nonce)], { timeoutMs: options.timeoutMs }).then(
      (result) => splitBatch(result, commands.length, nonce),
      () => null,
    );
  };
  return async (program, args, commandOptions) => {
    const at = index.get(keyOf(program, args));
    if (at === undefined) return run(program, args, commandOptions);
    batch ??= start();
    const result = (await batch)?.[at];
    if (!result) return run(program, args, commandOptions);
    if (result.exitCode === NOT_FOUND) {
      throw new CommandError('missing', program, `${program} is not installed`);
    }
    const maxBytes = commandOptions?.maxBytes;
    if (
      maxBytes !== undefined &&
      Buffer.byteLength(result.stdout) + Buffer.byteLength(result.stderr) > maxBytes
    ) {
      throw new CommandError(
        'too_large',
        program,
        `${program} printed more than ${maxBytes} bytes`,
      );
    }
    return result;
  };
}
