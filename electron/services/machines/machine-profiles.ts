/**
 * `machine_profiles` and `machine_software` (migration 0010): what each machine is and holds
 * per its newest inventory snapshot, in columns reports group by. Written in the transaction
 * that stores the snapshot; the snapshots stay the record.
 */
import { sql, type Insertable, type Transaction } from 'kysely';
import { inventoryProfile, type Inventory, type ProfileProgram } from '@deskside/core';
import { chunksFor } from '../database/insert-chunks';
import type { DatabaseSchema } from '../database/schema';

export interface ProfileSource {
  machineId: string;
  snapshotId: number;
  takenAt: string;
  inventory: Inventory;
}

const pairKey = (p: ProfileProgram) => JSON.stringify([p.name, p.version]);

/** The profile row of `source`, and its (name, version) pairs (null: no software section). */
export function profileRows(source: ProfileSource): {
  row: Insertable<DatabaseSchema['machineProfiles']>;
  software: ProfileProgram[] | null;
} {
  const { profile, software } = inventoryProfile(source.inventory);
  const { machineId, snapshotId, takenAt } = source;
  return { row: { machineId, snapshotId, takenAt, ...profile }, software };
}

/**
 * Makes `source` the machine's profile unless the profile already comes from a newer
 * snapshot (later `takenAt`, or as late and recorded after): an inventory arriving late
 * changes nothing. Answers whether it did.
 *
 * The profile row is written first: on PostgreSQL its upsert locks the machine's row, so a
 * second console recording for the same machine waits here until the first has committed,
 * then rereads the software rows below and writes only the difference from what is there.
 */
export async function writeMachineProfile(
  trx: Transaction<DatabaseSchema>,
  source: ProfileSource,
): Promise<boolean> {
  const { row, software } = profileRows(source);
  const written = await trx
    .insertInto('machineProfiles')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .column('machineId')
        .doUpdateSet({
          snapshotId: (eb) => eb.ref('excluded.snapshotId'),
          takenAt: (eb) => eb.ref('excluded.takenAt'),
          manufacturer: (eb) => eb.ref('excluded.manufacturer'),
          model: (eb) => eb.ref('excluded.model'),
          osPlatform: (eb) => eb.ref('excluded.osPlatform'),
          osDistro: (eb) => eb.ref('excluded.osDistro'),
          osRelease: (eb) => eb.ref('excluded.osRelease'),
          osBuild: (eb) => eb.ref('excluded.osBuild'),
        })
        .where(
          sql<boolean>`(machine_profiles.taken_at, machine_profiles.snapshot_id) < (excluded.taken_at, excluded.snapshot_id)`,
        ),
    )
    .returning('machineId')
    .executeTakeFirst();
  if (!written) return false;
  // No software section: what is installed is unknown, so the rows of the last known list stay.
  if (software !== null) await replaceSoftware(trx, source.machineId, software);
  return true;
}

/** Deletes the pairs no longer installed and inserts the new ones; nothing when none changed. */
async function replaceSoftware(
  trx: Transaction<DatabaseSchema>,
  machineId: string,
  software: ProfileProgram[],
): Promise<void> {
  const stored = await trx
    .selectFrom('machineSoftware')
    .select(['name', 'version'])
    .where('machineId', '=', machineId)
    .execute();
  const wanted = new Map(software.map((p) => [pairKey(p), p]));
  const have = new Set(stored.map(pairKey));
  const gone = stored.filter((p) => !wanted.has(pairKey(p)));
  const added = software.filter((p) => !have.has(pairKey(p)));
  for (const part of chunksOf(gone, 200)) {
    await trx
      .deleteFrom('machineSoftware')
      .where('machineId', '=', machineId)
      .where((eb) =>
        eb.or(part.map((p) => eb.and([eb('name', '=', p.name), eb('version', '=', p.version)]))),
      )
      .execute();
  }
  for (const part of chunksFor(added.map((p) => ({ machineId, ...p })))) {
    await trx.insertInto('machineSoftware').values(part).execute();
  }
}

function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
