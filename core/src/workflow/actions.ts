import type { Tier } from './assignment';
import { reopenWindowOpen, unansweredLongEnough, type ClosurePolicy } from './closure';
import { canTransition, isOpenStatus, type TicketStatus } from './lifecycle';

/** The actions that change the ticket's status, in the order a ticket usually takes them. */
export const STATUS_ACTIONS = [
  'work',
  'waitOnUser',
  'waitOnVendor',
  'resolve',
  'confirm',
  'notFixed',
  'closeNoAnswer',
  'reopen',
] as const;

/** Everything an analyst can do to a ticket, as the console offers it: status moves first. */
export const TICKET_ACTIONS = [
  ...STATUS_ACTIONS,
  'feedback',
  'assign',
  'escalate',
  'deescalate',
  'edit',
  'note',
  'call',
  'vendorCase',
  'visit',
  'order',
  'serviceCentre',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export interface ActionSubject {
  status: TicketStatus;
  tier: Tier;
  resolvedAt: string | null;
  closedAt: string | null;
  feedbackRating: number | null;
}

/**
 * What the analyst can do with the ticket now. The same rules the workflow services enforce
 * (lifecycle, tiers, verification and reopen windows, one feedback per resolution), asked
 * beforehand so the console offers only what will be accepted.
 */
export function availableActions(
  ticket: ActionSubject,
  closure: ClosurePolicy,
  now: Date,
): TicketAction[] {
  const { status } = ticket;
  const allowed = new Set<TicketAction>(['note', 'call']);
  const add = (action: TicketAction, when: boolean) => {
    if (when) allowed.add(action);
  };
  const nowIso = now.toISOString();
  const open = isOpenStatus(status);

  add('work', canTransition(status, 'in_progress') && status !== 'resolved');
  add('waitOnUser', canTransition(status, 'waiting_on_user'));
  add('waitOnVendor', canTransition(status, 'waiting_on_vendor'));
  add('resolve', canTransition(status, 'resolved'));
  if (status === 'resolved' && ticket.resolvedAt) {
    add('confirm', true);
    add('notFixed', true);
    add('closeNoAnswer', unansweredLongEnough(ticket.resolvedAt, nowIso, closure));
  }
  add(
    'reopen',
    status === 'closed' &&
      ticket.closedAt !== null &&
      reopenWindowOpen(ticket.closedAt, nowIso, closure),
  );
  add('feedback', (status === 'resolved' || status === 'closed') && ticket.feedbackRating === null);
  for (const action of [
    'assign',
    'edit',
    'vendorCase',
    'visit',
    'order',
    'serviceCentre',
  ] as const) {
    add(action, open);
  }
  add('escalate', open && ticket.tier !== 'specialist');
  add('deescalate', open && ticket.tier !== 'tier1');
  return TICKET_ACTIONS.filter((action) => allowed.has(action));
}

/** Which of the ticket's status moves are possible now, for a message after a refusal. */
export function possibleStatusActions(
  ticket: ActionSubject,
  closure: ClosurePolicy,
  now: Date,
): TicketAction[] {
  const moves: readonly TicketAction[] = STATUS_ACTIONS;
  return availableActions(ticket, closure, now).filter((action) => moves.includes(action));
}
