import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Temporary folders for one test file: `make()` in a test, `removeAll()` after it. */
export function temporaryFolders(prefix: string): {
  make: () => Promise<string>;
  removeAll: () => Promise<void>;
} {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    async removeAll() {
      await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
