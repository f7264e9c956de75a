import { afterEach, describe, expect, it } from 'vitest';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, newPostgresDatabase, type StoreKind } from '#test/helpers/stores';

/** Two analysts' consoles on one database (one SQLite file, or one PostgreSQL database). */
async function twoConsoles(kind: StoreKind): Promise<[TestConsole, TestConsole]> {
  if (kind === 'postgres') {
    const databaseUrl = await newPostgresDatabase();
    return [
      await openTestConsole({ databaseUrl, analyst: 'anna' }),
      await openTestConsole({ databaseUrl, analyst: 'bram' }),
    ];
  }
  const first = await openTestConsole({ analyst: 'anna' });
  return [first, await openTestConsole({ dataDir: first.dataDir, analyst: 'bram' })];
}

describe.each(STORE_KINDS)('two analysts editing one ticket on %s', (kind) => {
  let consoles: TestConsole[] = [];
  afterEach(async () => {
    for (const desk of consoles.reverse()) await desk.dispose();
    consoles = [];
  });

  it('refuses the second save of a stale version, with a clear error, and keeps the first', async () => {
    const [anna, bram] = (consoles = await twoConsoles(kind));
    const created = await anna.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'Printer jams',
    });
    const seenByBram = (await bram.call('tickets.get', { id: created.id })).ticket;

    await anna.call('tickets.update', {
      id: created.id,
      expectedVersion: created.version,
      changes: { summary: 'Printer jams on tray 2' },
    });
    const error = await callError(
      bram.call('tickets.update', {
        id: created.id,
        expectedVersion: seenByBram.version,
        changes: { summary: 'Printer broken' },
      }),
    );
    expect(error.code).toBe('stale_version');
    expect(error.message).toMatch(
      /changed by anna at .* after you opened it \(you have version 1, it is now at version 2\)/,
    );

    const now = (await bram.call('tickets.get', { id: created.id })).ticket;
    expect(now).toMatchObject({ summary: 'Printer jams on tray 2', version: 2 });
  });

  it('lets exactly one of two simultaneous saves of the same version through', async () => {
    // On SQLite, simultaneous saves come from two windows of one console (one connection):
    // two connections in one process cannot interleave, as better-sqlite3 waits for a lock
    // synchronously. Two consoles on one PostgreSQL database race for real.
    const [anna, other] = (consoles = await twoConsoles(kind));
    const bram = kind === 'sqlite' ? anna : other;
    const created = await anna.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'S',
    });
    const results = await Promise.allSettled([
      anna.call('tickets.setStatus', {
        id: created.id,
        expectedVersion: 1,
        status: 'in_progress',
      }),
      bram.call('tickets.setStatus', {
        id: created.id,
        expectedVersion: 1,
        status: 'waiting_on_user',
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason.wire.code).toBe('stale_version');
    const { ticket, timeline } = await anna.call('tickets.get', { id: created.id });
    expect(ticket.version).toBe(2);
    expect(timeline.filter((e) => e.kind === 'status')).toHaveLength(1);
  });

  it('refuses a stale edit of a person, an article, a vendor case, a visit and an order too', async () => {
    const [anna, bram] = (consoles = await twoConsoles(kind));
    /** Bram's edit from version 1, after Anna's: refused, saying what to do, changing nothing. */
    const refusedAfterAnna = async (edit: Promise<unknown>, what: RegExp) => {
      const error = await callError(edit);
      expect(error.code).toBe('stale_version');
      expect(error.message).toMatch(what);
      expect(error.message).toMatch(
        /after you opened it \(you have version 1, it is now at version 2\)\. Reload it/,
      );
    };

    const person = await anna.call('people.create', { name: 'Nikos' });
    await anna.call('people.update', { id: person.id, expectedVersion: 1, name: 'Nikos Georgiou' });
    await refusedAfterAnna(
      bram.call('people.update', { id: person.id, expectedVersion: 1, name: 'N. G.' }),
      /^Person \d+ was changed by someone else at /,
    );
    expect(await bram.call('people.get', { id: person.id })).toMatchObject({
      name: 'Nikos Georgiou',
      version: 2,
    });

    const article = { title: 'Dock', body: 'Replug it.', language: 'en' } as const;
    const { id: articleId } = await anna.call('kb.create', article);
    await anna.call('kb.update', {
      id: articleId,
      expectedVersion: 1,
      ...article,
      body: 'Swap it.',
    });
    await refusedAfterAnna(
      bram.call('kb.update', { id: articleId, expectedVersion: 1, ...article, body: 'Bin it.' }),
      /^Article \d+ was changed by anna at /,
    );
    expect(await bram.call('kb.get', { id: articleId })).toMatchObject({
      body: 'Swap it.',
      version: 2,
    });

    const ticket = await anna.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'S',
    });
    const vendorCase = await anna.call('vendors.openCase', {
      ticketId: ticket.id,
      vendor: 'Lenovo',
    });
    await anna.call('vendors.updateCase', {
      id: vendorCase.id,
      expectedVersion: 1,
      reference: 'CASE-1',
    });
    await refusedAfterAnna(
      bram.call('vendors.updateCase', { id: vendorCase.id, expectedVersion: 1, status: 'closed' }),
      /^Vendor case \d+ was changed/,
    );

    const visit = await anna.call('visits.schedule', {
      ticketId: ticket.id,
      technician: 'Pieter',
      scheduledAt: '2026-03-03T14:00:00Z',
      checklist: ['Dock'],
    });
    await anna.call('visits.record', { id: visit.id, expectedVersion: 1, status: 'cancelled' });
    await refusedAfterAnna(
      bram.call('visits.record', {
        id: visit.id,
        expectedVersion: 1,
        status: 'done',
        results: [{ item: 'Dock', result: 'ok' }],
      }),
      /^Visit \d+ was changed/,
    );

    const order = await anna.call('orders.create', {
      ticketId: ticket.id,
      kind: 'replacement',
      item: 'Dock',
      reason: 'Dead USB-C port',
    });
    await anna.call('orders.update', { id: order.id, expectedVersion: 1, status: 'approved' });
    await refusedAfterAnna(
      bram.call('orders.update', { id: order.id, expectedVersion: 1, status: 'cancelled' }),
      /^Order \d+ was changed/,
    );
    const { vendorCases, visits, orders } = await bram.call('tickets.get', { id: ticket.id });
    expect([vendorCases[0], visits[0], orders[0]]).toMatchObject([
      { reference: 'CASE-1', status: 'open', version: 2 },
      { status: 'cancelled', version: 2 },
      { status: 'approved', version: 2 },
    ]);
  });
});
