import {
  DesksideError,
  SnapshotSummarySchema,
  type Inventory,
  type MachineModel,
  type SnapshotSummary,
} from '@deskside/core';
import type { Db } from '../database/open';
import { toSummary, type SnapshotRow } from './inventory-history';

/** What InventoryHistoryService.documents needs of a kept inventory's row. */
const SNAPSHOT_COLUMNS = [
  'id',
  'machineId',
  'takenAt',
  'source',
  'takenBy',
  'head',
  'sections',
  'volatile',
] as const;

export const selectSnapshots = (db: Db) =>
  db.selectFrom('inventorySnapshots').select(SNAPSHOT_COLUMNS);

export const summaryOf = (row: SnapshotRow): SnapshotSummary =>
  SnapshotSummarySchema.parse(toSummary(row));

export async function snapshotRow(db: Db, snapshotId: number): Promise<SnapshotRow> {
  const row = await selectSnapshots(db).where('id', '=', snapshotId).executeTakeFirst();
  if (!row) throw new DesksideError('not_found', `There is no inventory snapshot ${snapshotId}`);
  return row;
}

/** The machine's latest kept inventory, or the latest kept at or before `atOrBefore`. */
export async function latestSnapshot(
  db: Db,
  machineId: string,
  atOrBefore?: string,
): Promise<SnapshotRow | null> {
  let query = selectSnapshots(db).where('machineId', '=', machineId);
  if (atOrBefore !== undefined) query = query.where('takenAt', '<=', atOrBefore);
  const row = await query.orderBy('takenAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row ?? null;
}

/**
 * The model an inventory names (system manufacturer and model), if it names one. Every
 * schema version has them in `system`; the rest of the document is not needed.
 */
export function modelOf(inventory: Pick<Inventory, 'system'>): MachineModel | null {
  const system = inventory.system;
  const model = system?.model.trim() ?? '';
  if (model === '') return null;
  return { manufacturer: system?.manufacturer.trim() ?? '', model };
}

export const modelName = (model: MachineModel) =>
  [model.manufacturer, model.model].join(' ').trim();
