import { assertEmpty, finishLoad, loadBatch } from '../../electron/services/data/bulk-load';
import type { Store } from '../../electron/services/database/store';
import { generateBatches, type SeedOptions } from './generate';

export interface SeedProgress {
  tickets: number;
  timeline: number;
  machines: number;
  snapshots: number;
  seconds: number;
}

/** Fills an empty store with generated data, reporting progress after each batch. */
export async function seedDatabase(
  store: Store,
  options: SeedOptions,
  progress: (done: SeedProgress) => void = () => undefined,
): Promise<SeedProgress> {
  await assertEmpty(store);
  const started = performance.now();
  const done: SeedProgress = { tickets: 0, timeline: 0, machines: 0, snapshots: 0, seconds: 0 };
  const now = options.now.toISOString();
  for (const batch of generateBatches(options)) {
    await loadBatch(store, batch, now);
    done.tickets += batch.tickets.length;
    for (const { past } of batch.tickets) done.timeline += 1 + (past?.length ?? 0);
    for (const { snapshots } of batch.machines ?? []) {
      done.machines += 1;
      done.snapshots += snapshots.length;
    }
    done.seconds = (performance.now() - started) / 1000;
    progress({ ...done });
  }
  await finishLoad(store);
  done.seconds = (performance.now() - started) / 1000;
  return done;
}
