/**
 * inventory.timeline: the History section of a machine with 1,000 kept inventories (the
 * churning history of bench/inventory-history.ts on a fresh SQLite file, about 1,200
 * programs each). `inventory.timeline_page_ms`: one page of 50 entries, each compared with
 * the inventory kept before it, newest first; `inventory.timeline_deep_page_ms` the same for the
 * oldest 50 kept; `inventory.timeline_since_ms`: what changed since a date three weeks back (the
 * oldest against the latest).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/services/database/open';
import { InventoryBaselines } from '../electron/services/machines/inventory-baselines';
import { InventoryChangesService } from '../electron/services/machines/inventory-changes';
import { InventoryHistoryService } from '../electron/services/machines/inventory-history';
import type { Benchmark } from './benchmark';
import { churningInventories } from './inventory-history';

const MACHINE = 'pc-bench';

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export const inventoryTimelineBenchmark: Benchmark = {
  name: 'inventory.timeline',
  needsAgentBuild: false,
  metrics: [
    {
      name: 'inventory.timeline_page_ms',
      unit: 'ms',
      description: 'first timeline page (50 entries, each diffed), 1,000 kept inventories',
      defaultSamples: 10,
    },
    {
      name: 'inventory.timeline_deep_page_ms',
      unit: 'ms',
      description: 'the timeline page of the oldest 50 kept inventories of the same history',
      defaultSamples: 10,
    },
    {
      name: 'inventory.timeline_since_ms',
      unit: 'ms',
      description: 'what changed since the first of the same 1,000 inventories',
      defaultSamples: 10,
    },
  ],
  async run(context) {
    const inventories = churningInventories();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-timeline-'));
    const db = await openDatabase(path.join(dir, 'deskside.sqlite'));
    try {
      const history = new InventoryHistoryService(db, 'sofie');
      let stored = 0;
      for (const inventory of inventories) {
        const kept = await history.record(MACHINE, inventory, 'agent', inventory.collectedAt);
        if (kept.stored) stored += 1;
      }
      const deep = Math.max(0, stored - 50);
      context.progress(`${inventories.length} inventories received, ${stored} kept`);
      const baselines = new InventoryBaselines(db, history, 'sofie');
      const changes = new InventoryChangesService(db, history, baselines);
      const since = inventories[0]?.collectedAt ?? '';
      const measure = async (metric: string, run: () => Promise<unknown>) => {
        if (!context.wants(metric)) return;
        await run(); // warm-up: the first call compiles and fills the caches
        const samples: number[] = [];
        for (let i = 0; i < context.samples(metric); i += 1) samples.push(await timed(run));
        context.record(metric, samples);
      };
      await measure('inventory.timeline_page_ms', () =>
        changes.timeline(MACHINE, { limit: 50, offset: 0 }),
      );
      await measure('inventory.timeline_deep_page_ms', () =>
        changes.timeline(MACHINE, { limit: 50, offset: deep }),
      );
      await measure('inventory.timeline_since_ms', () =>
        changes.diff(MACHINE, { kind: 'since', since }),
      );
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
