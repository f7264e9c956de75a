import { DesksideError } from '@deskside/core';
import type { Db } from '../database/open';

type VersionedTable = 'vendorCases' | 'visits' | 'orders';

const WHAT: Record<VersionedTable, string> = {
  vendorCases: 'Vendor case',
  visits: 'Visit',
  orders: 'Order',
};

/** The ticket a record belongs to, or not_found. */
export async function ticketOfRecord(trx: Db, table: VersionedTable, id: number): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select('ticketId')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DesksideError('not_found', `${WHAT[table]} ${id} does not exist`);
  return row.ticketId;
}

/** Refuses an update that started from an older version of the record. */
export async function staleRecord(
  trx: Db,
  table: VersionedTable,
  id: number,
  expected: number,
): Promise<DesksideError> {
  const row = await trx.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (!row) return new DesksideError('not_found', `${WHAT[table]} ${id} does not exist`);
  return new DesksideError(
    'stale_version',
    `${WHAT[table]} ${id} was changed by someone else after you opened it (you have version ${expected}, it is now at version ${row.version}). Reload it, then make your change again.`,
  );
}
