/**
 * Tickets as CSV (one row per ticket, TICKET_CSV_COLUMNS) for spreadsheets and other desks.
 * The export is written from one snapshot, a page at a time. An import reads the file twice:
 * first every row is checked (the first bad row or field is named and nothing is imported),
 * then all rows are written in one transaction. Imported tickets get new numbers.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import {
  DesksideError,
  TICKET_CSV_COLUMNS,
  TicketCsvRowSchema,
  isOpenStatus,
  type ImportResult,
  type TicketCsvRow,
  type WorkflowConfig,
} from '@deskside/core';
import type { JobReporter } from '../jobs/job-registry';
import {
  checkNewTicket,
  insertTickets,
  type NewTicket,
  type TicketToInsert,
} from '../tickets/new-tickets';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { PAGE_SIZE } from './sections';

export async function writeTicketsCsv(
  deps: WorkflowDeps,
  file: string,
  reporter: JobReporter,
): Promise<void> {
  await deps.store.snapshot(async (db) => {
    const { n } = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    reporter.progress({ phase: 'exporting', unit: 'records', done: 0, total: Number(n) });
    async function* pieces(): AsyncGenerator<string> {
      yield stringify([[...TICKET_CSV_COLUMNS]]);
      let after = 0;
      let done = 0;
      for (;;) {
        reporter.signal.throwIfAborted();
        const rows = await db
          .selectFrom('tickets')
          .selectAll()
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE_SIZE)
          .execute();
        if (rows.length === 0) return;
        yield stringify(rows.map((row) => TICKET_CSV_COLUMNS.map((column) => row[column] ?? '')));
        after = rows.at(-1)!.id;
        done += rows.length;
        reporter.progress({ done });
      }
    }
    await pipeline(Readable.from(pieces()), createWriteStream(file), {
      signal: reporter.signal,
    });
  });
}

const refuse = (message: string, path?: string) =>
  new DesksideError('validation', message, path ? [{ path, message }] : undefined);

/** Every row of the file, checked against the row schema, as the file is read. */
async function* readRows(
  file: string,
  reporter: JobReporter,
): AsyncGenerator<{ row: TicketCsvRow; index: number }> {
  const input = createReadStream(file);
  const records = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, trim: false }),
  );
  let index = 0;
  try {
    for await (const record of records as AsyncIterable<Record<string, string>>) {
      reporter.signal.throwIfAborted();
      if (index === 0) {
        const missing = TICKET_CSV_COLUMNS.filter((column) => !(column in record));
        if (missing.length > 0) throw refuse(`The CSV has no column “${missing[0]}”`, missing[0]);
      }
      const parsed = TicketCsvRowSchema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.map(String).join('.');
        // Row 1 is the first ticket; line numbers count the header too.
        throw refuse(
          `Row ${index + 1} (line ${index + 2}), field “${field}”: ${issue.message}`,
          `${index + 1}.${field}`,
        );
      }
      yield { row: parsed.data, index };
      index += 1;
      if (index % PAGE_SIZE === 0) reporter.progress({ done: input.bytesRead });
    }
  } catch (error) {
    if (error instanceof DesksideError || reporter.signal.aborted) throw error;
    throw refuse(`The CSV cannot be read: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
  reporter.progress({ done: input.bytesRead });
}

/** A row as a ticket brought in with its past: it got where it stands when it was created. */
function ticketOfRow(row: TicketCsvRow, actor: string, now: string): NewTicket {
  const createdAt = row.createdAt ? new Date(row.createdAt).toISOString() : now;
  const done = !isOpenStatus(row.status);
  const { id, resolutionNotes, ...fields } = row;
  return {
    ...fields,
    createdBy: actor,
    createdAt,
    updatedAt: now,
    firstRespondedAt: row.status === 'new' ? null : createdAt,
    resolvedAt: done ? createdAt : null,
    closedAt: row.status === 'closed' ? createdAt : null,
    resolutionNotes: done ? resolutionNotes : null,
    importedFrom: id || null,
  };
}

/** The row as a new ticket, checked as every new ticket is; a problem names the row. */
function checkedRow(
  config: WorkflowConfig,
  { row, index }: { row: TicketCsvRow; index: number },
  actor: string,
  now: string,
): NewTicket {
  const ticket = ticketOfRow(row, actor, now);
  try {
    checkNewTicket(config, ticket);
  } catch (error) {
    throw refuse(`Row ${index + 1} (line ${index + 2}): ${(error as Error).message}`);
  }
  return ticket;
}

export async function importTicketsCsvFile(
  deps: WorkflowDeps,
  file: string,
  size: number,
  actor: string,
  reporter: JobReporter,
): Promise<ImportResult> {
  reporter.progress({ phase: 'checking', unit: 'bytes', done: 0, total: size });
  const config = await deps.config.get();
  const now = deps.now().toISOString();
  for await (const read of readRows(file, reporter)) checkedRow(config, read, actor, now);

  return deps.store.write(async (trx, publish) => {
    reporter.progress({ phase: 'writing', unit: 'bytes', done: 0, total: size });
    // The rules as they are now, inside the transaction: they may have changed meanwhile.
    const current = await deps.config.get(trx);
    let tickets = 0;
    let batch: TicketToInsert[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await insertTickets(trx, deps.store.dialect, current, batch, now);
      tickets += batch.length;
      batch = [];
    };
    for await (const read of readRows(file, reporter)) {
      batch.push({ ticket: checkedRow(current, read, actor, now) });
      if (batch.length >= PAGE_SIZE) await flush();
    }
    await flush();
    publish({ type: 'data.imported', ticketId: null, at: now });
    return { tickets, people: 0, timeline: tickets };
  });
}
