import type { QueryClient } from '@tanstack/react-query';
import { apiChanges, type ApiChange, type ApiMethod, type ConsoleEvent } from '@deskside/core';

const TICKET_LISTS = [
  'tickets.list',
  'tickets.queue',
  'machines.tickets',
  'people.tickets',
] as const;
const TICKET_READS = [...TICKET_LISTS, 'tickets.get', 'intake.get', 'mail.outbox'] as const;
const PEOPLE_READS = ['people.list', 'people.get'] as const;

/**
 * Which cached reads each change makes stale. The one table: applied after this console's own
 * writes (useApiMutation) and when a change made in another console arrives (useLiveUpdates),
 * so both refresh the same reads.
 */
export const STALE_READS: Record<ApiChange, readonly ApiMethod[]> = {
  'ticket.created': TICKET_LISTS,
  'ticket.changed': TICKET_READS,
  'people.changed': PEOPLE_READS,
  // An import brings tickets, people and the workflow's configuration.
  'data.imported': [...TICKET_READS, ...PEOPLE_READS, 'workflow.config', 'profile.get'],
  'kb.changed': ['kb.search', 'kb.get', 'kb.tags', 'kb.suggest', 'kb.forTicket'],
  'machines.changed': ['machines.list', 'machines.get', 'machines.status', 'machines.enrolments'],
  'machine.contacted': ['machines.list', 'machines.get'],
  'settings.changed': ['settings.get', 'mail.settings', 'mail.templates'],
  'analysts.changed': ['desk.analysts', 'desk.session'],
  'baselines.changed': ['machines.baselines', 'machines.listBaselines', 'machines.inventoryDiff'],
  // The profile's groups decide what "my groups" shows in the queue.
  'profile.changed': ['profile.get', 'workflow.config', 'tickets.queue'],
  // Groups, SLA and categories: the profile's groups and every ticket's clocks depend on them.
  'workflow.changed': ['workflow.config', 'profile.get', 'tickets.queue', 'tickets.get'],
  // Saved reports and their runs live in the database but are not announced live.
  'reports.changed': ['reports.saved', 'reports.runs'],
  // Checks queued over NATS are rows of the desk's; the console that settles one says so to
  // its own windows (`fleet.checks`), the others read again while one is waiting.
  'fleet.queued': ['machines.fleetQueuedChecks'],
};

/** The reads any of `changes` makes stale, each once. */
export function staleReads(changes: readonly ApiChange[]): ApiMethod[] {
  return [...new Set(changes.flatMap((change) => STALE_READS[change]))];
}

/** The reads `method` makes stale when it succeeds here. */
export const staleReadsAfterCall = (method: ApiMethod) => staleReads(apiChanges[method]);

/** The reads an event from the live channel makes stale. */
export const staleReadsOnEvent = (event: ConsoleEvent): ApiMethod[] => {
  if (event.type === 'job.progress') return [];
  // A fleet machine came online or went offline (this console's own link).
  if (event.type === 'fleet.presence') return ['machines.fleetPresence'];
  // Queued checks this console settled or attached; a scatter-gather of its own moved on.
  if (event.type === 'fleet.checks') return ['machines.fleetQueuedChecks'];
  if (event.type === 'fleet.scatter') return ['machines.fleetScatter'];
  return staleReads([event.type]);
};

/** Marks every cached answer of `reads` stale; those on screen are read again. */
export async function refreshReads(queryClient: QueryClient, reads: readonly ApiMethod[]) {
  await Promise.all(reads.map((method) => queryClient.invalidateQueries({ queryKey: [method] })));
}
