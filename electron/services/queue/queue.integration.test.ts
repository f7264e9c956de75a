import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '#test/helpers/clock';
import { TEST_ANALYST, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

// Monday 2 March 2026, 09:00 in Brussels.
const START = '2026-03-02T08:00:00.000Z';

describe.each(STORE_KINDS)('the queue on %s', (kind) => {
  let desk: TestConsole;
  const clock = new TestClock(START);
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    desk = await openConsoleOn(kind, { now: clock.now });
    await desk.call('workflow.configure', {
      groups: [
        { id: 'service-desk', name: 'Service desk', tier: 'tier1', members: [TEST_ANALYST] },
        { id: 'network', name: 'Network team', tier: 'specialist', members: [] },
      ],
    });
    const create = async (key: string, input: Record<string, unknown>) => {
      const ticket = await desk.call('tickets.create', {
        requester: 'R',
        channel: 'phone',
        summary: key,
        ...input,
      } as never);
      ids[key] = ticket.id;
      clock.advanceMinutes(1);
      return ticket;
    };
    await create('en printer', {
      summary: 'Printer prints blank pages',
      category: 'printer/print-quality',
      impact: 'low',
      urgency: 'low',
      assignee: TEST_ANALYST,
    });
    await create('nl wachtwoord', {
      summary: 'Wachtwoord verlopen',
      description: 'Kan niet aanmelden na het vakantieverlof',
      channel: 'email',
      category: 'account/password-reset',
      impact: 'medium',
      urgency: 'high',
      groupId: 'service-desk',
    });
    await create('fr réseau', {
      summary: 'Réseau très lent à l’étage',
      description: 'Les téléchargements échouent',
      channel: 'chat',
      category: 'network/wired',
      impact: 'high',
      urgency: 'high',
      groupId: 'network',
    });
    const greek = await create('el εκτυπωτής', {
      summary: 'Ο εκτυπωτής δεν τυπώνει',
      channel: 'portal',
      category: 'printer/paper-jam',
      impact: 'medium',
      urgency: 'medium',
    });
    await desk.call('tickets.addEntry', {
      ticketId: greek.id,
      kind: 'call',
      direction: 'inbound',
      body: 'Ο χρήστης αναφέρει εμπλοκή χαρτιού στον δίσκο 2',
    });
    const closed = await create('closed', {
      summary: 'Old printer ticket',
      impact: 'high',
      urgency: 'high',
    });
    await desk.call('tickets.resolve', {
      id: closed.id,
      expectedVersion: 1,
      resolutionCode: 'fixed',
      resolutionNotes: 'Cleaned the drum.',
    });
  });
  afterAll(async () => {
    await desk.dispose();
  });

  const queue = async (query: Record<string, unknown> = {}) =>
    (await desk.call('tickets.queue', query)).tickets.map(
      (t) => Object.entries(ids).find(([, id]) => id === t.id)?.[0],
    );

  it('shows the open tickets, most urgent first', async () => {
    expect(await queue()).toEqual(['fr réseau', 'nl wachtwoord', 'el εκτυπωτής', 'en printer']);
    expect(await queue({ direction: 'desc' })).toEqual([
      'en printer',
      'el εκτυπωτής',
      'nl wachtwoord',
      'fr réseau',
    ]);
    expect(await queue({ sort: 'created', direction: 'desc' })).toEqual([
      'el εκτυπωτής',
      'fr réseau',
      'nl wachtwoord',
      'en printer',
    ]);
  });

  it('filters by assignee, group, status, priority, channel and category', async () => {
    expect(await queue({ mine: true })).toEqual(['en printer']);
    expect(await queue({ myGroups: true })).toEqual(['nl wachtwoord']);
    expect(await queue({ groupId: 'network' })).toEqual(['fr réseau']);
    expect(await queue({ status: ['resolved'] })).toEqual(['closed']);
    expect(await queue({ priority: [1, 2] })).toEqual(['fr réseau', 'nl wachtwoord']);
    expect(await queue({ channel: ['portal', 'email'] })).toEqual([
      'nl wachtwoord',
      'el εκτυπωτής',
    ]);
    expect(await queue({ category: 'printer' })).toEqual(['el εκτυπωτής', 'en printer']);
    expect(await queue({ category: 'printer', priority: [5] })).toEqual(['en printer']);
  });

  it('filters the tickets whose SLA is at risk, and sorts by SLA due time', async () => {
    // P1 first response is 15 business minutes: the réseau ticket turns at risk after 11.25.
    clock.set('2026-03-02T08:15:00.000Z');
    expect(await queue({ slaAtRisk: true })).toEqual(['fr réseau']);
    expect((await queue({ sort: 'sla' }))[0]).toBe('fr réseau');
  });

  it('pages through the queue', async () => {
    const first = await desk.call('tickets.queue', { limit: 3 });
    expect(first.hasMore).toBe(true);
    const second = await desk.call('tickets.queue', { limit: 3, offset: 3 });
    expect(second).toMatchObject({
      hasMore: false,
      tickets: [expect.objectContaining({ id: ids['en printer'] })],
    });
  });

  describe('full-text search in four languages, whatever the case or accents', () => {
    it.each([
      ['English', 'PRINTER blank', ['en printer']],
      ['English, a word begun', 'print', ['en printer']],
      ['Dutch', 'wachtwoord vakantieverlof', ['nl wachtwoord']],
      ['Dutch, upper case', 'AANMELDEN', ['nl wachtwoord']],
      ['French, without accents', 'reseau tres lent', ['fr réseau']],
      ['French, with accents', 'téléchargements ÉCHOUENT', ['fr réseau']],
      ['Greek, with tonos', 'εκτυπωτής', ['el εκτυπωτής']],
      ['Greek, capitals without tonos', 'ΕΚΤΥΠΩΤΗΣ', ['el εκτυπωτής']],
      ['Greek, in the timeline only', 'ΕΜΠΛΟΚΗ χαρτιου', ['el εκτυπωτής']],
      ['nothing', 'toaster', []],
      ['search syntax is only words', 'printer" OR "*', []],
    ])('%s: “%s”', async (_language, search, expected) => {
      expect(await queue({ search })).toEqual(expected);
    });

    it('combines search with the other filters', async () => {
      expect(await queue({ search: 'printer', status: ['new', 'resolved'] })).toEqual([
        'closed',
        'en printer',
      ]);
      expect(await queue({ search: 'printer', status: ['resolved'] })).toEqual(['closed']);
    });

    it('lists the newest matches first unless asked for another order', async () => {
      const both = ['new', 'resolved'] as const;
      expect(await queue({ search: 'printer', status: [...both] })).toEqual([
        'closed',
        'en printer',
      ]);
      expect(
        await queue({ search: 'printer', status: [...both], sort: 'created', direction: 'asc' }),
      ).toEqual(['en printer', 'closed']);
      expect(
        await queue({ search: 'printer', status: [...both], sort: 'priority', direction: 'desc' }),
      ).toEqual(['en printer', 'closed']);
    });

    it('finds an edited summary by its new words only', async () => {
      const detail = await desk.call('tickets.get', { id: ids['en printer']! });
      await desk.call('tickets.update', {
        id: detail.ticket.id,
        expectedVersion: detail.ticket.version,
        changes: { summary: 'Toner cartridge empty' },
      });
      expect(await queue({ search: 'toner' })).toEqual(['en printer']);
      expect(await queue({ search: 'blank' })).toEqual([]);
    });
  });
});
