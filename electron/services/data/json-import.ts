/**
 * Imports a JSON export from a file into an empty database, in two passes over the file so
 * no document is ever held whole: the first checks every record (schemas, references,
 * evidence hashes) and writes nothing; the second writes everything in one transaction.
 * Bad input, or a cancel at any point, leaves the database as it was.
 */
import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import {
  DesksideError,
  searchDocument,
  validationError,
  type ImportResult,
  type WorkflowConfig,
} from '@deskside/core';
import { advanceIdentity } from '../database/dialect';
import type { Db } from '../database/open';
import { indexTicketsBulk } from '../database/search-index';
import type { JobReporter } from '../jobs/job-registry';
import { checkDeskRules } from '../tickets/field-rules';
import { ticketText } from '../tickets/new-tickets';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { assertEmptyDatabase } from './empty';
import { chunksFor } from '../database/insert-chunks';
import {
  ExportHeaderSchema,
  HEADER_KEYS,
  PAGE_SIZE,
  SECTION_NAMES,
  evidenceIntact,
  sectionSchemas,
  toRow,
  type SectionName,
  type SectionRecord,
} from './sections';

const READ_CHUNK_BYTES = 256 * 1024;

type Item = { key: string; index: number; value: unknown };

const refuse = (path: string, message: string) =>
  new DesksideError('validation', `Invalid import: ${path}: ${message}`, [{ path, message }]);

const isSection = (key: string): key is SectionName =>
  (SECTION_NAMES as readonly string[]).includes(key);

/** The header values and every record of the file, one at a time, as the file is read. */
async function* readItems(
  file: string,
  reporter: JobReporter,
  onBytes: (bytes: number) => void,
): AsyncGenerator<Item> {
  const parser = new JSONParser({
    paths: [...HEADER_KEYS.map((key) => `$.${key}`), ...SECTION_NAMES.map((s) => `$.${s}.*`)],
    keepStack: false,
  });
  const pending: Item[] = [];
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) pending.push({ key: String(key), index: -1, value });
    else pending.push({ key: String(stack[1]?.key), index: Number(key), value });
  };
  const parse = (work: () => void) => {
    try {
      work();
    } catch (error) {
      throw new DesksideError(
        'validation',
        `The import is not valid JSON: ${(error as Error).message}`,
      );
    }
  };
  let read = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    reporter.signal.throwIfAborted();
    parse(() => {
      parser.write(chunk as Buffer);
    });
    read += (chunk as Buffer).length;
    onBytes(read);
    yield* pending.splice(0);
  }
  parse(() => {
    if (!parser.isEnded) parser.end();
  });
  yield* pending.splice(0);
}

interface Checked {
  header: { config: WorkflowConfig };
  tickets: number;
}

/** Pass one: every record is valid and refers to records before it; nothing is written. */
async function check(file: string, reporter: JobReporter): Promise<Checked> {
  const header: Record<string, unknown> = {};
  const people = new Set<number>();
  const tickets = new Set<number>();
  const seen = new Map<SectionName, Set<number | string>>();
  /** Each pair of category and group the tickets use, with the first ticket using it. */
  const ruled = new Map<
    string,
    { index: number; category: string | null; groupId: string | null }
  >();
  let current = -1;
  const onBytes = (done: number) => {
    reporter.progress({ done });
  };
  for await (const { key, index, value } of readItems(file, reporter, onBytes)) {
    if (!isSection(key)) {
      header[key] = value;
      continue;
    }
    const order = SECTION_NAMES.indexOf(key);
    if (order < current) {
      throw refuse(key, `comes after ${SECTION_NAMES[current]}; keep the order of an export`);
    }
    current = order;
    const parsed = sectionSchemas[key].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw refuse([key, index, ...issue.path].map(String).join('.'), issue.message);
    }
    const record = parsed.data as { id: number | string; ticketId?: number };
    const ids = seen.get(key) ?? new Set();
    if (ids.has(record.id)) throw refuse(`${key}.${index}.id`, `${record.id} appears twice`);
    ids.add(record.id);
    seen.set(key, ids);
    if (key === 'people') people.add(record.id as number);
    else if (key === 'tickets') {
      const { requesterId } = parsed.data as SectionRecord<'tickets'>;
      if (requesterId !== null && !people.has(requesterId)) {
        throw refuse(`tickets.${index}.requesterId`, `person ${requesterId} is not in the file`);
      }
      tickets.add(record.id as number);
      const { category, groupId } = parsed.data as SectionRecord<'tickets'>;
      const fields = JSON.stringify([category, groupId]);
      if (!ruled.has(fields)) ruled.set(fields, { index, category, groupId });
    } else if (record.ticketId !== undefined && !tickets.has(record.ticketId)) {
      throw refuse(`${key}.${index}.ticketId`, `ticket ${record.ticketId} is not in the file`);
    }
    if (key === 'evidence' && !evidenceIntact(parsed.data as SectionRecord<'evidence'>)) {
      throw refuse(
        `evidence.${index}.sha256`,
        'does not match the evidence content (altered evidence is refused)',
      );
    }
  }
  const parsedHeader = ExportHeaderSchema.safeParse(header);
  if (!parsedHeader.success) throw validationError(parsedHeader.error, 'import');
  // The file's own categories and groups apply to its tickets, as a desk's do to new ones.
  for (const { index, ...fields } of ruled.values()) {
    try {
      checkDeskRules(parsedHeader.data.config, fields);
    } catch (error) {
      const issue = (error as DesksideError).issues?.[0];
      if (!issue) throw error;
      throw refuse(`tickets.${index}.${issue.path}`, issue.message);
    }
  }
  return { header: parsedHeader.data, tickets: tickets.size };
}

