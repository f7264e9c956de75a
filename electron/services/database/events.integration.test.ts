import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '@deskside/core';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, newPostgresDatabase } from '#test/helpers/stores';
import { LISTENER_NAME } from './store';

/** The next event a console hears that matches, or a failure after a generous wait. */
function nextEvent(
  desk: TestConsole,
  match: (event: ConsoleEvent) => boolean,
): Promise<ConsoleEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no matching event arrived'));
    }, 10_000);
    const stop = desk.events.subscribe((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

let consoles: TestConsole[] = [];
afterEach(async () => {
  for (const desk of consoles) await desk.dispose();
  consoles = [];
});

describe.each(STORE_KINDS)('events on %s', (kind) => {
  it('announces a committed change, and nothing for a refused one', async () => {
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : '';
    const desk = await openTestConsole({ databaseUrl });
    consoles.push(desk);
    const heard: ConsoleEvent[] = [];
    desk.events.subscribe((event) => heard.push(event));

    const created = nextEvent(desk, (e) => e.type === 'ticket.created');
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'S',
    });
    expect(await created).toMatchObject({ type: 'ticket.created', ticketId: ticket.id });

    await callError(
      desk.call('tickets.setStatus', { id: ticket.id, expectedVersion: 9, status: 'in_progress' }),
    );
    const changed = nextEvent(desk, (e) => e.type === 'ticket.changed');
    await desk.call('tickets.setStatus', {
      id: ticket.id,
      expectedVersion: 1,
      status: 'in_progress',
    });
    await changed;
    // The refused save came first; had it announced anything, it would be here.
    expect(heard.map((e) => e.type)).toEqual(['ticket.created', 'ticket.changed']);
  });
});

describe('events on PostgreSQL', () => {
  it('reach every console on the database (LISTEN/NOTIFY)', async () => {
    const databaseUrl = await newPostgresDatabase();
    const [anna, bram] = [
      await openTestConsole({ databaseUrl }),
      await openTestConsole({ databaseUrl }),
    ];
    consoles.push(anna, bram);
    const heardByBram = nextEvent(bram, (e) => e.type === 'ticket.created');
    const ticket = await anna.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'Shared queue',
    });
    expect(await heardByBram).toMatchObject({ ticketId: ticket.id });
    expect((await bram.call('tickets.queue', {})).tickets.map((t) => t.summary)).toEqual([
      'Shared queue',
    ]);
  });

  it('resume after the listening connection is lost', async () => {
    const databaseUrl = await newPostgresDatabase();
    const [anna, bram] = [
      await openTestConsole({ databaseUrl }),
      await openTestConsole({ databaseUrl }),
    ];
    consoles.push(anna, bram);
    const listeners = async () =>
      (
        await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity
          WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`.execute(
          anna.db,
        )
      ).rows.map((row) => row.pid);
    const before = await listeners();
    expect(before).toHaveLength(2);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`.execute(anna.db);
    for (let i = 0; i < 200; i++) {
      const now = await listeners();
      if (now.length === 2 && now.every((pid) => !before.includes(pid))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const heardByBram = nextEvent(bram, (e) => e.type === 'ticket.created');
    const ticket = await anna.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'After',
    });
    expect(await heardByBram).toMatchObject({ ticketId: ticket.id });
  });
});
