import { FIRST_CONTACT_WINDOW_MINUTES } from './reports';
import type { BusinessTimeTable } from './workflow/business-time';
import { PAUSED_STATUSES, STOPPED_STATUSES, TicketStatusSchema } from './workflow/lifecycle';
import type { Priority } from './workflow/priority';
import type { SlaPolicy, StatusChange } from './workflow/sla';

/** The timeline kinds whose `data.to` records a status change (as the ticket writer reads them). */
export const STATUS_ENTRY_KINDS = ['created', 'status', 'resolution', 'verification', 'reopened'];
/** Every timeline kind the per-ticket report facts read. */
export const REPORT_FACT_KINDS = [...STATUS_ENTRY_KINDS, 'escalation', 'vendor-case', 'assignment'];

export interface FactsTicket {
  createdAt: string;
  resolvedAt: string | null;
  priority: Priority;
}

export interface FactsEntry {
  kind: string;
  at: string;
  data: Record<string, unknown>;
}

/** What the service figures need of one ticket (core's ServiceReportSchema defines each). */
export interface TicketReportFacts {
  resolveBusinessMs: number | null;
  slaMet: boolean | null;
  escalated: boolean;
  reopened: boolean;
  /** Resolved at the first contact with none of what disqualifies it. */
  firstContact: boolean;
}

const MINUTE = 60_000;
const OPENING: readonly string[] = ['resolved', 'closed'];

function statusHistory(ticket: FactsTicket, entries: readonly FactsEntry[]): StatusChange[] {
  const changes = entries.flatMap((entry) => {
    if (!STATUS_ENTRY_KINDS.includes(entry.kind)) return [];
    const to = TicketStatusSchema.safeParse(entry.data.to);
    return to.success ? [{ status: to.data, at: entry.at }] : [];
  });
  return [{ status: 'new', at: ticket.createdAt }, ...changes];
}

/** Business ms the resolution clock ran until `until`: in statuses neither paused nor stopped. */
function resolutionClockMs(
  history: readonly StatusChange[],
  until: number,
  table: BusinessTimeTable,
): number {
  let elapsed = 0;
  history.forEach((change, index) => {
    const runs =
      !PAUSED_STATUSES.includes(change.status) && !STOPPED_STATUSES.includes(change.status);
    if (!runs) return;
    const start = Date.parse(change.at);
    const next = history[index + 1];
    const end = Math.min(next ? Date.parse(next.at) : until, until);
    elapsed += table.between(start, end);
  });
  return elapsed;
}

/** A group change after the group was first set: the ticket was handed to another group. */
function handedOver(entries: readonly FactsEntry[]): boolean {
  return entries.some((entry) => {
    if (entry.kind !== 'assignment') return false;
    const from = entry.data.from as { groupId?: unknown } | undefined;
    const before = from?.groupId ?? null;
    return before !== null && entry.data.groupId !== before;
  });
}

/**
 * The report facts of one ticket from its row and its timeline entries (oldest first), with
 * business time from `table` (which must cover the ticket's creation and resolution).
 */
export function ticketReportFacts(
  ticket: FactsTicket,
  entries: readonly FactsEntry[],
  table: BusinessTimeTable,
  policy: SlaPolicy,
): TicketReportFacts {
  const created = Date.parse(ticket.createdAt);
  const history = statusHistory(ticket, entries);
  const escalated = entries.some((entry) => entry.kind === 'escalation');
  const vendorCase = entries.some((entry) => entry.kind === 'vendor-case');
  const reopened = history.some(
    (change, i) =>
      i > 0 && OPENING.includes(history[i - 1]!.status) && !OPENING.includes(change.status),
  );
  const firstResolution = history.findIndex((change) => change.status === 'resolved');
  const waitedFirst =
    firstResolution > 0 &&
    history.slice(0, firstResolution).some((change) => PAUSED_STATUSES.includes(change.status));
  const quick =
    firstResolution > 0 &&
    Date.parse(history[firstResolution]!.at) - created <= FIRST_CONTACT_WINDOW_MINUTES * MINUTE;
  const resolved = ticket.resolvedAt === null ? null : Date.parse(ticket.resolvedAt);
  const target = policy.targets[ticket.priority].resolutionMinutes * MINUTE;
  return {
    resolveBusinessMs: resolved === null ? null : table.between(created, resolved),
    slaMet: resolved === null ? null : resolutionClockMs(history, resolved, table) <= target,
    escalated,
    reopened,
    firstContact:
      quick && !waitedFirst && !escalated && !vendorCase && !reopened && !handedOver(entries),
  };
}
