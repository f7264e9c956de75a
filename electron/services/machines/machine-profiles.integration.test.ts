/**
 * Machine profiles on the SQLite file and on PostgreSQL: recording an inventory keeps the
 * machine's profile and software rows those of its newest snapshot, a late older snapshot
 * changes nothing, consoles profile history recorded before profiles existed, and on a desk
 * with roles analysts' consoles keep profiles current, also when two record at once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { InventoryV2Schema, inventoryProfile, type InventoryV2 } from '@deskside/core';
import { openTestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, signedInAs } from '#test/helpers/desk';
import {
  consolesOnStores,
  newPostgresDatabase,
  openConsoleOn,
  STORE_KINDS,
} from '#test/helpers/stores';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { openDatabaseTarget, type Db } from '../database/open';
import { InventoryHistoryService } from './inventory-history';

const base = InventoryV2Schema.parse(recorded);
const programs = base.software?.programs ?? [];

/** The machine with its first program at another version and `extra` more programs. */
function withSoftware(inventory: InventoryV2, version: string, extra = 0): InventoryV2 {
  const first = programs[0]!;
  return {
    ...inventory,
    software: {
      programs: [
        { ...first, version },
        ...programs.slice(1),
        ...Array.from({ length: extra }, (_, i) => ({ ...first, name: `Extra ${i}` })),
      ],
    },
  };
}

async function profileOf(db: Db, machineId: string) {
  const profile = await db
    .selectFrom('machineProfiles')
    .selectAll()
    .where('machineId', '=', machineId)
    .executeTakeFirst();
  const software = await db
    .selectFrom('machineSoftware')
    .select(['name', 'version'])
    .where('machineId', '=', machineId)
    .orderBy('name')
    .orderBy('version')
    .execute();
  return { profile, software };
}

const sorted = (list: { name: string; version: string }[]) =>
  [...list].sort((a, b) =>
    a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1,
  );

/** What the profile tables should hold for `inventory`, recorded as snapshot `id` at `at`. */
function expected(inventory: InventoryV2, machineId: string, snapshotId: number, takenAt: string) {
  const { profile, software } = inventoryProfile(inventory);
  return {
    profile: { machineId, snapshotId, takenAt, ...profile },
    software: sorted(software ?? []),
  };
}

const consoles = consolesOnStores();
afterEach(() => consoles.disposeAll());

