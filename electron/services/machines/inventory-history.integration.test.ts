/**
 * Inventory history on the SQLite file and on PostgreSQL: sections stored once whatever the
 * number of snapshots holding them, snapshots read back exactly, repeats not stored, and on a
 * desk with roles history that analysts can add to but nobody can change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  InventoryV1Schema,
  InventoryV2Schema,
  LOCAL_MACHINE_ID,
  type InventoryV2,
} from '@deskside/core';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import { addAgent } from '#test/helpers/agent-console';
import { startAgent } from '#test/helpers/agent-process';
import { changedInventory } from '#test/helpers/changed-inventory';
import { callError, type TestConsole } from '#test/helpers/console';
import { consolesOnStores, openConsoleOn, STORE_KINDS } from '#test/helpers/stores';
import recordedV1 from '#test/fixtures/inventory-linux.json';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { openDatabaseTarget } from '../database/open';
import { InventoryHistoryService } from './inventory-history';

const base = InventoryV2Schema.parse(recorded);

/** The same machine a little later: it ran longer, its load and free memory and space moved. */
function later(inventory: InventoryV2, minutes: number): InventoryV2 {
  const at = new Date(Date.parse(inventory.collectedAt) + minutes * 60_000).toISOString();
  return {
    ...inventory,
    collectedAt: at,
    observedAt: { ...inventory.observedAt, cpu: at, memory: at, fileSystems: at },
    cpu: inventory.cpu && {
      ...inventory.cpu,
      load: inventory.cpu.load && { ...inventory.cpu.load, percent: minutes % 100, sampledAt: at },
    },
    memory: inventory.memory && {
      ...inventory.memory,
      availableBytes: inventory.memory.availableBytes - minutes * 4096,
      usedBytes: inventory.memory.usedBytes + minutes * 4096,
    },
    fileSystems: inventory.fileSystems?.map((fs) => ({
      ...fs,
      usedBytes: fs.usedBytes + minutes,
      availableBytes: fs.availableBytes - minutes,
    })),
  };
}

/** Attaches a fetched inventory (`snapshotId`) to a new ticket, as an analyst does. */
async function attachToATicket(desk: TestConsole, snapshotId: string) {
  const ticket = await desk.call('tickets.create', {
    requester: 'Sam',
    channel: 'phone',
    summary: 'Slow PC',
  });
  await desk.call('tickets.attachInventory', { ticketId: ticket.id, snapshotId });
}

const consoles = consolesOnStores();
const extra: TestConsole[] = [];
afterEach(async () => {
  await consoles.disposeAll();
  for (const desk of extra.splice(0)) await desk.dispose();
});

