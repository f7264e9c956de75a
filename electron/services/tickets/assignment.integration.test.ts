import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

describe.each(STORE_KINDS)('assignment, escalation and de-escalation on %s', (kind) => {
  let desk: TestConsole;
  beforeEach(async () => {
    desk = await openConsoleOn(kind);
  });
  afterEach(async () => {
    await desk.dispose();
  });

  it('assigns, escalates and de-escalates with the reason kept in the timeline', async () => {
    let ticket = await desk.call('tickets.create', {
      requester: 'Marie Dubois',
      channel: 'email',
      summary: 'VPN drops every 10 minutes',
    });
    ticket = await desk.call('tickets.assign', {
      id: ticket.id,
      expectedVersion: 1,
      assignee: 'sofie',
      groupId: 'service-desk',
    });
    expect(ticket).toMatchObject({
      assignee: 'sofie',
      groupId: 'service-desk',
      tier: 'tier1',
      version: 2,
    });

    ticket = await desk.call('tickets.escalate', {
      id: ticket.id,
      expectedVersion: ticket.version,
      tier: 'specialist',
      groupId: 'network',
      reason: 'Tunnel renegotiation fails on the concentrator',
    });
    expect(ticket).toMatchObject({ tier: 'specialist', groupId: 'network', assignee: null });

    const wrongWay = await callError(
      desk.call('tickets.escalate', {
        id: ticket.id,
        expectedVersion: ticket.version,
        tier: 'tier2',
        reason: 'Back please',
      }),
    );
    expect(wrongWay.code).toBe('invalid_transition');
    const noReason = await callError(
      desk.call('tickets.deescalate', {
        id: ticket.id,
        expectedVersion: ticket.version,
        tier: 'tier1',
        reason: '',
      }),
    );
    expect(noReason.issues?.[0]?.path).toBe('reason');

    ticket = await desk.call('tickets.deescalate', {
      id: ticket.id,
      expectedVersion: ticket.version,
      tier: 'tier1',
      groupId: 'service-desk',
      reason: 'Concentrator fixed; confirm with the user',
    });
    expect(ticket.tier).toBe('tier1');

    const moves = (await desk.call('tickets.get', { id: ticket.id })).timeline.filter((e) =>
      ['assignment', 'escalation', 'de-escalation'].includes(e.kind),
    );
    expect(
      moves.map((e) => [e.kind, e.data.fromTier ?? null, e.data.toTier ?? null, e.body]),
    ).toEqual([
      ['assignment', null, null, ''],
      ['escalation', 'tier1', 'specialist', 'Tunnel renegotiation fails on the concentrator'],
      ['de-escalation', 'specialist', 'tier1', 'Concentrator fixed; confirm with the user'],
    ]);
  });

  it('refuses a group the desk does not have', async () => {
    const ticket = await desk.call('tickets.create', {
      requester: 'R',
      channel: 'chat',
      summary: 'S',
    });
    const error = await callError(
      desk.call('tickets.assign', {
        id: ticket.id,
        expectedVersion: 1,
        assignee: null,
        groupId: 'nobody',
      }),
    );
    expect(error.issues?.[0]?.path).toBe('groupId');
    expect((await desk.call('tickets.get', { id: ticket.id })).ticket.version).toBe(1);
  });
});
