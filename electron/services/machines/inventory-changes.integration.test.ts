/**
 * What changed on a machine, on the SQLite file and on PostgreSQL: diffs between kept
 * inventories (by id, since a date, against baselines), the timeline, a diff attached to a
 * ticket as evidence whose hash verifies, and on a desk with roles model baselines that only
 * leads may set, whatever a console or psql tries.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, InventoryV2Schema, type InventoryV2 } from '@deskside/core';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { changedInventory, KNOWN_CHANGES } from '#test/helpers/changed-inventory';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, queryAs, signedInAs, tryAs } from '#test/helpers/desk';
import { consolesOnStores, STORE_KINDS } from '#test/helpers/stores';
import { exportData, importData } from '#test/helpers/transfers';
import { InventoryHistoryService } from './inventory-history';

const base = InventoryV2Schema.parse(recorded);
const firstProgram = base.software?.programs[0];
const lastProgram = base.software?.programs.at(-1);

const T0 = '2026-11-20T09:00:00.000Z';
const T1 = '2026-11-25T09:00:00.000Z';
const T2 = '2026-11-30T09:00:00.000Z';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** This computer of `desk`, with three kept inventories: the recorded one, then two changes. */
async function machineWithHistory(desk: TestConsole) {
  const [pc] = (await desk.call('machines.list', {})).filter((m) => m.thisComputer);
  if (!pc) throw new Error('expected This computer');
  const history = new InventoryHistoryService(desk.db, 'ana.lyst');
  const changed = changedInventory(base);
  const renamed: InventoryV2 = {
    ...changed,
    hostname: 'vm-renamed',
    os: changed.os && { ...changed.os, hostname: 'vm-renamed' },
  };
  const a = await history.record(pc.id, base, 'agent', T0);
  const b = await history.record(pc.id, changed, 'agent', T1);
  const c = await history.record(pc.id, renamed, 'ssh', T2);
  return { pc, ids: [a.snapshotId, b.snapshotId, c.snapshotId] as const };
}

