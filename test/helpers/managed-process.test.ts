import { afterAll, describe, expect, it } from 'vitest';
import { ManagedProcess, stopAllProcesses } from './managed-process';

/** A node child running `script`. */
function node(script: string, label = 'child'): Promise<ManagedProcess> {
  return ManagedProcess.start(process.execPath, ['-e', script], { label });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // ESRCH: no such process.
  }
}

afterAll(stopAllProcesses);

describe('ManagedProcess', () => {
  it('finds lines printed before and after the wait, and keeps both streams', async () => {
    const child = await node(
      `console.log('first 1'); console.error('oops'); setTimeout(() => console.log('second 2'), 200);`,
    );
    const [, first] = await child.waitForLine(/^first (\d)$/, 5_000);
    const [, second] = await child.waitForLine(/^second (\d)$/, 5_000);
    expect([first, second]).toEqual(['1', '2']);
    await child.waitForExit(5_000);
    expect(child.stdout()).toBe('first 1\nsecond 2\n');
    expect(child.output()).toBe('first 1\noops\nsecond 2\n');
  });

  it('fails a wait when the process exits first, quoting its output', async () => {
    const child = await node(`console.error('bad config'); process.exit(3);`, 'broken');
    await expect(child.waitForLine(/^ready$/, 5_000)).rejects.toThrow(
      /^broken \(pid \d+\) exited \(exit code 3\) before printing \/\^ready\$\/\n.*\nbad config$/,
    );
  });

  it('fails a wait after its timeout, and is stopped by SIGTERM', async () => {
    const child = await node(`console.log('busy'); setInterval(() => {}, 1_000);`, 'slow');
    // Once it has printed (a loaded machine starts Node slowly), it has 300 ms to say ready.
    await child.waitForLine(/^busy$/, 10_000);
    await expect(child.waitForLine(/^ready$/, 300)).rejects.toThrow(
      /^slow \(pid \d+\) printed no line matching \/\^ready\$\/ within 300 ms\n.*\nbusy$/,
    );
    await child.stop();
    expect(isRunning(child.pid)).toBe(false);
  });

  it('stops a process that ignores SIGTERM with SIGKILL after the grace period', async () => {
    const child = await node(
      `process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1_000);`,
    );
    await child.waitForLine(/^ready$/, 5_000);
    const stopping = Date.now();
    await child.stop(300);
    expect(isRunning(child.pid)).toBe(false);
    expect(Date.now() - stopping).toBeGreaterThanOrEqual(300);
  });
});
