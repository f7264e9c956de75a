import { z } from 'zod';
import { DesksideError } from '../errors';
import { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from './statuses';

export { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from './statuses';
export const TicketStatusSchema = z.enum(TICKET_STATUSES);

/** While waiting on someone else, the SLA clocks stand still. */
export const PAUSED_STATUSES: readonly TicketStatus[] = ['waiting_on_user', 'waiting_on_vendor'];

/** Statuses in which the desk owes the user nothing more: the resolution clock has stopped. */
export const STOPPED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

const WORKING: readonly TicketStatus[] = ['in_progress', 'waiting_on_user', 'waiting_on_vendor'];

/** Every legal move; anything else is refused. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: [...WORKING, 'resolved'],
  in_progress: ['waiting_on_user', 'waiting_on_vendor', 'resolved'],
  waiting_on_user: ['in_progress', 'waiting_on_vendor', 'resolved'],
  waiting_on_vendor: ['in_progress', 'waiting_on_user', 'resolved'],
  // Verification with the user: confirmed or no answer -> closed; not confirmed -> in progress.
  resolved: ['closed', 'in_progress'],
  closed: ['reopened'],
  reopened: [...WORKING, 'resolved'],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const label = (status: TicketStatus) => status.replaceAll('_', ' ');

/** Throws a clear `invalid_transition` error when `from -> to` is not a legal move. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (canTransition(from, to)) return;
  const allowed = TRANSITIONS[from].map(label).join(', ');
  throw new DesksideError(
    'invalid_transition',
    from === to
      ? `The ticket is already ${label(from)}`
      : `A ticket cannot go from ${label(from)} to ${label(to)}; from ${label(from)} it can go to: ${allowed}`,
  );
}

export const isOpenStatus = (status: TicketStatus): boolean => OPEN_STATUSES.includes(status);
