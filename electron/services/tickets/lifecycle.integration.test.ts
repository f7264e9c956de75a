import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '@deskside/core';
import { TestClock } from '#test/helpers/clock';
import { TEST_ANALYST, callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';
import { WorkflowConfigService } from '../workflow/config-service';
import { LifecycleService } from './lifecycle-service';

// Monday 2 March 2026, 09:00 in Brussels (the default calendar: 08:30-12:30, 13:00-17:30).
const MONDAY_0900 = '2026-03-02T08:00:00.000Z';

describe.each(STORE_KINDS)('the life of a ticket on %s', (kind) => {
  let desk: TestConsole;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(MONDAY_0900);
    desk = await openConsoleOn(kind, { now: clock.now });
  });
  afterEach(async () => {
    await desk.dispose();
  });

  const open = (overrides: Record<string, unknown> = {}) =>
    desk.call('tickets.create', {
      requester: 'Eleni Papadopoulou',
      channel: 'portal',
      summary: 'Laptop does not start',
      description: 'Black screen after the logo.',
      errorMessages: 'No bootable device',
      stepsTried: 'Held the power button for 30 s',
      category: 'hardware/laptop',
      impact: 'high',
      urgency: 'medium',
      ...overrides,
    });
  const edit = (ticket: Ticket) => ({ id: ticket.id, expectedVersion: ticket.version });

  it('records the whole intake and derives the priority from impact and urgency', async () => {
    const person = await desk.call('people.create', {
      name: 'Jan de Vries',
      department: 'Finance',
      location: 'Ghent, 3rd floor',
      phone: '+32 9 123 45 67',
      email: 'jan.devries@example.org',
      machines: [{ name: 'FIN-LT-042' }],
    });
    const ticket = await open({ requester: undefined, requesterId: person.id, channel: 'walk-in' });
    expect(ticket).toMatchObject({
      requester: 'Jan de Vries',
      requesterId: person.id,
      channel: 'walk-in',
      errorMessages: 'No bootable device',
      stepsTried: 'Held the power button for 30 s',
      category: 'hardware/laptop',
      priority: 2,
      status: 'new',
      tier: 'tier1',
      version: 1,
      createdAt: MONDAY_0900,
      // P2 first response: 30 business minutes.
      slaDueAt: '2026-03-02T08:30:00.000Z',
    });
  });

  it('refuses an unknown category or requester and stores nothing', async () => {
    expect((await callError(open({ category: 'hardware/toaster' }))).issues?.[0]?.path).toBe(
      'category',
    );
    expect(
      (await callError(open({ requester: undefined, requesterId: 99 }))).issues?.[0]?.path,
    ).toBe('requesterId');
    expect((await desk.call('tickets.list', {})).length).toBe(0);
  });

  it('moves through the lifecycle and refuses an illegal move without changing anything', async () => {
    let ticket = await open();
    const error = await callError(
      desk.call('tickets.resolve', {
        ...edit(ticket),
        resolutionCode: 'fixed',
        resolutionNotes: '',
      }),
    );
    expect(error.code).toBe('validation');

    ticket = await desk.call('tickets.setStatus', { ...edit(ticket), status: 'in_progress' });
    expect(ticket).toMatchObject({
      status: 'in_progress',
      version: 2,
      firstRespondedAt: MONDAY_0900,
    });

    ticket = await desk.call('tickets.resolve', {
      ...edit(ticket),
      resolutionCode: 'hardware-replaced',
      resolutionNotes: 'Replaced the SSD and restored the image.',
    });
    expect(ticket).toMatchObject({
      status: 'resolved',
      verification: 'pending',
      resolvedAt: MONDAY_0900,
    });

    const illegal = await callError(
      desk.call('tickets.setStatus', { ...edit(ticket), status: 'waiting_on_user' }),
    );
    expect(illegal).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('cannot go from resolved to waiting on user'),
    });
    expect((await desk.call('tickets.get', { id: ticket.id })).ticket).toEqual(ticket);

    ticket = await desk.call('tickets.verify', {
      ...edit(ticket),
      outcome: 'not_confirmed',
      comment: 'Still black',
    });
    expect(ticket).toMatchObject({
      status: 'in_progress',
      verification: 'not_confirmed',
      resolvedAt: null,
    });

    ticket = await desk.call('tickets.resolve', {
      ...edit(ticket),
      resolutionCode: 'fixed',
      resolutionNotes: 'Reseated the RAM too.',
    });
    ticket = await desk.call('tickets.verify', { ...edit(ticket), outcome: 'confirmed' });
    expect(ticket).toMatchObject({
      status: 'closed',
      verification: 'confirmed',
      closedAt: MONDAY_0900,
    });

    const timeline = (await desk.call('tickets.get', { id: ticket.id })).timeline;
    expect(timeline.map((e) => [e.kind, e.data.to ?? null])).toEqual([
      ['created', 'new'],
      ['status', 'in_progress'],
      ['resolution', 'resolved'],
      ['verification', 'in_progress'],
      ['resolution', 'resolved'],
      ['verification', 'closed'],
    ]);
    expect(timeline.every((e) => e.author === TEST_ANALYST && e.at === MONDAY_0900)).toBe(true);
  });

  it('closes an unanswered verification only after the waiting period', async () => {
    let ticket = await open();
    ticket = await desk.call('tickets.resolve', {
      ...edit(ticket),
      resolutionCode: 'advice-given',
      resolutionNotes: 'Explained the boot menu.',
    });
    clock.advanceDays(4);
    expect(
      (await callError(desk.call('tickets.verify', { ...edit(ticket), outcome: 'no_answer' })))
        .code,
    ).toBe('invalid_transition');
    // The console's own sweep (on a timer, see the console's test) calls this.
    const { store } = desk;
    const sweep = new LifecycleService({
      store,
      config: new WorkflowConfigService(store),
      now: clock.now,
    });
    expect(await sweep.closeUnanswered()).toEqual([]);
    clock.advanceDays(1);
    expect(await sweep.closeUnanswered()).toEqual([ticket.id]);
    const closed = (await desk.call('tickets.get', { id: ticket.id })).ticket;
    expect(closed).toMatchObject({ status: 'closed', verification: 'no_answer' });
  });

  it('reopens within the window, and refuses after it', async () => {
    let ticket = await open();
    ticket = await desk.call('tickets.resolve', {
      ...edit(ticket),
      resolutionCode: 'fixed',
      resolutionNotes: 'New charger.',
    });
    ticket = await desk.call('tickets.verify', { ...edit(ticket), outcome: 'confirmed' });
    clock.advanceDays(3);
    ticket = await desk.call('tickets.reopen', {
      ...edit(ticket),
      reason: 'It died again this morning',
    });
    expect(ticket).toMatchObject({ status: 'reopened', closedAt: null, resolvedAt: null });
    ticket = await desk.call('tickets.resolve', {
      ...edit(ticket),
      resolutionCode: 'hardware-replaced',
      resolutionNotes: 'New battery.',
    });
    ticket = await desk.call('tickets.verify', { ...edit(ticket), outcome: 'confirmed' });
    clock.advanceDays(15);
    const late = await callError(desk.call('tickets.reopen', { ...edit(ticket), reason: 'Again' }));
    expect(late).toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('open a new ticket'),
    });
  });

  it('takes the user’s feedback once, after resolution', async () => {
    let ticket = await open();
    expect(
      (await callError(desk.call('tickets.feedback', { id: ticket.id, rating: 5 }))).code,
    ).toBe('invalid_transition');
    ticket = await desk.call('tickets.resolve', {
      ...edit(ticket),
      resolutionCode: 'fixed',
      resolutionNotes: 'Done.',
    });
    expect(
      (await callError(desk.call('tickets.feedback', { id: ticket.id, rating: 7 }))).code,
    ).toBe('validation');
    ticket = await desk.call('tickets.feedback', {
      id: ticket.id,
      rating: 4,
      comment: 'Quick, thanks',
    });
    expect(ticket).toMatchObject({ feedbackRating: 4, feedbackComment: 'Quick, thanks' });
    expect(
      (await callError(desk.call('tickets.feedback', { id: ticket.id, rating: 1 }))).code,
    ).toBe('conflict');
  });

  it('stops the SLA clock while waiting on the user and resumes it after', async () => {
    // P3 (medium x medium): first response 2 h, resolution 3 business days.
    let ticket = await open({ impact: 'medium', urgency: 'medium' });
    clock.advanceMinutes(60);
    ticket = await desk.call('tickets.setStatus', { ...edit(ticket), status: 'waiting_on_user' });
    expect(ticket.slaDueAt).toBeNull();
    clock.advanceDays(1); // Tuesday 10:00: a full business day of waiting does not count.
    ticket = await desk.call('tickets.setStatus', { ...edit(ticket), status: 'in_progress' });
    // 60 of 1440 business minutes used; 1380 left from Tuesday 10:00: Tuesday 420, Wednesday
    // 510, Thursday 240 before lunch and 210 after -> Thursday 16:30 in Brussels.
    expect(ticket.slaDueAt).toBe('2026-03-05T15:30:00.000Z');
  });
});
