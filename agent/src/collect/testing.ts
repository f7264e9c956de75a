// Test support: replays command outputs recorded on a machine of the OS under test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommandError, type CommandResult, type CommandRunner } from './exec';
import { decodePowerShellArgs } from './powershell';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The text of a recorded output, e.g. fixture('windows', 'software.json'). */
export function fixture(...parts: string[]): string {
  return readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

export interface Recording {
  /** The program as the collector runs it (e.g. "dpkg-query", "powershell.exe"). */
  file: string;
  /** Matches the arguments (PowerShell: the decoded script) when given. */
  match?: RegExp;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  /** Fail the way a missing program or a slow one does. */
  failure?: CommandError['failure'];
}

export interface Replay {
  run: CommandRunner;
  /** Every command the collector ran, as [file, ...args]. */
  calls: string[][];
}

/**
 * A CommandRunner that answers from recordings. A command without a recording fails the
 * test: collectors run only what their tests expect.
 */
export function replay(recordings: Recording[]): Replay {
  const calls: string[][] = [];
  const run: CommandRunner = (file, args) => {
    calls.push([file, ...args]);
    const subject = decodePowerShellArgs(args) ?? args.join(' ');
    const recording = recordings.find(
      (r) => r.file === file && (r.match === undefined || r.match.test(subject)),
    );
    if (!recording) {
      return Promise.reject(new Error(`No recording for ${file} ${subject.slice(0, 200)}`));
    }
    if (recording.failure) {
      return Promise.reject(
        new CommandError(recording.failure, file, `${file}: ${recording.failure}`),
      );
    }
    const result: CommandResult = {
      stdout: recording.stdout ?? '',
      stderr: recording.stderr ?? '',
      exitCode: recording.exitCode ?? 0,
    };
    return Promise.resolve(result);
  };
  return { run, calls };
}
