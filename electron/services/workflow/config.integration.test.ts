import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW_CONFIG, type PriorityMatrix } from '@deskside/core';
import { TestClock } from '#test/helpers/clock';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('the desk’s rules on %s', (kind) => {
  let desk: TestConsole;
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
  });
  afterEach(async () => {
    await desk.dispose();
  });

  it('start from the defaults and take a new priority matrix for new tickets', async () => {
    expect(await desk.call('workflow.config', {})).toEqual(DEFAULT_WORKFLOW_CONFIG);
    const matrix: PriorityMatrix = {
      ...DEFAULT_WORKFLOW_CONFIG.priorityMatrix,
      low: { high: 2, medium: 4, low: 4 },
    };
    const config = await desk.call('workflow.configure', { priorityMatrix: matrix });
    expect(config.priorityMatrix).toEqual(matrix);
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'phone',
      summary: 'S',
      impact: 'low',
      urgency: 'high',
    });
    expect(ticket.priority).toBe(2);
  });

  it('refuse an invalid calendar and keep the rules they had', async () => {
    const sla = {
      ...DEFAULT_WORKFLOW_CONFIG.sla,
      calendar: { ...DEFAULT_WORKFLOW_CONFIG.sla.calendar, timeZone: 'Europe/Atlantis' },
    };
    const error = await callError(desk.call('workflow.configure', { sla }));
    expect(error.code).toBe('validation');
    expect(error.issues?.[0]?.path).toMatch(/^sla\.calendar\.timeZone/);
    expect(await desk.call('workflow.config', {})).toEqual(DEFAULT_WORKFLOW_CONFIG);
  });
});

describe('the console', () => {
  it('closes resolved tickets nobody answered on its own, on a schedule', async () => {
    const clock = new TestClock('2026-03-02T08:00:00.000Z');
    const desk = await openTestConsole({ now: clock.now, closeUnansweredEveryMs: 50 });
    try {
      const ticket = await desk.call('tickets.create', {
        requester: 'R',
        channel: 'phone',
        summary: 'S',
      });
      await desk.call('tickets.resolve', {
        id: ticket.id,
        expectedVersion: 1,
        resolutionCode: 'fixed',
        resolutionNotes: 'Done it.',
      });
      clock.advanceDays(6);
      let status = '';
      for (let i = 0; i < 100 && status !== 'closed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await desk.call('tickets.get', { id: ticket.id })).ticket.status;
      }
      expect(status).toBe('closed');
    } finally {
      await desk.dispose();
    }
  });
});
