import type { Db } from '../database/open';
import { notFound } from '../database/versioned';

/** The ticket a vendor case, visit or order belongs to, or not_found. */
export async function ticketOfRecord(
  trx: Db,
  table: 'vendorCases' | 'visits' | 'orders',
  id: number,
): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select('ticketId')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(table, id);
  return row.ticketId;
}
