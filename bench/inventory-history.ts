/**
 * inventory.history_bytes_per_snapshot: 1,000 inventories of one machine, as the console
 * would receive them every half hour for three weeks, recorded in inventory history on a
 * fresh SQLite file. Between readings load, memory and free space move; now and then a few
 * programs are updated, the pending updates change and someone logs in or out. The metric is
 * the bytes the history tables hold (every column's value, text as UTF-8, integers as 8)
 * divided by the snapshots received; `inventory.history_ratio_percent` is that as a share of
 * one full inventory's JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { InventoryV2Schema, type InventoryV2 } from '@deskside/core';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { openDatabase } from '../electron/services/database/open';
import { InventoryHistoryService } from '../electron/services/machines/inventory-history';
import type { Benchmark } from './benchmark';

const SNAPSHOTS = 1000;
const PROGRAMS = 1200;
const EVERY_MS = 30 * 60_000;

/** A small deterministic generator (mulberry32), so every run measures the same history. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Debian desktop's package list: PROGRAMS packages, sorted by name. */
function programs(): NonNullable<InventoryV2['software']>['programs'] {
  const next = random(7);
  return Array.from({ length: PROGRAMS }, (_, i) => ({
    name: `lib${(i * 7919).toString(36)}-${['utils', 'common', 'data', 'dev', 'bin'][i % 5]}`,
    version: `${1 + Math.floor(next() * 9)}.${Math.floor(next() * 30)}.${Math.floor(next() * 10)}-${1 + (i % 4)}+deb12u${Math.floor(next() * 5)}`,
    publisher: `Debian ${['Perl', 'GNOME', 'Python', 'X Strike Force', 'Rust'][i % 5]} Maintainers`,
    architecture: i % 3 === 0 ? 'all' : 'amd64',
    installedOn: null,
    sizeBytes: Math.floor(next() * 5_000_000),
    source: 'dpkg' as const,
  })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The 1,000 inventories, oldest first. */
export function churningInventories(): InventoryV2[] {
  const base = InventoryV2Schema.parse(recorded);
  const next = random(42);
  let software = programs();
  let updates = base.updates;
  let users = base.users ?? [];
  const used = (base.fileSystems ?? []).map((fs) => fs.usedBytes);
  const start = Date.parse(base.collectedAt);
  const inventories: InventoryV2[] = [];
  for (let i = 0; i < SNAPSHOTS; i += 1) {
    const at = new Date(start + i * EVERY_MS).toISOString();
    if (next() < 0.04) {
      // A few programs updated.
      const updated = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => next()));
      software = software.map((p, n) =>
        [...updated].some((u) => Math.floor(u * PROGRAMS) === n)
          ? { ...p, version: `${p.version}.${i}` }
          : p,
      );
    }
    if (updates && next() < 0.02) {
      updates = { ...updates, updates: updates.updates.slice(0, Math.floor(next() * 5)) };
    }
    if (next() < 0.05) {
      users =
        users.length > 0
          ? []
          : [{ user: 'sofie', session: 'tty2', remoteHost: '', loginAt: at, state: '' }];
    }
    for (let f = 0; f < used.length; f += 1) {
      used[f] = Math.max(0, (used[f] ?? 0) + Math.floor((next() - 0.45) * 50_000_000));
    }
    inventories.push({
      ...base,
      collectedAt: at,
      observedAt: { ...base.observedAt, cpu: at, memory: at, fileSystems: at, users: at },
      cpu: base.cpu && {
        ...base.cpu,
        load: base.cpu.load && {
          ...base.cpu.load,
          percent: Math.round(next() * 100),
          loadAverage: [next() * 4, next() * 4, next() * 4],
          sampledAt: at,
        },
      },
      memory: base.memory && {
        ...base.memory,
        availableBytes: Math.floor(next() * base.memory.totalBytes),
        usedBytes: Math.floor(next() * base.memory.totalBytes),
      },
      fileSystems: base.fileSystems?.map((fs, f) => {
        const usedBytes = Math.min(fs.sizeBytes, used[f] ?? 0);
        return {
          ...fs,
          usedBytes,
          availableBytes: fs.sizeBytes - usedBytes,
          usePercent: fs.sizeBytes > 0 ? Math.round((usedBytes / fs.sizeBytes) * 1000) / 10 : null,
        };
      }),
      users,
      software: { programs: software },
      ...(updates ? { updates } : {}),
    });
  }
  return inventories;
}

/** What the history tables hold: every value's bytes (text as UTF-8, integers as 8). */
async function storedBytes(db: Awaited<ReturnType<typeof openDatabase>>): Promise<number> {
  const { rows } = await sql<{ bytes: number }>`
    SELECT
      (SELECT COALESCE(SUM(length(CAST(hash AS BLOB)) + length(CAST(encoding AS BLOB))
        + length(CAST(body AS BLOB)) + 8), 0) FROM inventory_sections)
      + (SELECT COALESCE(SUM(8 + length(CAST(machine_id AS BLOB)) + length(CAST(taken_at AS BLOB))
        + length(CAST(source AS BLOB)) + length(CAST(taken_by AS BLOB))
        + length(CAST(content_hash AS BLOB)) + length(CAST(head AS BLOB))
        + length(CAST(sections AS BLOB)) + length(CAST(volatile AS BLOB))), 0)
        FROM inventory_snapshots) AS bytes`.execute(db);
  return rows[0]?.bytes ?? 0;
}

export const inventoryHistoryBenchmark: Benchmark = {
  name: 'inventory.history',
  needsAgentBuild: false,
  metrics: [
    {
      name: 'inventory.history_bytes_per_snapshot',
      unit: 'bytes',
      description: 'stored bytes per snapshot, 1,000 snapshots of one machine with churn',
      defaultSamples: 1,
    },
    {
      name: 'inventory.history_ratio_percent',
      unit: '%',
      description: 'the same as a share of one full inventory (JSON)',
      defaultSamples: 1,
    },
  ],
  async run(context) {
    const inventories = churningInventories();
    const full = Buffer.byteLength(JSON.stringify(inventories.at(-1)));
    const perSnapshot: number[] = [];
    const samples = Math.max(
      context.samples('inventory.history_bytes_per_snapshot'),
      context.samples('inventory.history_ratio_percent'),
    );
    for (let sample = 0; sample < samples; sample += 1) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-history-'));
      const db = await openDatabase(path.join(dir, 'deskside.sqlite'));
      try {
        const history = new InventoryHistoryService(db, 'sofie');
        let rows = 0;
        for (const inventory of inventories) {
          const { stored: added } = await history.record(
            'pc-bench',
            inventory,
            'agent',
            inventory.collectedAt,
          );
          if (added) rows += 1;
        }
        const bytes = await storedBytes(db);
        perSnapshot.push(bytes / inventories.length);
        context.progress(
          `${inventories.length} inventories of ${full} bytes: ${rows} snapshots stored, ${bytes} bytes in all`,
        );
      } finally {
        await db.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    }
    context.record('inventory.history_bytes_per_snapshot', perSnapshot);
    context.record(
      'inventory.history_ratio_percent',
      perSnapshot.map((bytes) => (bytes / full) * 100),
    );
  },
};
