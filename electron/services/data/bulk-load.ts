/**
 * Loading many prepared records fast (seed data, benchmarks): people in multi-row inserts,
 * tickets through the one path every new ticket takes, one transaction per batch; then
 * identities advanced and statistics refreshed. The records carry their own ids.
 */
import { sql, type Insertable } from 'kysely';
import { advanceIdentity } from '../database/dialect';
import { chunksFor } from '../database/insert-chunks';
import type { PeopleTable } from '../database/schema';
import type { Store } from '../database/store';
import { insertTickets, type TicketToInsert } from '../tickets/new-tickets';
import { WorkflowConfigService } from '../workflow/config-service';
import { assertEmptyDatabase } from './empty';

export interface LoadBatch {
  people: (Insertable<PeopleTable> & { id: number })[];
  tickets: (TicketToInsert & { ticket: { id: number } })[];
}

export function assertEmpty(store: Store): Promise<void> {
  return assertEmptyDatabase(
    store.db,
    'This database already has tickets or people; seed an empty one',
  );
}

/** Writes one batch; `now` is when the tickets' SLA clocks are read. */
export async function loadBatch(store: Store, batch: LoadBatch, now: string): Promise<void> {
  const config = new WorkflowConfigService(store);
  await store.write(async (trx) => {
    for (const chunk of chunksFor(batch.people))
      await trx.insertInto('people').values(chunk).execute();
    await insertTickets(trx, store.dialect, await config.get(trx), batch.tickets, now);
  });
}

export async function finishLoad(store: Store): Promise<void> {
  for (const table of ['people', 'tickets', 'timeline'])
    await advanceIdentity(store.db, store.dialect, table);
  await sql`ANALYZE`.execute(store.db);
}
