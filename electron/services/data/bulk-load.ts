/**
 * Loading many prepared records fast (seed data, benchmarks): people, machines and their
 * inventory history in multi-row inserts, tickets through the one path every new ticket
 * takes, one transaction per batch; then identities advanced and statistics refreshed. The
 * records carry their own ids.
 */
import { sql, type Insertable } from 'kysely';
import type { Inventory } from '@deskside/core';
import { advanceIdentity } from '../database/dialect';
import { chunksFor } from '../database/insert-chunks';
import type { Db } from '../database/open';
import type { DatabaseSchema, EvidenceTable, MachinesTable, PeopleTable } from '../database/schema';
import type { Store } from '../database/store';
import { sectionRow, snapshotRow, splitInventory } from '../machines/inventory-history';
import { profileRows } from '../machines/machine-profiles';
import { insertTickets, type TicketToInsert } from '../tickets/new-tickets';
import { WorkflowConfigService } from '../workflow/config-service';
import { assertEmptyDatabase } from './empty';

/** A machine with its inventory history, oldest snapshot first; the last is its profile. */
export interface LoadMachine {
  row: Insertable<MachinesTable> & { id: string };
  snapshots: readonly { id: number; takenAt: string; inventory: Inventory }[];
}

export interface LoadBatch {
  people: (Insertable<PeopleTable> & { id: number })[];
  /** Loaded before the tickets, which may name them. */
  machines?: LoadMachine[];
  tickets: (TicketToInsert & { ticket: { id: number } })[];
  /** Evidence on this batch's tickets. */
  evidence?: EvidenceTable[];
}

export function assertEmpty(store: Store): Promise<void> {
  return assertEmptyDatabase(
    store.db,
    'This database already has tickets or people; seed an empty one',
  );
}

async function insertAll<T extends keyof DatabaseSchema>(
  trx: Db,
  table: T,
  rows: Insertable<DatabaseSchema[T]>[],
): Promise<void> {
  for (const chunk of chunksFor(rows)) await trx.insertInto(table).values(chunk).execute();
}

/**
 * Machines, their snapshots stored as `InventoryHistoryService.record` stores them (each
 * section once, whatever the number of snapshots holding it) and the profile of each
 * machine's newest snapshot. The snapshots are taken to be new: none equals an earlier one.
 */
async function loadMachines(trx: Db, machines: readonly LoadMachine[]): Promise<void> {
  const sections = new Map<string, Insertable<DatabaseSchema['inventorySections']>>();
  const snapshots: Insertable<DatabaseSchema['inventorySnapshots']>[] = [];
  const profiles: Insertable<DatabaseSchema['machineProfiles']>[] = [];
  const software: Insertable<DatabaseSchema['machineSoftware']>[] = [];
  for (const { row, snapshots: history } of machines) {
    for (const { id, takenAt, inventory } of history) {
      const split = splitInventory(inventory);
      for (const { hash, json } of split.sections.values()) {
        if (!sections.has(hash)) sections.set(hash, sectionRow(hash, json));
      }
      snapshots.push({
        id,
        ...snapshotRow(split, { machineId: row.id, takenAt, source: 'agent', takenBy: 'seed' }),
      });
    }
    const newest = history.reduce<LoadMachine['snapshots'][number] | undefined>(
      (best, s) =>
        !best || s.takenAt > best.takenAt || (s.takenAt === best.takenAt && s.id > best.id)
          ? s
          : best,
      undefined,
    );
    if (!newest) continue;
    const profile = profileRows({ machineId: row.id, snapshotId: newest.id, ...newest });
    profiles.push(profile.row);
    for (const p of profile.software ?? []) software.push({ machineId: row.id, ...p });
  }
  await insertAll(
    trx,
    'machines',
    machines.map((m) => m.row),
  );
  for (const chunk of chunksFor([...sections.values()])) {
    await trx
      .insertInto('inventorySections')
      .values(chunk)
      .onConflict((conflict) => conflict.column('hash').doNothing())
      .execute();
  }
  await insertAll(trx, 'inventorySnapshots', snapshots);
  await insertAll(trx, 'machineProfiles', profiles);
  await insertAll(trx, 'machineSoftware', software);
}

/** Writes one batch; `now` is when the tickets' SLA clocks are read. */
export async function loadBatch(store: Store, batch: LoadBatch, now: string): Promise<void> {
  const config = new WorkflowConfigService(store);
  await store.write(async (trx) => {
    await insertAll(trx, 'people', batch.people);
    await loadMachines(trx, batch.machines ?? []);
    await insertTickets(trx, store.dialect, await config.get(trx), batch.tickets, now);
    await insertAll(trx, 'evidence', batch.evidence ?? []);
  });
}

export async function finishLoad(store: Store): Promise<void> {
  for (const table of ['people', 'tickets', 'timeline', 'inventory_snapshots'])
    await advanceIdentity(store.db, store.dialect, table);
  await sql`ANALYZE`.execute(store.db);
}
