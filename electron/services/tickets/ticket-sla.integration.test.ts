import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '@deskside/core';
import type { TestConsole } from '#test/helpers/console';
import { TestClock } from '#test/helpers/clock';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('the SLA clocks a ticket is read with, on %s', (kind) => {
  let desk: TestConsole;
  // A Tuesday morning inside the default calendar's working hours.
  const clock = new TestClock('2026-03-03T08:00:00.000Z');
  beforeEach(async () => {
    desk = await openConsoleOn(kind, { now: clock.now });
  });
  afterEach(async () => {
    await desk.dispose();
  });

  it('runs both clocks, stops the first at the answer and pauses the other while waiting', async () => {
    const created = await desk.call('tickets.create', {
      requester: 'Sofie',
      channel: 'phone',
      summary: 'VPN drops every hour',
      impact: 'high',
      urgency: 'high',
    });
    const target = DEFAULT_SLA_POLICY.targets[created.priority];
    clock.advanceMinutes(12);
    const fresh = await desk.call('tickets.get', { id: created.id });
    expect(fresh.sla.firstResponse).toMatchObject({
      targetMinutes: target.firstResponseMinutes,
      state: 'at_risk',
      elapsedMinutes: 12,
    });
    expect(fresh.sla.resolution).toMatchObject({
      targetMinutes: target.resolutionMinutes,
      state: 'running',
    });

    await desk.call('tickets.setStatus', {
      id: created.id,
      expectedVersion: created.version,
      status: 'waiting_on_user',
    });
    clock.advanceMinutes(60);
    const waiting = await desk.call('tickets.get', { id: created.id });
    expect(waiting.sla.firstResponse).toMatchObject({ state: 'met', finished: true });
    expect(waiting.sla.resolution).toMatchObject({
      state: 'paused',
      elapsedMinutes: 12,
      dueAt: null,
    });
  });
});
