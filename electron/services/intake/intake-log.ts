import { DesksideError, IntakeEntryDataSchema, type IntakeRecord } from '@deskside/core';
import type { Db } from '../database/open';

/** A call's intake as its ticket's timeline recorded it. */
export interface IntakeLog {
  scriptId: string;
  scriptVersion: number;
  machineId: string | null;
  /** Every step taken, in the order taken. */
  records: IntakeRecord[];
}

/** Timeline data is JSON text on SQLite and may come back parsed on PostgreSQL. */
const parsed = (data: unknown): unknown => (typeof data === 'string' ? JSON.parse(data) : data);

/** Reads a ticket's intake from its call entries (the timeline is append-only). */
export async function readIntakeLog(db: Db, ticketId: number): Promise<IntakeLog> {
  const rows = await db
    .selectFrom('timeline')
    .select('data')
    .where('ticketId', '=', ticketId)
    .where('kind', '=', 'call')
    .orderBy('id')
    .execute();
  const entries = rows.flatMap((row) => {
    const entry = IntakeEntryDataSchema.safeParse(parsed(row.data));
    return entry.success ? [entry.data.intake] : [];
  });
  const start = entries.find((entry) => entry.started !== undefined);
  if (!start?.started) {
    throw new DesksideError('not_found', `Ticket ${ticketId} was not taken through call intake`);
  }
  return {
    scriptId: start.scriptId,
    scriptVersion: start.scriptVersion,
    machineId: start.started.machineId,
    records: entries.flatMap((entry) =>
      entry.record !== undefined && entry.scriptId === start.scriptId ? [entry.record] : [],
    ),
  };
}
