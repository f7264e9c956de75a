/**
 * The record sections of a JSON export, in the order they are written and must be read:
 * every record refers only to sections before it (tickets to people, the rest to tickets),
 * so an import can check references and insert as it reads. One place says how each
 * section's rows are paged out of the database and turned back into rows.
 */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  ExportDocumentSchema,
  OPEN_STATUSES,
  canonicalJson,
  type ExportDocument,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { EvidenceTable } from '../database/schema';
import { toOrder } from '../outside-help/order-service';
import { toVendorCase } from '../outside-help/vendor-service';
import { toVisit } from '../outside-help/visit-service';
import { personSearchText, toPerson } from '../people/people-service';
import { toEvidence, toTicket, toTimelineEntry } from '../tickets/rows';
import { sha256Hex } from '../tickets/ticket-service';

export const SECTION_NAMES = [
  'people',
  'tickets',
  'timeline',
  'evidence',
  'vendorCases',
  'visits',
  'orders',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
export type SectionRecord<S extends SectionName> = ExportDocument[S][number];

/** The parts of an export that are not record sections. */
export const ExportHeaderSchema = ExportDocumentSchema.pick({
  format: true,
  formatVersion: true,
  exportedAt: true,
  config: true,
});
export const HEADER_KEYS = Object.keys(ExportHeaderSchema.shape);

export const PAGE_SIZE = 500;

type NumberedTable = 'people' | 'tickets' | 'timeline' | 'vendorCases' | 'visits' | 'orders';

/** Pages of a table with integer ids, in id order, each page read after the last id seen. */
async function* numberedPages<T>(
  db: Db,
  table: NumberedTable,
  toRecord: (row: never) => T,
): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    // Every table here has an integer `id`; the builder cannot follow a union of tables.
    const rows = (await db
      .selectFrom(table as 'people')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE_SIZE)
      .execute()) as { id: number }[];
    if (rows.length === 0) return;
    yield rows.map((row) => toRecord(row as never));
    after = rows.at(-1)!.id;
  }
}

/** Evidence in ticket order, then as it was taken (its ids are random). */
async function* evidencePages(db: Db): AsyncGenerator<SectionRecord<'evidence'>[]> {
  let after: Pick<Selectable<EvidenceTable>, 'ticketId' | 'takenAt' | 'id'> | null = null;
  for (;;) {
    let query = db.selectFrom('evidence').selectAll();
    if (after) {
      const { ticketId, takenAt, id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('ticketId', '>', ticketId),
          eb.and([eb('ticketId', '=', ticketId), eb('takenAt', '>', takenAt)]),
          eb.and([eb('ticketId', '=', ticketId), eb('takenAt', '=', takenAt), eb('id', '>', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('ticketId')
      .orderBy('takenAt')
      .orderBy('id')
      .limit(PAGE_SIZE)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(toEvidence);
    after = rows.at(-1)!;
  }
}

/** Each section's records, page by page, as the export writes them. */
export function sectionPages(db: Db, name: SectionName): AsyncGenerator<unknown[]> {
  switch (name) {
    case 'people':
      return numberedPages(db, 'people', toPerson);
    case 'tickets':
      return numberedPages(db, 'tickets', toTicket);
    case 'timeline':
      return numberedPages(db, 'timeline', toTimelineEntry);
    case 'evidence':
      return evidencePages(db);
    case 'vendorCases':
      return numberedPages(db, 'vendorCases', toVendorCase);
    case 'visits':
      return numberedPages(db, 'visits', toVisit);
    case 'orders':
      return numberedPages(db, 'orders', toOrder);
  }
}

export async function countRecords(db: Db): Promise<number> {
  const counts = await Promise.all(
    SECTION_NAMES.map((name) =>
      db
        .selectFrom(name)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  return counts.reduce((sum, { n }) => sum + Number(n), 0);
}

export const sectionSchemas = {
  people: ExportDocumentSchema.shape.people.element,
  tickets: ExportDocumentSchema.shape.tickets.element,
  timeline: ExportDocumentSchema.shape.timeline.element,
  evidence: ExportDocumentSchema.shape.evidence.element,
  vendorCases: ExportDocumentSchema.shape.vendorCases.element,
  visits: ExportDocumentSchema.shape.visits.element,
  orders: ExportDocumentSchema.shape.orders.element,
} satisfies { [S in SectionName]: z.ZodType<SectionRecord<S>> };

/** A record as its table's row (JSON columns as text, search helpers filled in). */
export function toRow(name: SectionName, record: unknown): object {
  switch (name) {
    case 'people': {
      const p = record as SectionRecord<'people'>;
      return { ...p, machines: JSON.stringify(p.machines), searchText: personSearchText(p) };
    }
    case 'tickets': {
      const t = record as SectionRecord<'tickets'>;
      return {
        ...t,
        isOpen: OPEN_STATUSES.includes(t.status) ? 1 : 0,
        serviceCentre: t.serviceCentre === null ? null : JSON.stringify(t.serviceCentre),
      };
    }
    case 'timeline': {
      const e = record as SectionRecord<'timeline'>;
      return { ...e, data: JSON.stringify(e.data) };
    }
    case 'evidence': {
      const e = record as SectionRecord<'evidence'>;
      // An e-mail's attachment names no machine: its columns hold the sender and the way it came.
      const machine =
        e.kind === 'mail-attachment'
          ? { machineId: '', machineName: e.content.from, transport: 'email' }
          : {};
      return { ...e, ...machine, content: canonicalJson(e.content) };
    }
    case 'visits': {
      const v = record as SectionRecord<'visits'>;
      return { ...v, checklist: JSON.stringify(v.checklist) };
    }
    case 'vendorCases':
    case 'orders':
      return record as object;
  }
}

/** Evidence whose content no longer matches its hash was altered after it was taken. */
export const evidenceIntact = (e: SectionRecord<'evidence'>) =>
  sha256Hex(canonicalJson(e.content)) === e.sha256;
