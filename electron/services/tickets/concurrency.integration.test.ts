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

  it('refuses a stale edit of a person, a vendor case, a visit and an order too', async () => {
    const [anna, bram] = (consoles = await twoConsoles(kind));
    const person = await anna.call('people.create', { name: 'Nikos' });
    await anna.call('people.update', {
      id: person.id,
      expectedVersion: 1,
      name: 'Nikos Georgiou',
    });
    expect(
      (
        await callError(
          bram.call('people.update', { id: person.id, expectedVersion: 1, name: 'N. G.' }),
        )
      ).code,
    ).toBe('stale_version');

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
    expect(
      (
        await callError(
          bram.call('vendors.updateCase', {
            id: vendorCase.id,
            expectedVersion: 1,
            status: 'closed',
          }),
        )
      ).code,
    ).toBe('stale_version');

    const order = await anna.call('orders.create', {
      ticketId: ticket.id,
      kind: 'replacement',
      item: 'Dock',
      reason: 'Dead USB-C port',
    });
    await anna.call('orders.update', { id: order.id, expectedVersion: 1, status: 'approved' });
    expect(
      (
        await callError(
          bram.call('orders.update', { id: order.id, expectedVersion: 1, status: 'cancelled' }),
        )
      ).code,
    ).toBe('stale_version');
  });
});