/** The search index of the imported tickets, from what the transaction has written. */
async function indexImported(
  trx: Db,
  deps: WorkflowDeps,
  reporter: JobReporter,
  total: number,
): Promise<void> {
  let after = 0;
  let done = 0;
  reporter.progress({ phase: 'indexing', unit: 'records', done, total });
  for (;;) {
    reporter.signal.throwIfAborted();
    const tickets = await trx
      .selectFrom('tickets')
      .select(['id', 'summary', 'description', 'errorMessages', 'stepsTried'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE_SIZE)
      .execute();
    if (tickets.length === 0) return;
    const bodies = await trx
      .selectFrom('timeline')
      .select(['ticketId', 'body'])
      .where(
        'ticketId',
        'in',
        tickets.map((t) => t.id),
      )
      .where('body', '<>', '')
      .orderBy('id')
      .execute();
    const text = new Map<number, string[]>();
    for (const { ticketId, body } of bodies)
      text.set(ticketId, [...(text.get(ticketId) ?? []), body]);
    await indexTicketsBulk(
      trx,
      deps.store.dialect,
      tickets.map((t) => ({
        ticketId: t.id,
        ...ticketText(t),
        timeline: searchDocument(...(text.get(t.id) ?? [])),
      })),
    );
    done += tickets.length;
    after = tickets.at(-1)!.id;
    reporter.progress({ done });
  }
}

export async function importJsonFile(
  deps: WorkflowDeps,
  file: string,
  size: number,
  reporter: JobReporter,
): Promise<ImportResult> {
  reporter.progress({ phase: 'checking', unit: 'bytes', done: 0, total: size });
  const checked = await check(file, reporter);
  const counts = { tickets: 0, people: 0, timeline: 0 };
  return deps.store.write(async (trx, publish) => {
    await assertEmptyDatabase(
      trx,
      'Import a full export only into an empty database; this one already has tickets or people',
    );
    reporter.progress({ phase: 'writing', unit: 'bytes', done: 0, total: size });
    await deps.config.put(trx, checked.header.config);
    let batch: { section: SectionName; rows: object[] } | null = null;
    const flush = async () => {
      if (!batch) return;
      // Each batch holds one table's rows, built by `toRow`; the builder cannot follow a
      // union of tables through one insert, hence the cast.
      for (const chunk of chunksFor(batch.rows))
        await trx
          .insertInto(batch.section)
          .values(chunk as never)
          .execute();
      batch = null;
    };
    const onBytes = (done: number) => {
      reporter.progress({ done });
    };
    for await (const { key, value } of readItems(file, reporter, onBytes)) {
      if (!isSection(key)) continue;
      if (batch && (batch.section !== key || batch.rows.length >= PAGE_SIZE)) await flush();
      batch ??= { section: key, rows: [] };
      batch.rows.push(toRow(key, sectionSchemas[key].parse(value)));
      if (key in counts) counts[key as keyof typeof counts] += 1;
    }
    await flush();
    await indexImported(trx, deps, reporter, checked.tickets);
    for (const table of ['people', 'tickets', 'timeline', 'vendor_cases', 'visits', 'orders'])
      await advanceIdentity(trx, deps.store.dialect, table);
    publish({ type: 'data.imported', ticketId: null, at: deps.now().toISOString() });
    return counts;
  });
}