describe.each(STORE_KINDS)('inventory history on %s', (kind) => {
  it('stores each section once, reads every snapshot back exactly and skips repeats', async () => {
    const desk = await consoles.open(kind);
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    const first = base;
    const second = later(base, 5);
    const updated = later(base, 10);
    const programs = updated.software?.programs ?? [];
    expect(programs.length).toBeGreaterThan(1);
    updated.software = {
      programs: programs.map((p, i) => (i === 0 ? { ...p, version: `${p.version}+1` } : p)),
    };

    const a = await history.record('pc-1', first, 'agent');
    // Only readings moved: the same machine, not stored again.
    const repeat = await history.record('pc-1', second, 'ssh');
    const b = await history.record('pc-1', updated, 'local');
    expect(a.stored).toBe(true);
    expect(repeat).toEqual({ snapshotId: a.snapshotId, stored: false });
    expect(b.stored).toBe(true);

    const sections = await desk.db.selectFrom('inventorySections').select('hash').execute();
    const firstHashes = new Set(Object.values((await history.list('pc-1'))[1]?.sections ?? {}));
    // Every distinct section of the first (empty lists are one and the same), plus the new
    // software list.
    expect(firstHashes.size).toBeGreaterThan(10);
    expect(sections).toHaveLength(firstHashes.size + 1);
    expect(await desk.db.selectFrom('inventorySnapshots').select('id').execute()).toHaveLength(2);

    expect((await history.get(a.snapshotId)).inventory).toStrictEqual(first);
    const got = await history.get(b.snapshotId);
    expect(got.inventory).toStrictEqual(updated);

    const list = await history.list('pc-1');
    expect(list.map((s) => [s.id, s.source, s.takenBy, s.hostname])).toEqual([
      [b.snapshotId, 'local', 'ana.lyst', base.hostname],
      [a.snapshotId, 'agent', 'ana.lyst', base.hostname],
    ]);
    const [newest, oldest] = list;
    const changed = Object.keys(newest?.sections ?? {}).filter(
      (name) => newest?.sections[name] !== oldest?.sections[name],
    );
    expect(changed).toEqual(['software']);
    expect(await history.list('pc-1', { limit: 1 })).toHaveLength(1);
    expect(await history.list('pc-2')).toEqual([]);
    await expect(history.get(b.snapshotId + 100)).rejects.toThrow(/no inventory snapshot/);
  });

  it('reads back documents of schema version 1 as they were sent', async () => {
    const desk = await consoles.open(kind);
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    const old = InventoryV1Schema.parse(recordedV1);
    const a = await history.record('pc-old', old, 'agent');
    const rebooted = { ...old, os: { ...old.os, uptimeSeconds: old.os.uptimeSeconds + 60 } };
    expect(await history.record('pc-old', rebooted, 'agent')).toEqual({
      snapshotId: a.snapshotId,
      stored: false,
    });
    expect((await history.get(a.snapshotId)).inventory).toStrictEqual(old);
  });

  it('keeps what the console fetches and attaches, once per change', async () => {
    let minutes = 0;
    const desk = await openConsoleOn(kind, {
      collectLocalInventory: () => Promise.resolve(later(base, (minutes += 5))),
    });
    extra.push(desk);
    const [pc] = (await desk.call('machines.list', {})).filter((m) => m.thisComputer);
    expect(pc).toBeDefined();
    const id = pc?.id ?? '';
    const shown = await desk.call('machines.inventory', { id });
    await desk.call('machines.inventory', { id });
    await attachToATicket(desk, shown.snapshotId);
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    const list = await history.list(id);
    // This computer's inventory, collected in-process: readings moved, nothing else did.
    expect(list.map((s) => s.source)).toEqual(['local']);
    expect((await history.get(list[0]?.id ?? 0)).inventory).toStrictEqual(shown.inventory);

    // Through the API, This computer by its own id or as `local`.
    const entries = await desk.call('machines.inventoryHistory', { id: LOCAL_MACHINE_ID });
    expect(entries).toEqual(list);
    const kept = await desk.call('machines.inventorySnapshot', { snapshotId: list[0]?.id ?? 0 });
    expect(kept).toStrictEqual({ entry: list[0], inventory: shown.inventory });
    expect(
      (await callError(desk.call('machines.inventorySnapshot', { snapshotId: 999 }))).code,
    ).toBe('not_found');
  });

  it('keeps an inventory attached as evidence when the machine changed after it was shown', async () => {
    const desk = await openConsoleOn(kind, {
      collectLocalInventory: () => Promise.resolve(base),
    });
    extra.push(desk);
    const shown = await desk.call('machines.inventory', { id: LOCAL_MACHINE_ID });
    // A newer inventory of the machine is kept before the analyst attaches the one shown.
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    await history.record(shown.machineId, changedInventory(base), 'agent');
    await attachToATicket(desk, shown.snapshotId);
    const list = await history.list(shown.machineId);
    expect(list.map((s) => s.source)).toEqual(['evidence', 'agent', 'local']);
    expect((await history.get(list[0]?.id ?? 0)).inventory).toStrictEqual(shown.inventory);
  });

  it('keeps what a real agent sends, as the agent’s', async () => {
    const agent = await startAgent();
    try {
      const desk = await consoles.open(kind);
      const machine = await addAgent(desk, agent, 'PC-RECEPTION');
      const shown = await desk.call('machines.inventory', { id: machine.id });
      const [entry] = await desk.call('machines.inventoryHistory', { id: machine.id });
      expect(entry).toMatchObject({ machineId: machine.id, source: 'agent', takenBy: 'ana.lyst' });
      const kept = await desk.call('machines.inventorySnapshot', { snapshotId: entry?.id ?? 0 });
      expect(kept.inventory).toStrictEqual(shown.inventory);
    } finally {
      await agent.stop();
    }
  });

  it('refuses to change or delete history, whoever asks', async () => {
    const desk = await consoles.open(kind);
    const history = new InventoryHistoryService(desk.db, 'ana.lyst');
    await history.record('pc-1', base, 'agent');
    await expect(
      desk.db.updateTable('inventorySnapshots').set({ source: 'ssh' }).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(desk.db.deleteFrom('inventorySections').execute()).rejects.toThrow(/immutable/);
  });
});

let run = 0;

describe('inventory history on a desk with roles', () => {
  it('lets analysts record history, signed as themselves, and refuses them changing it', async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    const ada = deskAnalyst(`ada_h${tag}`, 'admin');
    const bram = deskAnalyst(`bram_h${tag}`, 'analyst');
    const cora = deskAnalyst(`cora_h${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram, cora]);
    try {
      const bramsUrl = signedInAs(ownerUrl, bram);
      const corasUrl = signedInAs(ownerUrl, cora);
      const asBram = await openDatabaseTarget({ kind: 'postgres', url: bramsUrl });
      const asCora = await openDatabaseTarget({ kind: 'postgres', url: corasUrl });
      try {
        // Whatever name a console gives, the database signs the row with the analyst's own.
        const bramsHistory = new InventoryHistoryService(asBram, 'someone else');
        const corasHistory = new InventoryHistoryService(asCora, cora.login);
        await bramsHistory.record('pc-1', base, 'agent');
        const changed = later(base, 1);
        changed.hostname = 'renamed';
        const second = await corasHistory.record('pc-1', changed, 'ssh');
        expect(second.stored).toBe(true);
        expect((await bramsHistory.list('pc-1')).map((s) => s.takenBy)).toEqual([
          cora.login,
          bram.login,
        ]);
        expect((await bramsHistory.get(second.snapshotId)).inventory).toStrictEqual(changed);

        const denied = /permission denied/;
        for (const url of [bramsUrl, corasUrl]) {
          expect(await tryAs(url, `UPDATE inventory_snapshots SET source = 'evidence'`)).toMatch(
            denied,
          );
          expect(await tryAs(url, `DELETE FROM inventory_snapshots`)).toMatch(denied);
          expect(await tryAs(url, `UPDATE inventory_sections SET body = '{}'`)).toMatch(denied);
          expect(await tryAs(url, `DELETE FROM inventory_sections`)).toMatch(denied);
          expect(await tryAs(url, `TRUNCATE inventory_snapshots`)).toMatch(denied);
        }
        // The owner is refused too: history is append-only.
        expect(await tryAs(ownerUrl, `DELETE FROM inventory_snapshots`)).toMatch(/immutable/);
        const count = await owner
          .selectFrom('inventorySnapshots')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(2);
      } finally {
        await asBram.destroy();
        await asCora.destroy();
      }
    } finally {
      await owner.destroy();
    }
  });
});
