/**
 * Fleet presence kept in the desk's database (`fleet_presence`, migration 0013): each fleet
 * machine's latest heartbeat time, agent version and whether it was online, as the desk's
 * consoles saw it. A console's FleetLink reads it at start (so offline machines keep their
 * "last seen" across a restart) and writes what changed in batches; every console of the
 * desk reads the same rows. A write never moves a machine's last seen back: of two consoles,
 * the one that saw the later heartbeat wins.
 */
import type { FleetMachinePresence } from '@deskside/core';
import type { Db } from '../database/open';

/** What is kept of one machine. */
export interface StoredFleetPresence {
  machineId: string;
  online: boolean;
  /** ISO 8601 UTC. */
  lastSeenAt: string;
  agentVersion: string | null;
}

/** Rows per statement (five values each, well under SQLite's and PostgreSQL's limits). */
const ROWS_PER_STATEMENT = 500;

export async function loadFleetPresence(db: Db): Promise<StoredFleetPresence[]> {
  const rows = await db
    .selectFrom('fleetPresence')
    .select(['machineId', 'online', 'lastSeenAt', 'agentVersion'])
    .orderBy('machineId')
    .execute();
  return rows.map((row) => ({ ...row, online: row.online === 1 }));
}

/** Upserts `rows` in one transaction; a row older than the stored one leaves it as it is. */
export async function saveFleetPresence(
  db: Db,
  rows: readonly StoredFleetPresence[],
  now: Date = new Date(),
): Promise<void> {
  if (rows.length === 0) return;
  const updatedAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
      await trx
        .insertInto('fleetPresence')
        .values(
          rows.slice(at, at + ROWS_PER_STATEMENT).map((row) => ({
            machineId: row.machineId,
            online: row.online ? 1 : 0,
            lastSeenAt: row.lastSeenAt,
            agentVersion: row.agentVersion,
            updatedAt,
          })),
        )
        .onConflict((conflict) =>
          conflict
            .column('machineId')
            .doUpdateSet({
              online: (eb) => eb.ref('excluded.online'),
              lastSeenAt: (eb) => eb.ref('excluded.lastSeenAt'),
              agentVersion: (eb) =>
                eb.fn.coalesce('excluded.agentVersion', 'fleetPresence.agentVersion'),
              updatedAt: (eb) => eb.ref('excluded.updatedAt'),
            })
            .where((eb) => eb('fleetPresence.lastSeenAt', '<=', eb.ref('excluded.lastSeenAt'))),
        )
        .execute();
    }
  });
}

/**
 * How long a stored "online" is believed by a console that has no link of its own: a link
 * writes an online machine's last seen once a minute, and the presence TTL is 45 s.
 */
export const STORED_ONLINE_FRESH_MS = 2 * 60_000;

/** The stored rows as the API answers them (no heartbeat document: only its version is kept). */
export function storedAsPresence(
  rows: readonly StoredFleetPresence[],
  now: number = Date.now(),
): FleetMachinePresence[] {
  return rows.map((row) => ({
    machineId: row.machineId,
    online: row.online && now - Date.parse(row.lastSeenAt) < STORED_ONLINE_FRESH_MS,
    lastSeenAt: row.lastSeenAt,
    presence: null,
    agentVersion: row.agentVersion,
  }));
}
