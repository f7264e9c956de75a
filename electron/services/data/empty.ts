import { DesksideError } from '@deskside/core';
import type { Db } from '../database/open';

/** Imports and seeding fill only a database without tickets or people. */
export async function assertEmptyDatabase(db: Db, message: string): Promise<void> {
  const [ticket, person] = await Promise.all([
    db.selectFrom('tickets').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('people').select('id').limit(1).executeTakeFirst(),
  ]);
  if (ticket || person) {
    throw new DesksideError('conflict', message);
  }
}
