import { execFile } from 'node:child_process';
import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import { describe, expect, it } from 'vitest';
import { HOSTILE_VALUES } from './fixtures/hostile-values';
import { batchedRunner } from './batch';

/** Runs `sh -c` here, as the machine's shell would; counts the calls. */
function localRunner() {
  const calls: string[] = [];
  const run: CommandRunner = (program, args) => {
    calls.push(program);
    return new Promise((resolve) => {
      execFile(program, [...args], (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ stdout, stderr, exitCode: code });
      });
    });
  };
  return { run, calls };
}

describe('fixed commands in one batch', () => {
  it('answers each command as if it ran alone, in one session, hostile arguments as literal words', async () => {
    const { run, calls } = localRunner();
    const commands = [
      { program: 'printf', args: ['<%s>', ...HOSTILE_VALUES.slice(0, 3)] },
      { program: 'sh', args: ['-c', 'echo out; echo err >&2; exit 3'] },
      { program: 'no-such-program-here', args: [] },
      { program: 'printf', args: ['no newline'] },
    ];
    const batched = batchedRunner(run, commands, { timeoutMs: 10_000 });
    const [printed, failed, missing, last] = await Promise.allSettled(
      commands.map((c) => batched(c.program, c.args)),
    );
    expect(printed).toEqual({
      status: 'fulfilled',
      value: {
        stdout: HOSTILE_VALUES.slice(0, 3)
          .map((v) => `<${v}>`)
          .join(''),
        stderr: '',
        exitCode: 0,
      },
    });
    expect(failed).toEqual({
      status: 'fulfilled',
      value: { stdout: 'out\n', stderr: 'err\n', exitCode: 3 },
    });
    expect(missing).toMatchObject({ status: 'rejected', reason: { failure: 'missing' } });
    expect(last).toMatchObject({ status: 'fulfilled', value: { stdout: 'no newline' } });
    expect(calls).toEqual(['sh']);
  });

  it('runs each command on its own when the batch fails, and anything else always on its own', async () => {
    const ran: string[] = [];
    const run: CommandRunner = (program, args) => {
      ran.push([program, ...args].join(' '));
      if (program === 'sh') return Promise.reject(new CommandError('timeout', 'sh', 'too slow'));
      return Promise.resolve({ stdout: `${program}\n`, stderr: '', exitCode: 0 });
    };
    const batched = batchedRunner(run, [{ program: 'uname', args: ['-r'] }], { timeoutMs: 1 });
    await expect(batched('uname', ['-r'])).resolves.toMatchObject({ stdout: 'uname\n' });
    await expect(batched('who', [])).resolves.toMatchObject({ stdout: 'who\n' });
    expect(ran).toEqual([expect.stringMatching(/^sh -c /) as string, 'uname -r', 'who']);
  });
});
