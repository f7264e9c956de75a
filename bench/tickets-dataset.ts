/**
 * The tickets and reports benchmarks' dataset: 100k tickets with 1M timeline entries, 5,000
 * people each with a laptop and its inventory history (about 22,600 snapshots), made by the seed
 * generator and cached between runs under the system's temp folder, keyed by the seed
 * version and the schema (the last migration), so a changed generator or schema re-seeds;
 * PostgreSQL's cached cluster is seeded again when the server's major version changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MIGRATION_NAMES } from '../electron/services/database/migrations';
import { openStore, type Store } from '../electron/services/database/store';
import { SEED_VERSION } from '../scripts/seed/generate';
import { seedDatabase } from '../scripts/seed/seed-database';
import { postgresMajorVersion, startPostgres, type PostgresCluster } from '#test/helpers/postgres';

export const DATASET = { tickets: 100_000, timelinePerTicket: 10, seed: 1 } as const;

const CACHE_ROOT =
  process.env.DESKSIDE_BENCH_CACHE ?? path.join(os.tmpdir(), 'deskside-bench-cache');
const KEY = `tickets-${DATASET.tickets}x${DATASET.timelinePerTicket}-seed${DATASET.seed}-v${SEED_VERSION}-${MIGRATION_NAMES.at(-1)}`;
/** Written last: a folder without it is an interrupted seed, not a dataset. */
const COMPLETE = 'complete';

async function seed(store: Store, progress: (message: string) => void): Promise<void> {
  let reported = 0;
  const done = await seedDatabase(store, { ...DATASET, batchSize: 2000, now: new Date() }, (p) => {
    if (p.seconds - reported < 10) return;
    reported = p.seconds;
    progress(
      `seeding: ${p.tickets}/${DATASET.tickets} tickets, ${p.timeline} timeline entries, ${p.seconds.toFixed(0)} s`,
    );
  });
  progress(
    `seeded ${done.tickets} tickets, ${done.timeline} timeline entries, ${done.machines} machines and ${done.snapshots} inventory snapshots in ${done.seconds.toFixed(1)} s`,
  );
}

async function freshFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

/** The data folder holding the cached SQLite file (deskside.sqlite), seeded first if needed. */
export async function sqliteDataset(progress: (message: string) => void): Promise<string> {
  const dir = path.join(CACHE_ROOT, `sqlite-${KEY}`);
  const file = path.join(dir, 'deskside.sqlite');
  if (!existsSync(path.join(dir, COMPLETE))) {
    progress(`no cached dataset in ${dir}: seeding one`);
    await freshFolder(dir);
    const store = await openStore({ kind: 'sqlite', file });
    try {
      await seed(store, progress);
    } finally {
      await store.close();
    }
    await mkdir(path.join(dir, COMPLETE));
  } else {
    progress(`using the cached dataset in ${dir}`);
  }
  return dir;
}

/** A PostgreSQL cluster on the cached data folder (seeded first if needed) and its store. */
export async function postgresDataset(
  progress: (message: string) => void,
): Promise<{ cluster: PostgresCluster; url: string }> {
  const dir = path.join(CACHE_ROOT, `pg-${KEY}`);
  const versionFile = path.join(dir, 'data', 'PG_VERSION');
  const cached =
    existsSync(versionFile) &&
    readFileSync(versionFile, 'utf8').trim() === (await postgresMajorVersion()) &&
    existsSync(path.join(dir, COMPLETE));
  if (!cached) {
    progress(`no cached dataset in ${dir}: seeding one`);
    await freshFolder(dir);
  } else {
    progress(`using the cached dataset in ${dir}`);
  }
  await mkdir(path.join(dir, 'data'), { recursive: true });
  const cluster = await startPostgres({ dataDir: path.join(dir, 'data'), keepData: true });
  try {
    if (!cached) {
      const url = await cluster.createDatabase('bench');
      const store = await openStore({ kind: 'postgres', url });
      try {
        await seed(store, progress);
      } finally {
        await store.close();
      }
      await mkdir(path.join(dir, COMPLETE));
    }
    return { cluster, url: cluster.url('bench') };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
