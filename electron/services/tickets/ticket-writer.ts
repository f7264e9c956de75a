/**
 * The one path every ticket edit takes: in the write's transaction, check the version the
 * analyst started from, apply the change, recompute the SLA fields, bump the version, append
 * the timeline entries, and announce the change. A stale version is refused, never merged.
 */
import type { Updateable } from 'kysely';
import {
  TicketStatusSchema,
  computeSla,
  STOPPED_STATUSES,
  isOpenStatus,
  slaFields,
  type StatusChange,
  type Ticket,
  type TicketStatus,
  type WorkflowConfig,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Store } from '../database/store';
import type { TicketsTable } from '../database/schema';
import { checkVersion, notFound, updateAtVersion } from '../database/versioned';
import type { WorkflowConfigService } from '../workflow/config-service';
import { toTicket, type TicketRow } from './rows';
import { appendEntries, type EntryDraft } from './timeline';

export interface WorkflowDeps {
  store: Store;
  config: WorkflowConfigService;
  now: () => Date;
}

export interface TicketPlan {
  set?: Updateable<TicketsTable>;
  /** Entries whose `data.to` is a status record a status change (the SLA clock reads them). */
  entries?: EntryDraft[];
}

const STATUS_KINDS = ['created', 'status', 'resolution', 'verification', 'reopened'] as const;

export async function loadTicketRow(db: Db, id: number): Promise<TicketRow> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tickets', id);
  return row;
}

async function statusHistory(db: Db, row: TicketRow): Promise<StatusChange[]> {
  const rows = await db
    .selectFrom('timeline')
    .select(['kind', 'at', 'data'])
    .where('ticketId', '=', row.id)
    .where('kind', 'in', STATUS_KINDS)
    .orderBy('id')
    .execute();
  return statusHistoryOf(row.createdAt, rows);
}

/** Every status a ticket has had, oldest first, from its creation and timeline entries. */
export function statusHistoryOf(
  createdAt: string,
  entries: readonly { kind: string; at: string; data: string | Record<string, unknown> }[],
): StatusChange[] {
  const changes = entries.filter((entry) =>
    (STATUS_KINDS as readonly string[]).includes(entry.kind),
  );
  return [{ status: 'new', at: createdAt }, ...changesIn(changes)];
}

function changesIn(
  entries: readonly { at: string; data: string | Record<string, unknown> | undefined }[],
) {
  return entries.flatMap((entry) => {
    const data =
      typeof entry.data === 'string'
        ? (JSON.parse(entry.data) as Record<string, unknown>)
        : entry.data;
    const to = TicketStatusSchema.safeParse(data?.to);
    return to.success ? [{ status: to.data, at: entry.at }] : [];
  });
}

/** The SLA columns of a ticket: the earliest targets of its clocks still running. */
export function slaColumns(
  row: Pick<TicketRow, 'priority' | 'firstRespondedAt'>,
  history: readonly StatusChange[],
  config: WorkflowConfig,
  now: string,
): Pick<TicketRow, 'slaDueAt' | 'slaAtRiskAt'> {
  // Answered and resolved, both clocks have stopped for good and the columns keep only
  // running ones; walking the business calendar to learn that is slow in bulk.
  const current = history.at(-1)?.status ?? 'new';
  if (row.firstRespondedAt !== null && STOPPED_STATUSES.includes(current)) {
    return { slaDueAt: null, slaAtRiskAt: null };
  }
  const priority = row.priority as Ticket['priority'];
  const sla = computeSla(
    { priority, statusHistory: history, firstRespondedAt: row.firstRespondedAt, now },
    config.sla,
  );
  const { slaDueAt, slaAtRiskAt } = slaFields(sla);
  return { slaDueAt, slaAtRiskAt };
}

export async function editTicket(
  deps: WorkflowDeps,
  edit: { id: number; expectedVersion: number; actor: string },
  /** Runs in the transaction; may read (or index) through `trx`. */
  plan: (
    row: TicketRow,
    config: WorkflowConfig,
    now: string,
    trx: Db,
  ) => TicketPlan | Promise<TicketPlan>,
): Promise<Ticket> {
  const now = deps.now().toISOString();
  return deps.store.write(async (trx, publish) => {
    const row = await loadTicketRow(trx, edit.id);
    await checkVersion(trx, 'tickets', edit, row.version);
    const config = await deps.config.get(trx);
    const { set = {}, entries = [] } = await plan(row, config, now, trx);
    const next = { ...row, ...set };
    const status = next.status as TicketStatus;
    const statusChanged = status !== row.status;
    const firstRespondedAt = row.firstRespondedAt ?? (statusChanged ? now : null);
    const history = [
      ...(await statusHistory(trx, row)),
      ...changesIn(entries.map((e) => ({ at: now, data: e.data }))),
    ];
    // Another console may have committed since the read above: the update refuses then.
    const updated = await updateAtVersion(trx, 'tickets', edit, {
      ...set,
      firstRespondedAt,
      isOpen: isOpenStatus(status) ? 1 : 0,
      ...slaColumns({ priority: next.priority, firstRespondedAt }, history, config, now),
      updatedAt: now,
    });
    await appendEntries(trx, deps.store.dialect, edit.id, edit.actor, now, entries);
    publish({ type: 'ticket.changed', ticketId: edit.id, at: now });
    return toTicket(updated);
  });
}

/**
 * Records something about a ticket that is not an edit of its fields (a call, a note,
 * evidence, a vendor case...): no version check, no version bump, one transaction.
 */
export async function noteOnTicket(
  deps: WorkflowDeps,
  trx: Db,
  ticketId: number,
  options: { firstResponse?: boolean; now: string },
): Promise<void> {
  const row = await loadTicketRow(trx, ticketId);
  const respond = options.firstResponse === true && row.firstRespondedAt === null;
  const extra = respond
    ? {
        firstRespondedAt: options.now,
        ...slaColumns(
          { priority: row.priority, firstRespondedAt: options.now },
          await statusHistory(trx, row),
          await deps.config.get(trx),
          options.now,
        ),
      }
    : {};
  await trx
    .updateTable('tickets')
    .set({ updatedAt: options.now, ...extra })
    .where('id', '=', ticketId)
    .execute();
}
