import type { DeskSession } from '@deskside/core';

/**
 * Whether the audit log is this analyst's to read: a team lead's or an administrator's on a
 * desk with roles, and the one analyst's on a console without (their own PC's log). The
 * database decides in the end; this only keeps a link away that would lead to a refusal.
 */
export function mayReadAuditLog(session: DeskSession | undefined): boolean {
  return leadsTheDesk(session);
}

/**
 * Whether this analyst leads here: a team lead or an administrator on a desk with roles, or
 * the one analyst of a console without them. Saving and scheduling reports is theirs too.
 */
export function leadsTheDesk(session: DeskSession | undefined): boolean {
  if (!session) return false;
  return !session.roles || session.role === 'lead' || session.role === 'admin';
}

/** Whether this analyst adds, changes and disables the desk's analysts. */
export const managesAnalysts = (session: DeskSession): boolean =>
  session.roles && session.role === 'admin';

/**
 * Whether this analyst sets a model's baseline: a team lead or an administrator on a desk with
 * roles, and the one analyst on a console without. The database refuses anyone else anyway.
 */
export const managesModelBaselines = (session: DeskSession): boolean =>
  !session.roles || session.role === 'lead' || session.role === 'admin';
