import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessRefresher, stopRefreshes } from './refresh-child';

/**
 * The refresh child's lifecycle with a stand-in for the agent's own bundle (a script that
 * leaves a mark and prints one notice), so that what is started can be seen.
 */
let dir: string;
let script: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-refresh-child-'));
  script = path.join(dir, 'stand-in.cjs');
  await writeFile(
    script,
    [
      "const fs = require('node:fs');",
      "const dataDir = process.argv[process.argv.indexOf('--data-dir') + 1];",
      "fs.writeFileSync(require('node:path').join(dataDir, 'started-' + process.pid), '');",
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const marks = async () => (await readdir(dir)).filter((name) => name.startsWith('started-'));

describe('inventory refresh children', () => {
  it('runs a refresh while the agent runs', async () => {
    const refresh = childProcessRefresher({
      self: { executable: process.execPath, script },
      dataDir: dir,
    });
    await refresh(['os'], () => undefined, 'awaited');
    expect(await marks()).toHaveLength(1);
  });

  it('starts none once the agent is stopping, so none outlives it', async () => {
    await stopRefreshes();
    const refresh = childProcessRefresher({
      self: { executable: process.execPath, script },
      dataDir: dir,
    });
    await expect(refresh(['os'], () => undefined, 'background')).rejects.toThrow(/stopping/);
    // Given time to have started, nothing did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await marks()).toHaveLength(1);
  });
});