async function counts(desk: TestConsole) {
  const count = async (table: 'evidence' | 'timeline' | 'machineBaselines' | 'modelBaselines') =>
    Number(
      (
        await desk.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    evidence: await count('evidence'),
    timeline: await count('timeline'),
    machineBaselines: await count('machineBaselines'),
    modelBaselines: await count('modelBaselines'),
  };
}

const consoles = consolesOnStores();
afterEach(async () => {
  await consoles.disposeAll();
});

describe.each(STORE_KINDS)('what changed on a machine, on %s', (kind) => {
  it('compares two kept inventories by id, and since a date, section by section', async () => {
    const desk = await consoles.open(kind);
    const { pc, ids } = await machineWithHistory(desk);
    const [a, b, c] = ids;

    const byId = await desk.call('machines.inventoryDiff', {
      id: pc.id,
      compare: { kind: 'snapshots', from: a, to: b },
    });
    expect(byId.from).toMatchObject({ id: a, takenAt: T0, source: 'agent', takenBy: 'ana.lyst' });
    expect(byId.to).toMatchObject({ id: b, takenAt: T1 });
    const software = byId.diff.sections.software;
    if (software.status !== 'compared') throw new Error('software should be compared');
    expect(software.added.map((p) => [p.name, p.version])).toEqual([
      [KNOWN_CHANGES.added, KNOWN_CHANGES.addedVersion],
    ]);
    expect(software.removed.map((p) => p.name)).toEqual([lastProgram?.name]);
    expect(software.updated).toEqual([
      expect.objectContaining({
        name: firstProgram?.name,
        fromVersion: firstProgram?.version,
        toVersion: `${firstProgram?.version}+1`,
      }),
    ]);
    const network = byId.diff.sections.network;
    if (network.status !== 'compared') throw new Error('network should be compared');
    expect(network.changes).toContainEqual({
      field: 'dnsServers',
      from: base.network?.dnsServers,
      to: [KNOWN_CHANGES.dnsServer],
    });
    expect(byId.diff.summary.sections.software).toBe(3);
    expect(byId.diff.summary.sections.disks).toBe(0);

    // Since a date between the first and the second: the first against the latest.
    const since = await desk.call('machines.inventoryDiff', {
      id: 'local',
      compare: { kind: 'since', since: '2026-11-22T00:00:00.000Z' },
    });
    expect([since.from.id, since.to.id]).toEqual([a, c]);
    const os = since.diff.sections.os;
    if (os.status !== 'compared') throw new Error('os should be compared');
    expect(since.diff.summary.total).toBeGreaterThan(byId.diff.summary.total);
    // Exactly at the second's time: the second is "at or before".
    const atSecond = await desk.call('machines.inventoryDiff', {
      id: pc.id,
      compare: { kind: 'since', since: T1 },
    });
    expect([atSecond.from.id, atSecond.to.id]).toEqual([b, c]);

    const none = await callError(
      desk.call('machines.inventoryDiff', {
        id: pc.id,
        compare: { kind: 'since', since: '2026-11-01T00:00:00.000Z' },
      }),
    );
    expect(none.code).toBe('not_found');
    expect(none.message).toMatch(/at or before/);
    // A kept inventory of another machine is no inventory of this one.
    const other = await new InventoryHistoryService(desk.db, 'ana.lyst').record(
      'pc-elsewhere',
      base,
      'agent',
    );
    expect(
      (
        await callError(
          desk.call('machines.inventoryDiff', {
            id: pc.id,
            compare: { kind: 'snapshots', from: other.snapshotId, to: c },
          }),
        )
      ).code,
    ).toBe('not_found');
  });

  it('lists the timeline newest first, a page at a time, with what changed in each', async () => {
    const desk = await consoles.open(kind);
    const { pc, ids } = await machineWithHistory(desk);
    const [a, b, c] = ids;
    const all = await desk.call('machines.inventoryTimeline', { id: pc.id });
    expect(all.hasMore).toBe(false);
    expect(all.entries.map((e) => e.snapshot.id)).toEqual([c, b, a]);
    expect(all.entries.map((e) => e.snapshot.source)).toEqual(['ssh', 'agent', 'agent']);
    expect(all.entries[0]?.changes?.sections.os).toBe(1);
    expect(all.entries[0]?.changes?.sections.software).toBe(0);
    expect(all.entries[1]?.changes?.sections.software).toBe(3);
    expect(all.entries[2]?.changes).toBeNull();

    // The second page's entry is still compared with the one before it, off the page.
    const page = await desk.call('machines.inventoryTimeline', { id: pc.id, limit: 1, offset: 1 });
    expect(page.hasMore).toBe(true);
    expect(page.entries.map((e) => [e.snapshot.id, e.changes?.sections.software])).toEqual([
      [b, 3],
    ]);
    // A date range keeps the comparison with the inventory kept before the range.
    const range = await desk.call('machines.inventoryTimeline', {
      id: pc.id,
      from: '2026-11-24T00:00:00.000Z',
      to: '2026-11-26T00:00:00.000Z',
    });
    expect(range.entries.map((e) => [e.snapshot.id, e.changes?.total])).toEqual([
      [b, all.entries[1]?.changes?.total],
    ]);
  });

  it('compares with the machine’s last known good inventory and with its model’s', async () => {
    const desk = await consoles.open(kind);
    const { pc, ids } = await machineWithHistory(desk);
    const [a, b, c] = ids;
    const before = await counts(desk);
    for (const scope of ['machine', 'model'] as const) {
      const refused = await callError(
        desk.call('machines.inventoryDiff', { id: pc.id, compare: { kind: 'baseline', scope } }),
      );
      expect(refused.code).toBe('not_found');
    }
    expect(await desk.call('machines.baselines', { id: pc.id })).toEqual({
      machine: null,
      model: { manufacturer: '', model: 'Docker Container' },
      modelBaseline: null,
    });

    const good = await desk.call('machines.setBaseline', { scope: 'machine', snapshotId: b });
    expect(good).toMatchObject({ scope: 'machine', machineId: pc.id, setBy: 'ana.lyst' });
    const golden = await desk.call('machines.setBaseline', { scope: 'model', snapshotId: a });
    expect(golden).toMatchObject({ scope: 'model', manufacturer: '', model: 'Docker Container' });
    expect(golden.snapshot.id).toBe(a);

    const againstMachine = await desk.call('machines.inventoryDiff', {
      id: pc.id,
      compare: { kind: 'baseline', scope: 'machine' },
    });
    expect([againstMachine.from.id, againstMachine.to.id]).toEqual([b, c]);
    expect(againstMachine.diff.summary.sections.software).toBe(0);
    const againstModel = await desk.call('machines.inventoryDiff', {
      id: 'local',
      compare: { kind: 'baseline', scope: 'model' },
    });
    expect([againstModel.from.id, againstModel.to.id]).toEqual([a, c]);
    expect(againstModel.diff.summary.sections.software).toBe(3);

    // Set again: replaced, not added.
    await desk.call('machines.setBaseline', { scope: 'machine', snapshotId: a });
    const listed = await desk.call('machines.listBaselines', {});
    expect(listed.machines.map((m) => [m.machineId, m.snapshot.id])).toEqual([[pc.id, a]]);
    expect(listed.models.map((m) => [m.model, m.snapshot.id])).toEqual([['Docker Container', a]]);
    expect(await counts(desk)).toEqual({
      ...before,
      machineBaselines: 1,
      modelBaselines: 1,
    });

    // A missing snapshot is refused and changes nothing.
    expect(
      (await callError(desk.call('machines.setBaseline', { scope: 'machine', snapshotId: 9999 })))
        .code,
    ).toBe('not_found');
    expect((await desk.call('machines.baselines', { id: pc.id })).machine?.snapshot.id).toBe(a);

    const cleared = await desk.call('machines.clearBaseline', { scope: 'machine', id: 'local' });
    expect(cleared.cleared).toMatchObject({ scope: 'machine', machineId: pc.id });
    await desk.call('machines.clearBaseline', {
      scope: 'model',
      manufacturer: '',
      model: 'Docker Container',
    });
    expect(await desk.call('machines.listBaselines', {})).toEqual({ machines: [], models: [] });

    // Each change is in the audit log, with what it was about.
    const audit = await desk.call('audit.list', { limit: 20 });
    const baselineEntries = audit.entries
      .filter((e) => e.action.startsWith('baseline.'))
      .map((e) => [e.action, e.subject, e.details.scope]);
    expect(baselineEntries).toEqual([
      ['baseline.cleared', 'Docker Container', 'model'],
      ['baseline.cleared', pc.id, 'machine'],
      ['baseline.set', pc.id, 'machine'],
      ['baseline.set', 'Docker Container', 'model'],
      ['baseline.set', pc.id, 'machine'],
    ]);
  });

  it('attaches a diff to a ticket as evidence whose hash verifies, and nothing on a refusal', async () => {
    const desk = await consoles.open(kind);
    const { pc, ids } = await machineWithHistory(desk);
    const [a, b] = ids;
    const ticket = await desk.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'Printer driver gone after update',
    });
    const before = await counts(desk);
    for (const input of [
      { ticketId: ticket.id + 100, machineId: pc.id, fromSnapshotId: a, toSnapshotId: b },
      { ticketId: ticket.id, machineId: pc.id, fromSnapshotId: a, toSnapshotId: 9999 },
    ]) {
      expect((await callError(desk.call('tickets.attachInventoryDiff', input))).code).toBe(
        'not_found',
      );
    }
    expect(await counts(desk)).toEqual(before);

    const evidence = await desk.call('tickets.attachInventoryDiff', {
      ticketId: ticket.id,
      machineId: 'local',
      fromSnapshotId: a,
      toSnapshotId: b,
    });
    if (evidence.kind !== 'inventory-diff') throw new Error('expected an inventory diff');
    expect(evidence).toMatchObject({ machineId: pc.id, machineName: pc.name, takenAt: T1 });
    expect(evidence.content.from.id).toBe(a);
    expect(evidence.content.diff.summary.sections.software).toBe(3);

    // The stored content, hashed again, is the hash shown to the analyst.
    const row = await desk.db
      .selectFrom('evidence')
      .select(['content', 'sha256', 'kind'])
      .where('id', '=', evidence.id)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe('inventory-diff');
    expect(sha256(row.content)).toBe(evidence.sha256);
    const detail = await desk.call('tickets.get', { id: ticket.id });
    const [shown] = detail.evidence;
    expect(shown).toStrictEqual(evidence);
    expect(sha256(canonicalJson(shown?.content))).toBe(evidence.sha256);
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'evidence',
      data: { evidenceId: evidence.id, evidenceKind: 'inventory-diff', sha256: evidence.sha256 },
    });
  });

  it('carries a diff kept as evidence through an export and an import, its hash intact', async () => {
    const source = await consoles.open(kind);
    const { pc, ids } = await machineWithHistory(source);
    const ticket = await source.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'What changed?',
    });
    const evidence = await source.call('tickets.attachInventoryDiff', {
      ticketId: ticket.id,
      machineId: pc.id,
      fromSnapshotId: ids[0],
      toSnapshotId: ids[2],
    });
    const json = await exportData(source, 'json');
    const target = await consoles.open(kind);
    await importData(target, 'json', json);
    const [imported] = (await target.call('tickets.get', { id: ticket.id })).evidence;
    expect(imported).toStrictEqual(evidence);
    expect(sha256(canonicalJson(imported?.content))).toBe(evidence.sha256);
  });
});

