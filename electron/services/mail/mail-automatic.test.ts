import { describe, expect, it } from 'vitest';
import { eventsOf } from './mail-automatic';

describe('the automatic messages a timeline entry calls for', () => {
  it('maps creation, assignment, escalation and status changes to their events', () => {
    expect(eventsOf('created', { to: 'new', channel: 'email' })).toEqual([
      { event: 'received', to: 'requester' },
    ]);
    expect(eventsOf('assignment', { assignee: 'ana.lyst', groupId: null })).toEqual([
      { event: 'assigned', to: 'requester' },
    ]);
    expect(eventsOf('escalation', { toTier: 'specialist', groupId: 'network' })).toEqual([
      { event: 'assigned', to: 'requester' },
      { event: 'escalated', to: 'group' },
    ]);
    expect(eventsOf('status', { from: 'new', to: 'waiting_on_user' })).toEqual([
      { event: 'waiting', to: 'requester' },
    ]);
    expect(eventsOf('resolution', { to: 'resolved' })).toEqual([
      { event: 'resolved', to: 'requester' },
    ]);
    expect(eventsOf('verification', { to: 'closed', outcome: 'no_answer' })).toEqual([
      { event: 'closed', to: 'requester' },
    ]);
  });

  it('calls for nothing when nobody new handles the ticket or the status is not one the requester hears of', () => {
    expect(eventsOf('assignment', { assignee: null, groupId: 'workplace' })).toEqual([]);
    expect(eventsOf('status', { from: 'new', to: 'in_progress' })).toEqual([]);
    expect(eventsOf('verification', { to: 'in_progress', outcome: 'not_confirmed' })).toEqual([]);
    expect(eventsOf('de-escalation', { toTier: 'tier1' })).toEqual([]);
    expect(eventsOf('email', { direction: 'outbound' })).toEqual([]);
  });
});
