import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WORKFLOW_CONFIG,
  DesksideError,
  TicketStatusSchema,
  slaAtCreation,
} from '@deskside/core';
import { TestClock } from '#test/helpers/clock';
import type { TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';
import { exportData, importData } from '#test/helpers/transfers';
import { insertTickets, type NewTicket, type TicketToInsert } from './new-tickets';

// A Monday morning in Brussels, inside the desk's working hours.
const NOW = '2026-03-02T09:00:00.000Z';
const config = DEFAULT_WORKFLOW_CONFIG;

const printer: NewTicket = {
  requester: 'Jan de Vries',
  channel: 'phone',
  summary: 'Printer on the third floor prints blank pages',
  description: 'Since the toner was replaced',
  errorMessages: 'Error 0x80070005',
  impact: 'high',
  urgency: 'high',
  groupId: 'network',
  createdBy: 'ana.lyst',
  createdAt: NOW,
};

describe.each(STORE_KINDS)('the one path for new tickets on %s', (kind) => {
  let desk: TestConsole;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(NOW);
    desk = await openConsoleOn(kind, { now: clock.now });
  });
  afterEach(async () => {
    await desk.dispose();
  });

  const insert = (tickets: TicketToInsert[]) =>
    desk.store.write((trx) => insertTickets(trx, desk.store.dialect, config, tickets, NOW));
  const timelineRows = () =>
    desk.db.selectFrom('timeline').select(['ticketId', 'at', 'data']).orderBy('id').execute();
  const found = async (search: string) =>
    (await desk.call('tickets.queue', { search, status: [...TicketStatusSchema.options] })).tickets
      .map((t) => t.id)
      .sort();

  it('derives priority, tier, open flag, SLA targets, the created entry and the search text', async () => {
    const [row] = await insert([{ ticket: printer }]);
    expect(row).toMatchObject({
      status: 'new',
      priority: 1,
      tier: 'specialist',
      isOpen: 1,
      version: 1,
      updatedAt: NOW,
      ...slaAtCreation(1, NOW, config.sla),
    });
    expect(await timelineRows()).toEqual([
      { ticketId: row!.id, at: NOW, data: JSON.stringify({ to: 'new', channel: 'phone' }) },
    ]);
    expect(await found('0x80070005')).toEqual([row!.id]);
  });

  it('gives a ticket created, imported from CSV or bulk loaded the same derived columns', async () => {
    const created = await desk.call('tickets.create', printer);
    const csv = await exportData(desk, 'tickets-csv');
    await importData(desk, 'tickets-csv', csv);
    await insert([{ ticket: { ...printer, id: 50 } }]);
    const rows = await desk.db.selectFrom('tickets').selectAll().orderBy('id').execute();
    const derived = rows.map(({ priority, tier, isOpen, slaDueAt, slaAtRiskAt }) => ({
      priority,
      tier,
      isOpen,
      slaDueAt,
      slaAtRiskAt,
    }));
    expect(derived).toHaveLength(3);
    expect(new Set(derived.map((d) => JSON.stringify(d))).size).toBe(1);
    const entries = (await timelineRows()).map((e) => JSON.parse(e.data) as object);
    expect(entries).toEqual([
      { to: 'new', channel: 'phone' },
      { to: 'new', channel: 'phone', importedFrom: String(created.id) },
      { to: 'new', channel: 'phone' },
    ]);
    expect(await found('blank pages')).toEqual(rows.map((r) => r.id).sort());
  });

  it('reads the SLA of a ticket brought in with a past from that past', async () => {
    const yesterday = '2026-02-27T10:00:00.000Z';
    const [waiting, working] = await insert([
      {
        ticket: {
          ...printer,
          id: 7,
          status: 'waiting_on_user',
          createdAt: yesterday,
          firstRespondedAt: yesterday,
        },
        past: [
          { kind: 'call', at: yesterday, author: 'sofie', body: 'Asked for a photo of the page' },
          { kind: 'status', at: yesterday, author: 'sofie', data: { to: 'waiting_on_user' } },
        ],
      },
      {
        ticket: {
          ...printer,
          id: 8,
          status: 'in_progress',
          createdAt: yesterday,
          firstRespondedAt: yesterday,
        },
        past: [{ kind: 'status', at: yesterday, author: 'sofie', data: { to: 'in_progress' } }],
      },
    ]);
    // Waiting on the user, the clocks stand still; worked since Friday, it is overdue.
    expect(waiting).toMatchObject({ id: 7, slaDueAt: null, slaAtRiskAt: null });
    expect(working!.slaDueAt).not.toBeNull();
    expect(Date.parse(working!.slaDueAt!)).toBeLessThan(Date.parse(NOW));
    expect((await timelineRows()).map((e) => [e.ticketId, JSON.parse(e.data) as object])).toEqual([
      [7, { to: 'new', channel: 'phone' }],
      [7, {}],
      [7, { to: 'waiting_on_user' }],
      [8, { to: 'new', channel: 'phone' }],
      [8, { to: 'in_progress' }],
    ]);
    expect(await found('photo')).toEqual([7]);
  });

  it.each<[string, Partial<NewTicket>, RegExp]>([
    ['a category the desk does not have', { category: 'printer/coffee' }, /category/],
    ['a group the desk does not have', { groupId: 'canteen' }, /groupId/],
    ['a requester not in the directory', { requesterId: 404 }, /Person 404/],
    [
      'a machine not in the machine list',
      { machineId: '0b7c3f3e-1d2a-4c5b-9e8f-123456789abc' },
      /Machine 0b7c3f3e/,
    ],
    ['a closed ticket without its resolution', { status: 'closed' }, /resolutionCode/],
    ['an empty summary', { summary: '  ' }, /summary/],
  ])('refuses %s and writes none of the batch', async (_what, change, message) => {
    const error = await insert([
      { ticket: { ...printer, id: 1 } },
      { ticket: { ...printer, id: 2, ...change } },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesksideError);
    expect((error as DesksideError).code).toBe('validation');
    expect((error as DesksideError).message).toMatch(message);
    expect(await desk.db.selectFrom('tickets').select('id').execute()).toEqual([]);
    expect(await timelineRows()).toEqual([]);
  });

  it('gives rows back in the order given, many to a statement', async () => {
    const tickets = [9, 3, 5].map((id) => ({
      ticket: { ...printer, id, summary: `Ticket ${id}` },
    }));
    expect((await insert(tickets)).map((row) => [row.id, row.summary])).toEqual([
      [9, 'Ticket 9'],
      [3, 'Ticket 3'],
      [5, 'Ticket 5'],
    ]);
  });
});
