/**
 * Tickets as CSV (one row per ticket, TICKET_CSV_COLUMNS) for spreadsheets and other desks.
 * An import is checked row by row first; the first bad row or field is named and nothing
 * is imported. Imported tickets get new numbers.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  DesksideError,
  TICKET_CSV_COLUMNS,
  TicketCsvRowSchema,
  isOpenStatus,
  priorityFor,
  type TicketCsvRow,
} from '@deskside/core';
import { indexTicketText } from '../database/search-index';
import { checkCategory, checkGroup } from '../tickets/intake';
import { appendEntries } from '../tickets/timeline';
import { describedText } from '../tickets/ticket-service';
import { initialSla, type WorkflowDeps } from '../tickets/ticket-writer';

export async function exportTicketsCsv(deps: WorkflowDeps): Promise<string> {
  const rows = await deps.store.db.selectFrom('tickets').selectAll().orderBy('id').execute();
  return stringify(
    rows.map((row) => TICKET_CSV_COLUMNS.map((column) => row[column] ?? '')),
    { header: true, columns: [...TICKET_CSV_COLUMNS] },
  );
}

const refuse = (message: string, path?: string) =>
  new DesksideError('validation', message, path ? [{ path, message }] : undefined);

function parseRows(csv: string): TicketCsvRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    throw refuse(`The CSV cannot be read: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = TICKET_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (records.length > 0 && missing.length > 0)
    throw refuse(`The CSV has no column “${missing[0]}”`, missing[0]);
  return records.map((record, index) => {
    const parsed = TicketCsvRowSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    // Row 1 is the first ticket; line numbers count the header too.
    throw refuse(
      `Row ${index + 1} (line ${index + 2}), field “${field}”: ${issue.message}`,
      `${index + 1}.${field}`,
    );
  });
}

export async function importTicketsCsv(deps: WorkflowDeps, csv: string, actor: string) {
  const rows = parseRows(csv);
  const now = deps.now().toISOString();
  const { dialect } = deps.store;
  return deps.store.write(async (trx, publish) => {
    const config = await deps.config.get(trx);
    rows.forEach((row, index) => {
      try {
        checkCategory(config, row.category);
        checkGroup(config, row.groupId);
      } catch (error) {
        throw refuse(`Row ${index + 1} (line ${index + 2}): ${(error as Error).message}`);
      }
    });
    for (const row of rows) {
      const createdAt = row.createdAt ? new Date(row.createdAt).toISOString() : now;
      const done = !isOpenStatus(row.status);
      const priority = priorityFor(row.impact, row.urgency, config.priorityMatrix);
      const ticket = await trx
        .insertInto('tickets')
        .values({
          ...row,
          id: undefined,
          createdAt,
          updatedAt: now,
          priority,
          ...(done || row.status !== 'new' ? {} : initialSla(priority, createdAt, config)),
          isOpen: done ? 0 : 1,
          tier: config.groups.find((g) => g.id === row.groupId)?.tier ?? 'tier1',
          createdBy: actor,
          firstRespondedAt: row.status === 'new' ? null : createdAt,
          resolvedAt: done ? createdAt : null,
          closedAt: row.status === 'closed' ? createdAt : null,
          resolutionCode: row.resolutionCode,
          resolutionNotes: done ? row.resolutionNotes : null,
        })
        .returning(['id', 'summary', 'description', 'errorMessages', 'stepsTried'])
        .executeTakeFirstOrThrow();
      await indexTicketText(trx, dialect, ticket.id, ticket.summary, describedText(ticket));
      await appendEntries(trx, dialect, ticket.id, actor, now, [
        { kind: 'created', data: { to: row.status, importedFrom: row.id || null } },
      ]);
    }
    publish({ type: 'data.imported', ticketId: null, at: now });
    return { tickets: rows.length, people: 0, timeline: rows.length };
  });
}
