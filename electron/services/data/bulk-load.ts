/**
 * Loading many prepared rows fast (seed data, benchmarks): multi-row inserts, one
 * transaction per batch, search documents built per batch; then identities advanced and
 * statistics refreshed. The rows carry their own ids.
 */
import { sql, type Insertable } from 'kysely';
import { DesksideError, searchDocument } from '@deskside/core';
import { advanceIdentity } from '../database/dialect';
import { indexTicketsBulk } from '../database/search-index';
import type { PeopleTable, TicketsTable, TimelineTable } from '../database/schema';
import type { Store } from '../database/store';
import { chunksFor } from './insert-chunks';

export interface LoadBatch {
  people: Insertable<PeopleTable>[];
  tickets: (Insertable<TicketsTable> & { id: number })[];
  timeline: Insertable<TimelineTable>[];
}

export async function assertEmpty(store: Store): Promise<void> {
  const [ticket, person] = await Promise.all([
    store.db.selectFrom('tickets').select('id').limit(1).executeTakeFirst(),
    store.db.selectFrom('people').select('id').limit(1).executeTakeFirst(),
  ]);
  if (ticket || person) {
    throw new DesksideError(
      'conflict',
      'This database already has tickets or people; seed an empty one',
    );
  }
}

export async function loadBatch(store: Store, batch: LoadBatch): Promise<void> {
  await store.write(async (trx) => {
    for (const chunk of chunksFor(batch.people))
      await trx.insertInto('people').values(chunk).execute();
    for (const chunk of chunksFor(batch.tickets))
      await trx.insertInto('tickets').values(chunk).execute();
    for (const chunk of chunksFor(batch.timeline))
      await trx.insertInto('timeline').values(chunk).execute();
    const text = new Map<number, string[]>();
    for (const entry of batch.timeline) {
      if (entry.body) text.set(entry.ticketId, [...(text.get(entry.ticketId) ?? []), entry.body]);
    }
    await indexTicketsBulk(
      trx,
      store.dialect,
      batch.tickets.map((t) => ({
        ticketId: t.id,
        subject: searchDocument(t.summary),
        description: searchDocument(t.description, t.errorMessages ?? '', t.stepsTried ?? ''),
        timeline: searchDocument(...(text.get(t.id) ?? [])),
      })),
    );
  });
}

export async function finishLoad(store: Store): Promise<void> {
  for (const table of ['people', 'tickets', 'timeline'])
    await advanceIdentity(store.db, store.dialect, table);
  await sql`ANALYZE`.execute(store.db);
}
