/**
 * The one path every new ticket takes, whichever way it comes in (a new ticket, a call's
 * intake, a CSV import, the seed's bulk load): one schema and the desk's rules check it, one
 * function derives its columns (priority, tier, open flag, SLA targets, search documents),
 * and its 'created' timeline entry is written the same way. Tickets that come with their own
 * numbers (a bulk load) go in many to a statement, so a hundred thousand load fast.
 */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import {
  CreateTicketInputSchema,
  TicketIdSchema,
  TicketSchema,
  TicketStatusSchema,
  isOpenStatus,
  priorityFor,
  searchDocument,
  validationError,
  type TimelineKind,
  type WorkflowConfig,
} from '@deskside/core';
import type { DialectName } from '../database/dialect';
import { chunksFor } from '../database/insert-chunks';
import type { Db } from '../database/open';
import type { TicketsTable, TimelineTable } from '../database/schema';
import { indexTicketsBulk, type SearchRow } from '../database/search-index';
import { checkDeskRules, checkMachines, peopleNames } from './field-rules';
import type { TicketRow } from './rows';
import { slaColumns, statusHistoryOf } from './ticket-writer';

/**
 * A new ticket: the fields an analyst records (as `tickets.create` takes them), who created
 * it when, and for a ticket brought in with a past (an import, the seed) where it stands.
 */
export const NewTicketSchema = CreateTicketInputSchema.extend({
  /** Given by a bulk load that numbers its own tickets; the database numbers the others. */
  id: TicketIdSchema.optional(),
  createdBy: z.string().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().optional(),
  status: TicketStatusSchema.default('new'),
  firstRespondedAt: TicketSchema.shape.firstRespondedAt.default(null),
  resolvedAt: TicketSchema.shape.resolvedAt.default(null),
  closedAt: TicketSchema.shape.closedAt.default(null),
  resolutionCode: TicketSchema.shape.resolutionCode.default(null),
  resolutionNotes: TicketSchema.shape.resolutionNotes.default(null),
  verification: TicketSchema.shape.verification.default(null),
  /** Its number at the desk it was exported from. */
  importedFrom: z.string().nullable().default(null),
}).refine(
  (t) => isOpenStatus(t.status) || (t.resolutionCode !== null && !!t.resolutionNotes?.trim()),
  {
    path: ['resolutionCode'],
    message: 'a resolved or closed ticket needs resolutionCode and resolutionNotes',
  },
);
export type NewTicket = z.input<typeof NewTicketSchema>;
type CheckedTicket = z.output<typeof NewTicketSchema>;

/** An entry of a ticket's timeline after its creation, for a ticket that brings its own. */
export interface PastEntry {
  kind: TimelineKind;
  at: string;
  author: string;
  body?: string;
  data?: Record<string, unknown>;
}

export interface TicketToInsert {
  ticket: NewTicket;
  /**
   * Its timeline after the 'created' entry, oldest first. A ticket that brings one was
   * created new and got where it stands through it; one without enters in its status.
   */
  past?: readonly PastEntry[];
}

/** The ticket, checked against the schema and the desk's rules; the first problem is thrown. */
export function checkNewTicket(config: WorkflowConfig, ticket: NewTicket): CheckedTicket {
  const parsed = NewTicketSchema.safeParse(ticket);
  if (!parsed.success) throw validationError(parsed.error, 'ticket');
  checkDeskRules(config, parsed.data);
  return parsed.data;
}

/** What the search index keeps of a ticket besides its timeline, folded for search. */
export function ticketText(ticket: {
  summary: string;
  description: string;
  errorMessages: string;
  stepsTried: string;
}): Pick<SearchRow, 'subject' | 'description'> {
  return {
    subject: searchDocument(ticket.summary),
    description: searchDocument(ticket.description, ticket.errorMessages, ticket.stepsTried),
  };
}

type EntryRow = Omit<Insertable<TimelineTable>, 'ticketId'>;

