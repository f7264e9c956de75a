import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InventorySchema, canonicalJson } from '@deskside/core';
import { TEST_ANALYST, callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';
import { sha256Hex } from './ticket-service';

let desk: TestConsole;
afterEach(async () => {
  await desk.dispose();
});

const countRows = async (table: 'tickets' | 'evidence') =>
  Number(
    (
      await desk.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(STORE_KINDS)('tickets on %s', (kind) => {
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
  });

  it('creates a ticket that the list and the detail both show', async () => {
    const created = await desk.call('tickets.create', {
      requester: '  Jan de Vries ',
      channel: 'phone',
      summary: 'Printer on 3rd floor prints blank pages',
      description: 'Since this morning.',
    });
    expect(created).toMatchObject({
      requester: 'Jan de Vries',
      status: 'new',
      createdBy: TEST_ANALYST,
    });
    expect(await desk.call('tickets.list', {})).toEqual([created]);
    expect(await desk.call('tickets.get', { id: created.id })).toEqual({
      ticket: created,
      evidence: [],
      timeline: [
        expect.objectContaining({
          kind: 'created',
          author: TEST_ANALYST,
          data: { to: 'new', channel: 'phone' },
        }),
      ],
      vendorCases: [],
      visits: [],
      orders: [],
      sla: expect.objectContaining({
        firstResponse: expect.objectContaining({ state: 'running' }),
        resolution: expect.objectContaining({ state: 'running' }),
      }),
    });
  });

  it('refuses bad input with a validation error naming the field, and stores nothing', async () => {
    const error = await callError(
      desk.call('tickets.create', { requester: '', channel: 'fax' as 'phone', summary: 'x' }),
    );
    expect(error.code).toBe('validation');
    expect(error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['requester', 'channel']),
    );
    expect(await countRows('tickets')).toBe(0);
  });

  it('changes only the fields an edit names: triage keeps the description', async () => {
    const created = await desk.call('tickets.create', {
      requester: 'Jan de Vries',
      channel: 'phone',
      summary: 'Dock gives no picture',
      description: 'Since the update.',
      errorMessages: 'No signal',
    });
    const edited = await desk.call('tickets.update', {
      id: created.id,
      expectedVersion: created.version,
      changes: { category: 'hardware/dock', impact: 'high' },
    });
    expect(edited).toMatchObject({
      category: 'hardware/dock',
      impact: 'high',
      urgency: 'medium',
      description: 'Since the update.',
      errorMessages: 'No signal',
    });
    const { timeline } = await desk.call('tickets.get', { id: created.id });
    expect(timeline.at(-1)?.data).toMatchObject({ fields: ['category', 'impact'] });
  });

  it('answers an unknown ticket with not_found', async () => {
    expect((await callError(desk.call('tickets.get', { id: 42 }))).code).toBe('not_found');
  });
});

describe.each(STORE_KINDS)('attaching an inventory as evidence on %s', (kind) => {
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
  });

  it('stores exactly the snapshot the analyst saw, hashed canonically, with who, when and how', async () => {
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'chat',
      summary: 'Slow PC',
    });
    const snapshot = await desk.call('machines.inventory', { id: 'local' });
    const evidence = await desk.call('tickets.attachInventory', {
      ticketId: ticket.id,
      snapshotId: snapshot.snapshotId,
    });

    expect(evidence).toMatchObject({
      ticketId: ticket.id,
      kind: 'inventory',
      // This computer's own stable id, not `local`, which is another PC in every console.
      machineId: snapshot.machineId,
      transport: 'local',
      takenBy: TEST_ANALYST,
      takenAt: snapshot.fetchedAt,
    });
    expect(evidence.kind === 'inventory' && evidence.machineId).toMatch(/^[0-9a-f]{8}-/);
    expect(evidence.content).toEqual(snapshot.inventory);
    expect(evidence.sha256).toBe(sha256Hex(canonicalJson(snapshot.inventory)));
    const stored = await desk.db.selectFrom('evidence').select('content').executeTakeFirstOrThrow();
    expect(sha256Hex(stored.content)).toBe(evidence.sha256);

    const detail = await desk.call('tickets.get', { id: ticket.id });
    expect(detail.evidence).toEqual([evidence]);
    expect(InventorySchema.parse(detail.evidence[0]?.content)).toEqual(snapshot.inventory);
  });

  it('refuses a missing ticket or an unknown snapshot and stores nothing', async () => {
    const snapshot = await desk.call('machines.inventory', { id: 'local' });
    expect(
      (
        await callError(
          desk.call('tickets.attachInventory', { ticketId: 7, snapshotId: snapshot.snapshotId }),
        )
      ).code,
    ).toBe('not_found');
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'chat',
      summary: 'S',
    });
    expect(
      (
        await callError(
          desk.call('tickets.attachInventory', {
            ticketId: ticket.id,
            snapshotId: '00000000-0000-4000-8000-000000000000',
          }),
        )
      ).code,
    ).toBe('snapshot_expired');
    expect(await countRows('evidence')).toBe(0);
  });
});

describe('the dispatcher', () => {
  beforeEach(async () => {
    desk = await openTestConsole();
  });

  it('answers an unknown method without calling anything', async () => {
    const result = await desk.dispatch('tickets.drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: expect.any(String) },
    });
  });

  it('turns an unexpected failure into an internal error without a stack trace', async () => {
    const broken = await openTestConsole();
    await broken.db.destroy();
    const result = await broken.dispatch('tickets.list', {});
    await rm(broken.dataDir, { recursive: true, force: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toMatch(/request [0-9a-f-]{36}/);
    expect(JSON.stringify(result)).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
