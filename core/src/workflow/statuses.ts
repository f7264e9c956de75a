/** A ticket's statuses, from new to closed (reopened is open again). */
export const TICKET_STATUSES = [
  'new',
  'in_progress',
  'waiting_on_user',
  'waiting_on_vendor',
  'resolved',
  'closed',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the ticket is still being worked: the open queue. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'in_progress',
  'waiting_on_user',
  'waiting_on_vendor',
  'reopened',
];
