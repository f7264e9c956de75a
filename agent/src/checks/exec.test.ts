import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExec, isInstalled, rememberInstalled } from './exec';

describe('finding a program without starting it', () => {
  it('finds programs by path and by name on PATH', async () => {
    expect(await isInstalled(process.execPath)).toBe(true);
    expect(await isInstalled('sh')).toBe(true);
    expect(await isInstalled('no-such-tool-for-deskside')).toBe(false);
    expect(await isInstalled('/no/such/folder/tool')).toBe(false);
    // A file that exists but cannot be run is not a program.
    expect(await isInstalled(path.join(import.meta.dirname, 'exec.ts'))).toBe(false);
  });
});

describe('the check runner’s exec', () => {
  it('passes arguments as they are, never through a shell, and stops when aborted', async () => {
    const echoed = await createExec()('/bin/echo', ['$(id)', '`id`', ';', 'a b']);
    expect(echoed).toEqual({ exitCode: 0, stdout: '$(id) `id` ; a b\n', stderr: '' });
    const controller = new AbortController();
    const sleeping = createExec(controller.signal)('sleep', ['30']);
    controller.abort();
    await expect(sleeping).rejects.toThrow();
  });
});

describe('the runner’s look-ups of programs', () => {
  it('asks once per program within the time an answer is kept, then again', async () => {
    let now = 0;
    const asked: string[] = [];
    const lookUp = rememberInstalled(
      (file) => {
        asked.push(file);
        return Promise.resolve(file === 'smartctl');
      },
      30_000,
      () => now,
    );
    const answers = await Promise.all([
      lookUp('smartctl'),
      lookUp('smartctl'),
      lookUp('needs-restarting'),
    ]);
    now = 29_999;
    expect(await lookUp('smartctl')).toBe(true);
    expect(answers).toEqual([true, true, false]);
    expect(asked).toEqual(['smartctl', 'needs-restarting']);
    now = 30_000;
    await lookUp('smartctl');
    expect(asked).toEqual(['smartctl', 'needs-restarting', 'smartctl']);
  });
});
