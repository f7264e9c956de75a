import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManagedProcess } from './managed-process';

const SEED = fileURLToPath(new URL('../../scripts/seed.ts', import.meta.url));

/** A new console data folder filled by `npm run seed -- --tickets N` (the real generator). */
export async function seededDataDir(tickets: number): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-seed-'));
  const seed = await ManagedProcess.start(
    process.execPath,
    ['--import', 'tsx', SEED, '--tickets', String(tickets), '--data-dir', dataDir],
    { label: 'npm run seed', env: { NODE_OPTIONS: '', DESKSIDE_DATABASE_URL: '' } },
  );
  const exit = await seed.waitForExit(120_000);
  if (exit.code !== 0) throw new Error(`seeding failed: ${seed.output()}`);
  return dataDir;
}
