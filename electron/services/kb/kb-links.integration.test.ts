import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleEvent, Ticket } from '@deskside/core';
import { TestClock } from '#test/helpers/clock';
import { TEST_ANALYST, callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('articles used on tickets on %s', (kind) => {
  let desk: TestConsole;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock('2026-03-02T08:00:00.000Z');
    desk = await openConsoleOn(kind, { now: clock.now });
  });
  afterEach(async () => {
    await desk.dispose();
  });

  const ticket = (summary = 'VPN drops every few minutes') =>
    desk.call('tickets.create', {
      requester: 'Sofie Janssens',
      channel: 'phone',
      summary,
      description: 'Since the update on Monday.',
      errorMessages: 'Error 809',
      stepsTried: 'Restarted the laptop',
      category: 'network/vpn',
    });
  const article = (title: string) =>
    desk.call('kb.create', { title, body: `How to handle: ${title}`, language: 'en' });
  const resolve = async (t: Ticket) =>
    desk.call('tickets.resolve', {
      id: t.id,
      expectedVersion: t.version,
      resolutionCode: 'fixed',
      resolutionNotes: 'Reinstalled the VPN client profile.',
    });

  it('links articles to a ticket once each, counts the uses and the verdicts', async () => {
    const [first, second] = [await ticket(), await ticket('VPN again')];
    const vpn = await article('VPN will not connect');
    const other = await article('Printer offline');
    const events: ConsoleEvent[] = [];
    desk.events.subscribe((event) => events.push(event));

    const linked = await desk.call('kb.link', {
      ticketId: first.id,
      articleIds: [vpn.id, other.id, vpn.id],
    });
    expect(linked.map((l) => [l.article.title, l.linkedBy, l.helped])).toEqual([
      ['VPN will not connect', TEST_ANALYST, null],
      ['Printer offline', TEST_ANALYST, null],
    ]);
    // Linking again changes nothing.
    expect(await desk.call('kb.link', { ticketId: first.id, articleIds: [vpn.id] })).toEqual(
      linked,
    );
    await desk.call('kb.link', { ticketId: second.id, articleIds: [vpn.id] });

    await desk.call('kb.feedback', { ticketId: first.id, articleId: vpn.id, helped: true });
    await desk.call('kb.feedback', { ticketId: first.id, articleId: other.id, helped: true });
    // A second verdict on the same ticket replaces the first.
    const after = await desk.call('kb.feedback', {
      ticketId: first.id,
      articleId: other.id,
      helped: false,
    });
    expect(after.map((l) => l.helped)).toEqual([true, false]);
    await desk.call('kb.feedback', { ticketId: second.id, articleId: vpn.id, helped: true });

    const read = await desk.call('kb.get', { id: vpn.id });
    expect(read).toMatchObject({ usageCount: 2, helpedCount: 2, notHelpedCount: 0 });
    expect(read.uses.map((u) => [u.ticketId, u.summary, u.status, u.helped])).toEqual([
      [second.id, 'VPN again', 'new', true],
      [first.id, 'VPN drops every few minutes', 'new', true],
    ]);
    expect(await desk.call('kb.get', { id: other.id })).toMatchObject({
      usageCount: 1,
      helpedCount: 0,
      notHelpedCount: 1,
    });
    const sorted = async (sort: 'usage' | 'helpful') =>
      (await desk.call('kb.search', { sort })).articles.map((a) => a.title);
    expect(await sorted('usage')).toEqual(['VPN will not connect', 'Printer offline']);
    expect(await sorted('helpful')).toEqual(['VPN will not connect', 'Printer offline']);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['kb.changed']));
    expect(events.flatMap((e) => ('ticketId' in e ? [e.ticketId] : []))).toContain(second.id);

    // Unlinking takes the use (and its verdict) back.
    const left = await desk.call('kb.unlink', { ticketId: first.id, articleId: other.id });
    expect(left.map((l) => l.article.title)).toEqual(['VPN will not connect']);
    expect(await desk.call('kb.get', { id: other.id })).toMatchObject({
      usageCount: 0,
      notHelpedCount: 0,
    });
    expect(await desk.call('kb.forTicket', { ticketId: first.id })).toEqual(left);
  });

  it('refuses links and verdicts that point at nothing, and changes nothing', async () => {
    const t = await ticket();
    const a = await article('VPN will not connect');
    const codes = async (promise: Promise<unknown>) => (await callError(promise)).code;
    expect(await codes(desk.call('kb.link', { ticketId: 999, articleIds: [a.id] }))).toBe(
      'not_found',
    );
    expect(await codes(desk.call('kb.link', { ticketId: t.id, articleIds: [a.id, 999] }))).toBe(
      'not_found',
    );
    expect(await codes(desk.call('kb.link', { ticketId: t.id, articleIds: [] }))).toBe(
      'validation',
    );
    expect(
      await codes(desk.call('kb.feedback', { ticketId: t.id, articleId: a.id, helped: true })),
    ).toBe('not_found');
    expect(await codes(desk.call('kb.unlink', { ticketId: t.id, articleId: a.id }))).toBe(
      'not_found',
    );
    expect(await codes(desk.call('kb.forTicket', { ticketId: 999 }))).toBe('not_found');
    expect(await desk.call('kb.forTicket', { ticketId: t.id })).toEqual([]);
    expect((await desk.call('kb.get', { id: a.id })).usageCount).toBe(0);
  });

  it('writes an article from a resolved ticket and links it there; not from an open one', async () => {
    const open = await ticket();
    const refused = await callError(
      desk.call('kb.create', {
        title: 'VPN drops',
        body: 'Text',
        language: 'en',
        sourceTicketId: open.id,
      }),
    );
    expect(refused.code).toBe('invalid_transition');
    expect((await desk.call('kb.search', {})).articles).toEqual([]);

    const resolved = await resolve(open);
    const written = await desk.call('kb.create', {
      title: resolved.summary,
      body: `## Resolution\n\n${resolved.resolutionNotes ?? ''}`,
      language: 'nl',
      category: resolved.category,
      sourceTicketId: resolved.id,
    });
    expect(written).toMatchObject({
      sourceTicketId: resolved.id,
      category: 'network/vpn',
      usageCount: 1,
    });
    expect(written.uses.map((u) => [u.ticketId, u.status])).toEqual([[resolved.id, 'resolved']]);
    const onTicket = await desk.call('kb.forTicket', { ticketId: resolved.id });
    expect(onTicket.map((l) => l.article.id)).toEqual([written.id]);
  });
});