describe.each(STORE_KINDS)('machine profiles on %s', (kind) => {
  it("keep the newest snapshot's profile and software, whatever arrives late", async () => {
    const desk = await consoles.open(kind);
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    const monday = '2026-11-30T09:00:00.000Z';
    const wednesday = '2026-12-02T09:00:00.000Z';
    const a = await history.record('pc-1', base, 'agent', monday);
    expect(await profileOf(desk.db, 'pc-1')).toEqual(expected(base, 'pc-1', a.snapshotId, monday));

    const upgraded = withSoftware({ ...base, os: { ...base.os!, release: '13' } }, '9.9', 2);
    const b = await history.record('pc-1', upgraded, 'ssh', wednesday);
    const now = await profileOf(desk.db, 'pc-1');
    expect(now).toEqual(expected(upgraded, 'pc-1', b.snapshotId, wednesday));
    expect(now.profile?.osRelease).toBe('13');
    expect(now.software).toContainEqual({ name: 'Extra 1', version: programs[0]!.version });

    // Taken on Tuesday, received after Wednesday's: kept in history, not the profile.
    const tuesday = withSoftware({ ...base, hostname: 'late' }, '0.1');
    const late = await history.record('pc-1', tuesday, 'evidence', '2026-12-01T09:00:00.000Z');
    expect(late.stored).toBe(true);
    expect(await profileOf(desk.db, 'pc-1')).toEqual(now);
    // Another machine's profile is its own.
    await history.record('pc-2', tuesday, 'agent', monday);
    expect((await profileOf(desk.db, 'pc-2')).profile?.snapshotId).toBe(late.snapshotId + 1);
    expect(await profileOf(desk.db, 'pc-1')).toEqual(now);
  });

  it('leave the software rows alone when only other sections changed, and keep them without a software section', async () => {
    const desk = await consoles.open(kind);
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    // Each row's physical identity: a rewritten row gets a new one.
    const rowIds = async () =>
      (
        await sql<{
          id: string;
        }>`SELECT ${sql.raw(kind === 'sqlite' ? 'rowid' : 'xmin::text || ctid::text')} AS id
          FROM machine_software WHERE machine_id = 'pc-1' ORDER BY name, version`.execute(desk.db)
      ).rows.map((row) => row.id);
    await history.record('pc-1', base, 'agent', '2026-12-01T09:00:00.000Z');
    const before = await rowIds();
    expect(before).toHaveLength(programs.length);

    await history.record(
      'pc-1',
      { ...base, hostname: 'renamed' },
      'agent',
      '2026-12-01T10:00:00.000Z',
    );
    expect(await rowIds()).toEqual(before);

    const withoutSoftware: InventoryV2 = { ...base };
    delete withoutSoftware.software;
    const c = await history.record(
      'pc-1',
      { ...withoutSoftware, hostname: 'partial' },
      'ssh',
      '2026-12-01T11:00:00.000Z',
    );
    expect(await rowIds()).toEqual(before);
    expect((await profileOf(desk.db, 'pc-1')).profile?.snapshotId).toBe(c.snapshotId);

    // One program updated: its row alone is replaced.
    await history.record('pc-1', withSoftware(base, '2.0'), 'agent', '2026-12-01T12:00:00.000Z');
    const after = await rowIds();
    expect(after.filter((id) => before.includes(id))).toHaveLength(programs.length - 1);
  });

  it('are made at console start for machines whose history has no profile yet', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-profiles-'));
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : '';
    try {
      const first = await openConsoleOn(kind, { dataDir, databaseUrl });
      const history = new InventoryHistoryService(first.db, 'ana.lyst');
      await history.record('pc-1', base, 'agent', '2026-12-01T09:00:00.000Z');
      const newest = withSoftware(base, '3.0');
      const b = await history.record('pc-1', newest, 'agent', '2026-12-02T09:00:00.000Z');
      await history.record('pc-2', base, 'agent', '2026-12-02T09:00:00.000Z');
      const kept = await profileOf(first.db, 'pc-2');
      // As a database from before migration 0010 has it: history, and no profile of pc-1.
      await first.db.deleteFrom('machineSoftware').where('machineId', '=', 'pc-1').execute();
      await first.db.deleteFrom('machineProfiles').where('machineId', '=', 'pc-1').execute();
      await first.dispose();

      const second = await openConsoleOn(kind, { dataDir, databaseUrl });
      try {
        expect(await profileOf(second.db, 'pc-1')).toEqual(
          expected(newest, 'pc-1', b.snapshotId, '2026-12-02T09:00:00.000Z'),
        );
        expect(await profileOf(second.db, 'pc-2')).toEqual(kept);
        // Nothing left to do: the next start profiles nothing.
        expect(await new InventoryHistoryService(second.db, 'ana.lyst').backfillProfiles()).toEqual(
          [],
        );
      } finally {
        await second.dispose();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

let run = 0;

describe('machine profiles on a desk with roles', () => {
  it("are kept current by analysts' consoles, one consistent profile when two record at once", async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    const ada = deskAnalyst(`ada_p${tag}`, 'admin');
    const bram = deskAnalyst(`bram_p${tag}`, 'analyst');
    const cora = deskAnalyst(`cora_p${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram, cora]);
    const asBram = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, bram) });
    const asCora = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, cora) });
    try {
      const brams = new InventoryHistoryService(asBram, bram.login);
      const coras = new InventoryHistoryService(asCora, cora.login);
      const a = await brams.record('pc-1', base, 'agent', '2026-12-01T08:00:00.000Z');
      expect(await profileOf(owner, 'pc-1')).toEqual(
        expected(base, 'pc-1', a.snapshotId, '2026-12-01T08:00:00.000Z'),
      );

      // Bram's console: This computer's inventory, fetched through the API, is its profile.
      const bramsConsole = await openTestConsole({
        databaseUrl: signedInAs(ownerUrl, bram),
        collectLocalInventory: () => Promise.resolve(withSoftware(base, 'console')),
      });
      try {
        const pc = (await bramsConsole.call('machines.list', {})).find((m) => m.thisComputer)!;
        const shown = await bramsConsole.call('machines.inventory', { id: pc.id });
        const [entry] = await bramsConsole.call('machines.inventoryHistory', { id: pc.id });
        expect(await profileOf(owner, pc.id)).toEqual(
          expected(withSoftware(base, 'console'), pc.id, entry!.id, entry!.takenAt),
        );
        expect(inventoryProfile(shown.inventory).software).toContainEqual({
          name: programs[0]!.name,
          version: 'console',
        });
      } finally {
        await bramsConsole.dispose();
      }

      const sent = new Map<number, { inventory: InventoryV2; takenAt: string }>();
      for (let round = 0; round < 8; round++) {
        const hour = String(10 + round).padStart(2, '0');
        // Bram's and Cora's readings of the same hour; either may be the newer one.
        const cases = [
          {
            history: brams,
            inventory: withSoftware(base, `b${round}`, round % 3),
            minute: round % 2 ? '01' : '02',
          },
          {
            history: coras,
            inventory: withSoftware(base, `c${round}`, 5 - (round % 3)),
            minute: round % 2 ? '02' : '01',
          },
        ];
        const results = await Promise.all(
          cases.map(({ history, inventory, minute }) => {
            const takenAt = `2026-12-01T${hour}:${minute}:00.000Z`;
            return history
              .record('pc-1', inventory, 'agent', takenAt)
              .then((r) => sent.set(r.snapshotId, { inventory, takenAt }));
          }),
        );
        expect(results).toHaveLength(2);
      }
      const newest = await owner
        .selectFrom('inventorySnapshots')
        .select(['id', 'takenAt'])
        .where('machineId', '=', 'pc-1')
        .orderBy('takenAt', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const { inventory, takenAt } = sent.get(newest.id)!;
      expect(takenAt).toBe('2026-12-01T17:02:00.000Z');
      expect(await profileOf(owner, 'pc-1')).toEqual(
        expected(inventory, 'pc-1', newest.id, takenAt),
      );
    } finally {
      await asBram.destroy();
      await asCora.destroy();
      await owner.destroy();
    }
  });
});
