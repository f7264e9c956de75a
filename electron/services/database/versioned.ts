/**
 * Optimistic concurrency, the one way every versioned record is edited: an edit names the
 * version the analyst opened; the update applies only at that version and bumps it, in one
 * statement, so two consoles can never both write from the same version (PostgreSQL re-checks
 * the condition after waiting for the row's lock). A stale edit is refused, never merged, with
 * one error: `stale_version`, saying who changed the record when, and what to do.
 */
import { sql, type Selectable, type Updateable } from 'kysely';
import { DesksideError } from '@deskside/core';
import type { Db } from './open';
import type { DatabaseSchema } from './schema';

export type VersionedTable =
  'tickets' | 'people' | 'kbArticles' | 'vendorCases' | 'visits' | 'orders' | 'savedReports';

/** The record an edit is about, and the version the analyst opened. */
export interface VersionedEdit {
  id: number;
  expectedVersion: number;
}

interface Kind {
  /** How the analyst calls one, e.g. "Vendor case". */
  what: string;
  missing: string;
  /** The record's own columns saying who changed it last and when (a ticket: its timeline). */
  changeColumns: readonly ('updatedBy' | 'updatedAt')[];
}

const KINDS: Record<VersionedTable, Kind> = {
  tickets: { what: 'Ticket', missing: 'does not exist', changeColumns: [] },
  people: { what: 'Person', missing: 'is not in the directory', changeColumns: ['updatedAt'] },
  kbArticles: {
    what: 'Article',
    missing: 'is not in the knowledge base',
    changeColumns: ['updatedBy', 'updatedAt'],
  },
  vendorCases: { what: 'Vendor case', missing: 'does not exist', changeColumns: ['updatedAt'] },
  visits: { what: 'Visit', missing: 'does not exist', changeColumns: [] },
  orders: { what: 'Order', missing: 'does not exist', changeColumns: ['updatedAt'] },
  savedReports: { what: 'Saved report', missing: 'does not exist', changeColumns: ['updatedAt'] },
};

/** Who changed the record last and when, as far as the database knows. */
async function lastChange(
  db: Db,
  table: VersionedTable,
  id: number,
): Promise<{ by?: string | null; at?: string | null }> {
  if (table === 'tickets') {
    // Every change of a ticket appends to its timeline, under the analyst's name.
    const entry = await db
      .selectFrom('timeline')
      .select(['author', 'at'])
      .where('ticketId', '=', id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { by: entry?.author, at: entry?.at };
  }
  const columns = KINDS[table].changeColumns;
  if (columns.length === 0) return {};
  // Only the columns the table has are read; the builder cannot follow a union of tables.
  const row = await db
    .selectFrom(table as 'kbArticles')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return { by: row?.updatedBy, at: row?.updatedAt };
}

export const notFound = (table: VersionedTable, id: number) =>
  new DesksideError('not_found', `${KINDS[table].what} ${id} ${KINDS[table].missing}`);

/** Why an edit from `expected` cannot be applied: the record moved on, or is gone. */
export async function staleVersion(
  db: Db,
  table: VersionedTable,
  edit: VersionedEdit,
): Promise<DesksideError> {
  const current = await db
    .selectFrom(table as 'people')
    .select('version')
    .where('id', '=', edit.id)
    .executeTakeFirst();
  if (!current) return notFound(table, edit.id);
  const { by, at } = await lastChange(db, table, edit.id);
  return new DesksideError(
    'stale_version',
    `${KINDS[table].what} ${edit.id} was changed by ${by ?? 'someone else'}${at ? ` at ${at}` : ''} after you opened it (you have version ${edit.expectedVersion}, it is now at version ${current.version}). Reload it to see that change, then make yours again.`,
  );
}

/** Refuses early an edit of a record already read at another version than the one opened. */
export async function checkVersion(
  db: Db,
  table: VersionedTable,
  edit: VersionedEdit,
  current: number,
): Promise<void> {
  if (current !== edit.expectedVersion) throw await staleVersion(db, table, edit);
}

/**
 * Applies `set` to the record if it is still at the version the analyst opened, bumping the
 * version; refuses with `stale_version` (or `not_found`) otherwise. Run it in the edit's
 * transaction, before anything else the edit writes.
 */
export async function updateAtVersion<T extends VersionedTable>(
  trx: Db,
  table: T,
  edit: VersionedEdit,
  set: Updateable<DatabaseSchema[T]>,
): Promise<Selectable<DatabaseSchema[T]>> {
  // Every versioned table has `id` and `version`; the builder cannot follow a union of
  // tables through one update, hence the casts.
  const updated = await trx
    .updateTable(table as 'people')
    .set({ ...(set as Updateable<DatabaseSchema['people']>), version: sql<number>`version + 1` })
    .where('id', '=', edit.id)
    .where('version', '=', edit.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw await staleVersion(trx, table, edit);
  return updated as Selectable<DatabaseSchema[T]>;
}
