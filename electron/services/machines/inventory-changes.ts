import {
  DesksideError,
  INVENTORY_DIFF_SECTIONS,
  diffInventories,
  toCurrentInventory,
  type Inventory,
  type InventoryComparison,
  type InventoryComparisonResult,
  type InventoryDiffSummary,
  type InventoryTimeline,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { InventoryBaselines } from './inventory-baselines';
import type { InventoryHistoryService, SnapshotRow } from './inventory-history';
import { latestSnapshot, selectSnapshots, snapshotRow, summaryOf } from './kept-snapshots';

const diffOf = (before: Inventory, after: Inventory) =>
  diffInventories(toCurrentInventory(before), toCurrentInventory(after));

/**
 * The counts of what changed from `before` to `after`, for the timeline: sections whose
 * stored hash is the same on both sides are not compared again (nothing in them changed),
 * except file systems, whose free space is kept beside the section and may have moved.
 */
function changeCounts(
  before: { row: SnapshotRow; document: Inventory },
  after: { row: SnapshotRow; document: Inventory },
): InventoryDiffSummary {
  const hashesBefore = JSON.parse(before.row.sections) as Record<string, string>;
  const hashesAfter = JSON.parse(after.row.sections) as Record<string, string>;
  const same = INVENTORY_DIFF_SECTIONS.filter(
    (name) =>
      name !== 'fileSystems' &&
      hashesBefore[name] !== undefined &&
      hashesBefore[name] === hashesAfter[name],
  );
  const skipped = new Set<string>(same);
  const without = (document: Inventory) =>
    Object.fromEntries(
      Object.entries(document).filter(([name]) => !skipped.has(name)),
    ) as Inventory;
  const { summary } = diffOf(without(before.document), without(after.document));
  for (const name of same) summary.sections[name] = 0;
  return summary;
}

/**
 * What changed on a machine over time, from its kept inventories (InventoryHistoryService):
 * a diff between two of them (or since a date, or against a baseline, InventoryBaselines),
 * and the timeline of what changed in each.
 */
export class InventoryChangesService {
  constructor(
    private readonly db: Db,
    private readonly history: InventoryHistoryService,
    private readonly baselines: InventoryBaselines,
  ) {}

  private snapshots() {
    return selectSnapshots(this.db);
  }

  private async snapshotOf(machineId: string, snapshotId: number): Promise<SnapshotRow> {
    const row = await this.snapshots().where('id', '=', snapshotId).executeTakeFirst();
    if (row?.machineId !== machineId) {
      throw new DesksideError(
        'not_found',
        `There is no inventory ${snapshotId} of this machine in its history`,
      );
    }
    return row;
  }

  private latest(machineId: string, atOrBefore?: string): Promise<SnapshotRow | null> {
    return latestSnapshot(this.db, machineId, atOrBefore);
  }

  private async latestOrFail(machineId: string): Promise<SnapshotRow> {
    const row = await this.latest(machineId);
    if (!row) {
      throw new DesksideError(
        'not_found',
        'No inventory of this machine has been kept yet: open its inventory first',
      );
    }
    return row;
  }

  private async compareRows(from: SnapshotRow, to: SnapshotRow) {
    const [before, after] = await this.history.documents([from, to]);
    return {
      from: summaryOf(from),
      to: summaryOf(to),
      diff: diffOf(before as Inventory, after as Inventory),
    };
  }

  /** Which two kept inventories `compare` names, earlier first. */
  private async pair(
    machineId: string,
    compare: InventoryComparison,
  ): Promise<[SnapshotRow, SnapshotRow]> {
    switch (compare.kind) {
      case 'snapshots':
        return [
          await this.snapshotOf(machineId, compare.from),
          await this.snapshotOf(machineId, compare.to),
        ];
      case 'since': {
        const now = await this.latestOrFail(machineId);
        const then = await this.latest(machineId, compare.since);
        if (!then) {
          throw new DesksideError(
            'not_found',
            `No inventory of this machine was kept at or before ${compare.since}`,
          );
        }
        return [then, now];
      }
      case 'baseline': {
        const now = await this.latestOrFail(machineId);
        const snapshotId = await this.baselines.snapshotIdFor(machineId, compare.scope, now);
        return [await snapshotRow(this.db, snapshotId), now];
      }
    }
  }

  /** What changed between the two kept inventories `compare` names. */
  async diff(machineId: string, compare: InventoryComparison): Promise<InventoryComparisonResult> {
    const [from, to] = await this.pair(machineId, compare);
    return this.compareRows(from, to);
  }

  /**
   * Kept inventories newest first, a page at a time, each with the counts of what changed
   * since the one kept before it (even when that one is outside the page or the range).
   */
  async timeline(
    machineId: string,
    page: { from?: string | undefined; to?: string | undefined; limit: number; offset: number },
  ): Promise<InventoryTimeline> {
    let query = this.snapshots().where('machineId', '=', machineId);
    if (page.from !== undefined) query = query.where('takenAt', '>=', page.from);
    if (page.to !== undefined) query = query.where('takenAt', '<', page.to);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .offset(page.offset)
      .execute();
    const hasMore = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    const oldest = shown.at(-1);
    let before: SnapshotRow | undefined = hasMore ? rows[page.limit] : undefined;
    if (oldest && !before) {
      before = await this.snapshots()
        .where('machineId', '=', machineId)
        .where('id', '<', oldest.id)
        .orderBy('id', 'desc')
        .executeTakeFirst();
    }
    const chain = before ? [...shown, before] : shown;
    const documents = await this.history.documents(chain);
    const at = (i: number) => {
      const row = chain[i];
      const document = documents[i];
      return row && document ? { row, document } : null;
    };
    return {
      entries: shown.map((row, i) => {
        const [current, previous] = [at(i), at(i + 1)];
        return {
          snapshot: summaryOf(row),
          changes: current && previous ? changeCounts(previous, current) : null,
        };
      }),
      hasMore,
    };
  }
}
