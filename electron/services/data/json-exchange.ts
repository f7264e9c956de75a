/**
 * Export of everything the desk recorded as one JSON document, and its import into an
 * empty database: validated whole before anything is written, then written in one
 * transaction, so bad input changes nothing.
 */
import {
  DesksideError,
  EXPORT_FORMAT,
  ExportDocumentSchema,
  OPEN_STATUSES,
  canonicalJson,
  searchDocument,
  validationError,
  type ExportDocument,
} from '@deskside/core';
import { advanceIdentity } from '../database/dialect';
import type { Db } from '../database/open';
import { indexTicketText } from '../database/search-index';
import { toOrder } from '../outside-help/order-service';
import { toVendorCase } from '../outside-help/vendor-service';
import { toVisit } from '../outside-help/visit-service';
import { personSearchText, toPerson } from '../people/people-service';
import { toEvidence, toTicket, toTimelineEntry } from '../tickets/rows';
import { describedText, sha256Hex } from '../tickets/ticket-service';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { chunksFor } from './insert-chunks';

const TABLES = ['people', 'tickets', 'timeline', 'vendor_cases', 'visits', 'orders'] as const;

export async function exportDocument(deps: WorkflowDeps): Promise<ExportDocument> {
  const { db } = deps.store;
  const [people, tickets, timeline, evidence, vendorCases, visits, orders] = await Promise.all([
    db.selectFrom('people').selectAll().orderBy('id').execute(),
    db.selectFrom('tickets').selectAll().orderBy('id').execute(),
    db.selectFrom('timeline').selectAll().orderBy('id').execute(),
    db
      .selectFrom('evidence')
      .selectAll()
      .orderBy('ticketId')
      .orderBy('takenAt')
      .orderBy('id')
      .execute(),
    db.selectFrom('vendorCases').selectAll().orderBy('id').execute(),
    db.selectFrom('visits').selectAll().orderBy('id').execute(),
    db.selectFrom('orders').selectAll().orderBy('id').execute(),
  ]);
  return {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: deps.now().toISOString(),
    config: await deps.config.get(),
    people: people.map(toPerson),
    tickets: tickets.map(toTicket),
    timeline: timeline.map(toTimelineEntry),
    evidence: evidence.map(toEvidence),
    vendorCases: vendorCases.map(toVendorCase),
    visits: visits.map(toVisit),
    orders: orders.map(toOrder),
  };
}

const refuse = (path: string, message: string) =>
  new DesksideError('validation', `Invalid import: ${path}: ${message}`, [{ path, message }]);

/** Everything that schemas alone cannot see: references between records, evidence hashes. */
function checkReferences(doc: ExportDocument): void {
  const tickets = new Set(doc.tickets.map((t) => t.id));
  const people = new Set(doc.people.map((p) => p.id));
  doc.tickets.forEach((t, i) => {
    if (t.requesterId !== null && !people.has(t.requesterId)) {
      throw refuse(`tickets.${i}.requesterId`, `person ${t.requesterId} is not in the file`);
    }
  });
  const children = {
    timeline: doc.timeline,
    evidence: doc.evidence,
    vendorCases: doc.vendorCases,
    visits: doc.visits,
    orders: doc.orders,
  };
  for (const [name, rows] of Object.entries(children)) {
    rows.forEach((row, i) => {
      if (!tickets.has(row.ticketId))
        throw refuse(`${name}.${i}.ticketId`, `ticket ${row.ticketId} is not in the file`);
    });
  }
  doc.evidence.forEach((e, i) => {
    if (sha256Hex(canonicalJson(e.content)) !== e.sha256) {
      throw refuse(
        `evidence.${i}.sha256`,
        'does not match the evidence content (altered evidence is refused)',
      );
    }
  });
}

async function isEmpty(db: Db): Promise<boolean> {
  const [ticket, person] = await Promise.all([
    db.selectFrom('tickets').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('people').select('id').limit(1).executeTakeFirst(),
  ]);
  return !ticket && !person;
}

export async function importDocument(deps: WorkflowDeps, json: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new DesksideError(
      'validation',
      `The import is not valid JSON: ${(error as Error).message}`,
    );
  }
  const parsed = ExportDocumentSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'import');
  const doc = parsed.data;
  checkReferences(doc);
  const { dialect } = deps.store;
  const now = deps.now().toISOString();

  return deps.store.write(async (trx, publish) => {
    if (!(await isEmpty(trx))) {
      throw new DesksideError(
        'conflict',
        'Import a full export only into an empty database; this one already has tickets or people',
      );
    }
    await deps.config.put(trx, doc.config);
    const insert = async (
      table: 'people' | 'tickets' | 'timeline' | 'evidence' | 'vendorCases' | 'visits' | 'orders',
      rows: object[],
    ) => {
      // Each call passes exactly its table's columns (built below); the type system cannot
      // follow a union of tables through one insert, hence the cast.
      for (const chunk of chunksFor(rows))
        await trx
          .insertInto(table)
          .values(chunk as never)
          .execute();
    };
    await insert(
      'people',
      doc.people.map((p) => ({
        ...p,
        machines: JSON.stringify(p.machines),
        searchText: personSearchText(p),
      })),
    );
    await insert(
      'tickets',
      doc.tickets.map((t) => ({
        ...t,
        isOpen: OPEN_STATUSES.includes(t.status) ? 1 : 0,
        serviceCentre: t.serviceCentre === null ? null : JSON.stringify(t.serviceCentre),
      })),
    );
    await insert(
      'timeline',
      doc.timeline.map((e) => ({ ...e, data: JSON.stringify(e.data) })),
    );
    await insert(
      'evidence',
      doc.evidence.map((e) => ({ ...e, content: canonicalJson(e.content) })),
    );
    await insert('vendorCases', doc.vendorCases);
    await insert(
      'visits',
      doc.visits.map((v) => ({ ...v, checklist: JSON.stringify(v.checklist) })),
    );
    await insert('orders', doc.orders);
    const timelineText = new Map<number, string[]>();
    for (const entry of doc.timeline) {
      if (entry.body)
        timelineText.set(entry.ticketId, [...(timelineText.get(entry.ticketId) ?? []), entry.body]);
    }
    for (const t of doc.tickets) {
      const timeline = searchDocument(...(timelineText.get(t.id) ?? []));
      await indexTicketText(trx, dialect, t.id, t.summary, describedText(t), timeline);
    }
    for (const table of TABLES) await advanceIdentity(trx, dialect, table);
    publish({ type: 'data.imported', ticketId: null, at: now });
    return {
      tickets: doc.tickets.length,
      people: doc.people.length,
      timeline: doc.timeline.length,
    };
  });
}
