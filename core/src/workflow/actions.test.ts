import { describe, expect, it } from 'vitest';
import { availableActions, possibleStatusActions, type ActionSubject } from './actions';
import { DEFAULT_CLOSURE_POLICY } from './closure';
import { slaBadge } from './sla-view';

const now = new Date('2026-03-10T10:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const ticket = (changes: Partial<ActionSubject>): ActionSubject => ({
  status: 'new',
  tier: 'tier1',
  resolvedAt: null,
  closedAt: null,
  feedbackRating: null,
  ...changes,
});
const actions = (changes: Partial<ActionSubject>) =>
  availableActions(ticket(changes), DEFAULT_CLOSURE_POLICY, now);

describe('availableActions', () => {
  it('offers a new ticket every working move, triage and outside help, but no closing', () => {
    expect(actions({})).toEqual([
      'work',
      'waitOnUser',
      'waitOnVendor',
      'resolve',
      'assign',
      'escalate',
      'edit',
      'note',
      'call',
      'vendorCase',
      'visit',
      'order',
      'serviceCentre',
    ]);
  });

  it('does not offer the status the ticket already has', () => {
    expect(actions({ status: 'in_progress' })).not.toContain('work');
    expect(actions({ status: 'waiting_on_user' })).not.toContain('waitOnUser');
    expect(actions({ status: 'waiting_on_user' })).toContain('work');
  });

  it('escalates up to the specialists and de-escalates down to the first line', () => {
    expect(actions({ tier: 'tier1' })).not.toContain('deescalate');
    expect(actions({ tier: 'tier2' })).toEqual(expect.arrayContaining(['escalate', 'deescalate']));
    expect(actions({ tier: 'specialist' })).not.toContain('escalate');
  });

  it('verifies a resolved ticket; closing unanswered only after the policy’s days', () => {
    const fresh = actions({ status: 'resolved', resolvedAt: daysAgo(1) });
    expect(fresh).toEqual(['confirm', 'notFixed', 'feedback', 'note', 'call']);
    const waited = actions({ status: 'resolved', resolvedAt: daysAgo(5) });
    expect(waited).toContain('closeNoAnswer');
  });

  it('reopens a closed ticket within the window, and takes feedback once', () => {
    expect(actions({ status: 'closed', closedAt: daysAgo(14) })).toEqual([
      'reopen',
      'feedback',
      'note',
      'call',
    ]);
    expect(actions({ status: 'closed', closedAt: daysAgo(15), feedbackRating: 4 })).toEqual([
      'note',
      'call',
    ]);
  });

  it('lists only the status moves for a refusal message', () => {
    expect(
      possibleStatusActions(ticket({ status: 'in_progress' }), DEFAULT_CLOSURE_POLICY, now),
    ).toEqual(['waitOnUser', 'waitOnVendor', 'resolve']);
  });
});

describe('slaBadge', () => {
  const open = { status: 'in_progress' as const };
  it('is breached once the earliest running target has passed', () => {
    expect(slaBadge({ ...open, slaDueAt: daysAgo(0.01), slaAtRiskAt: daysAgo(1) }, now)).toBe(
      'breached',
    );
  });

  it('is at risk between the risk point and the target', () => {
    const due = new Date(now.getTime() + 60_000).toISOString();
    expect(slaBadge({ ...open, slaDueAt: due, slaAtRiskAt: daysAgo(0.01) }, now)).toBe('at_risk');
    expect(slaBadge({ ...open, slaDueAt: due, slaAtRiskAt: due }, now)).toBe('on_track');
  });

  it('is paused while waiting, and none once the desk is done', () => {
    expect(slaBadge({ status: 'waiting_on_user', slaDueAt: null, slaAtRiskAt: null }, now)).toBe(
      'paused',
    );
    expect(slaBadge({ status: 'closed', slaDueAt: daysAgo(3), slaAtRiskAt: null }, now)).toBe(
      'none',
    );
  });
});