let run = 0;

describe('baselines on a desk with roles', () => {
  it('lets any analyst set a machine’s baseline, and only a lead a model’s, whatever the way in', async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    const ada = deskAnalyst(`ada_b${tag}`, 'admin');
    const bram = deskAnalyst(`bram_b${tag}`, 'analyst');
    const lena = deskAnalyst(`lena_b${tag}`, 'lead');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram, lena]);
    const bramsUrl = signedInAs(ownerUrl, bram);
    const lenasUrl = signedInAs(ownerUrl, lena);
    const opened: TestConsole[] = [];
    try {
      const bramsConsole = await openTestConsole({ databaseUrl: bramsUrl });
      opened.push(bramsConsole);
      const lenasConsole = await openTestConsole({ databaseUrl: lenasUrl });
      opened.push(lenasConsole);
      const { pc, ids } = await machineWithHistory(bramsConsole);
      const [a, b] = ids;

      // A machine's baseline: Bram sets it, Lena's console hears of it and sees it, signed as
      // Bram.
      const heardByLena: string[] = [];
      lenasConsole.events.subscribe((event) => heardByLena.push(event.type));
      await bramsConsole.call('machines.setBaseline', { scope: 'machine', snapshotId: b });
      await vi.waitFor(() => {
        expect(heardByLena).toContain('baselines.changed');
      });
      const seen = await lenasConsole.call('machines.baselines', { id: pc.id });
      expect(seen.machine).toMatchObject({ snapshot: { id: b }, setBy: bram.login });
      const diff = await lenasConsole.call('machines.inventoryDiff', {
        id: pc.id,
        compare: { kind: 'baseline', scope: 'machine' },
      });
      expect(diff.from.id).toBe(b);

      // A model's: refused to Bram by the database, through the console and through SQL.
      const refused = await callError(
        bramsConsole.call('machines.setBaseline', { scope: 'model', snapshotId: a }),
      );
      expect(refused.code).toBe('forbidden');
      const denied = /permission denied/;
      expect(
        await tryAs(
          bramsUrl,
          `INSERT INTO model_baselines (manufacturer, model, snapshot_id, set_by, set_at)
           VALUES ('', 'Docker Container', ${a}, 'x', '2026-12-01T00:00:00.000Z')`,
        ),
      ).toMatch(denied);
      expect(await tryAs(bramsUrl, `DELETE FROM model_baselines`)).toMatch(denied);
      expect(await queryAs(bramsUrl, 'SELECT count(*)::int AS n FROM model_baselines')).toEqual({
        row: { n: 0 },
      });

      // Lena, a lead, may; and Bram sees it and compares with it.
      await lenasConsole.call('machines.setBaseline', { scope: 'model', snapshotId: a });
      const golden = await bramsConsole.call('machines.baselines', { id: pc.id });
      expect(golden.modelBaseline).toMatchObject({ snapshot: { id: a }, setBy: lena.login });
      expect(
        (
          await callError(
            bramsConsole.call('machines.clearBaseline', {
              scope: 'model',
              manufacturer: '',
              model: 'Docker Container',
            }),
          )
        ).code,
      ).toBe('forbidden');
      expect((await bramsConsole.call('machines.baselines', { id: pc.id })).modelBaseline).not.toBe(
        null,
      );

      // The audit log names who did each, as the database signed it.
      const audit = await lenasConsole.call('audit.list', { action: 'baseline.set' });
      expect(audit.entries.map((e) => [e.analyst, e.details.scope])).toEqual([
        [lena.login, 'model'],
        [bram.login, 'machine'],
      ]);
    } finally {
      for (const desk of opened) await desk.dispose();
      await owner.destroy();
    }
  });
});