/** The columns a ticket derives from what it is, and its timeline from 'created' on. */
function derive(
  ticket: CheckedTicket,
  requester: string,
  past: readonly PastEntry[],
  config: WorkflowConfig,
  now: string,
): { row: Insertable<TicketsTable>; timeline: EntryRow[] } {
  const { importedFrom, ...columns } = ticket;
  const created: PastEntry = {
    kind: 'created',
    at: ticket.createdAt,
    author: ticket.createdBy,
    data: {
      to: past.length > 0 ? 'new' : ticket.status,
      channel: ticket.channel,
      ...(importedFrom === null ? {} : { importedFrom }),
    },
  };
  const entries = [created, ...past];
  const priority = priorityFor(ticket.impact, ticket.urgency, config.priorityMatrix);
  const history = statusHistoryOf(
    ticket.createdAt,
    entries.map((entry) => ({ ...entry, data: entry.data ?? {} })),
  );
  return {
    row: {
      ...columns,
      requester,
      requesterId: ticket.requesterId ?? null,
      priority,
      isOpen: isOpenStatus(ticket.status) ? 1 : 0,
      tier: config.groups.find((g) => g.id === ticket.groupId)?.tier ?? 'tier1',
      updatedAt: ticket.updatedAt ?? ticket.createdAt,
      ...slaColumns({ priority, firstRespondedAt: ticket.firstRespondedAt }, history, config, now),
    },
    timeline: entries.map((entry) => ({
      kind: entry.kind,
      at: entry.at,
      author: entry.author,
      body: entry.body ?? '',
      data: JSON.stringify(entry.data ?? {}),
    })),
  };
}

/**
 * Creates tickets in the caller's transaction, with their 'created' entries (and any past
 * they bring) and their search documents; `now` is when their SLA clocks are read. Returns
 * the rows in the order given. Announcing them is the caller's part.
 */
export async function insertTickets(
  trx: Db,
  dialect: DialectName,
  config: WorkflowConfig,
  tickets: readonly TicketToInsert[],
  now: string,
): Promise<TicketRow[]> {
  const checked = tickets.map(({ ticket }) => checkNewTicket(config, ticket));
  const names = await peopleNames(
    trx,
    checked.flatMap((t) => (t.requesterId == null ? [] : [t.requesterId])),
  );
  await checkMachines(
    trx,
    checked.map((t) => t.machineId),
  );
  const derived = checked.map((ticket, i) => {
    const requester = ticket.requester ?? names.get(ticket.requesterId!) ?? '';
    return derive(ticket, requester, tickets[i]!.past ?? [], config, now);
  });

  const rows = await insertRows(
    trx,
    derived.map((d) => d.row),
  );
  const timeline = rows.flatMap((row, i) =>
    derived[i]!.timeline.map((entry) => ({ ...entry, ticketId: row.id })),
  );
  for (const chunk of chunksFor(timeline)) await trx.insertInto('timeline').values(chunk).execute();
  await indexTicketsBulk(
    trx,
    dialect,
    rows.map((row, i) => ({
      ticketId: row.id,
      ...ticketText(row),
      timeline: searchDocument(...derived[i]!.timeline.map((entry) => entry.body)),
    })),
  );
  return rows;
}

/** Rows with their own ids go in many to a statement; the database numbers the others one by one. */
async function insertRows(trx: Db, rows: Insertable<TicketsTable>[]): Promise<TicketRow[]> {
  if (rows.every((row) => row.id !== undefined)) {
    const inserted: TicketRow[] = [];
    for (const chunk of chunksFor(rows)) {
      inserted.push(...(await trx.insertInto('tickets').values(chunk).returningAll().execute()));
    }
    // RETURNING promises no order; give the rows back in the caller's.
    const byId = new Map(inserted.map((row) => [row.id, row]));
    return rows.map((row) => byId.get(row.id as number)!);
  }
  const inserted: TicketRow[] = [];
  for (const row of rows) {
    inserted.push(
      await trx.insertInto('tickets').values(row).returningAll().executeTakeFirstOrThrow(),
    );
  }
  return inserted;
}
