import {
  DesksideError,
  INVENTORY_DIFF_SECTIONS,
  SnapshotSummarySchema,
  diffInventories,
  toCurrentInventory,
  type Baseline,
  type BaselineList,
  type BaselineScope,
  type ClearBaselineInput,
  type Inventory,
  type InventoryComparison,
  type InventoryComparisonResult,
  type InventoryDiffSummary,
  type InventoryTimeline,
  type MachineBaseline,
  type MachineBaselines,
  type MachineModel,
  type ModelBaseline,
  type SnapshotSummary,
} from '@deskside/core';
import type { Db } from '../database/open';
import { toSummary, type InventoryHistoryService, type SnapshotRow } from './inventory-history';

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

const summaryOf = (row: SnapshotRow): SnapshotSummary =>
  SnapshotSummarySchema.parse(toSummary(row));

/** The model an inventory names (system manufacturer and model), if it names one. */
export function modelOf(inventory: Inventory): MachineModel | null {
  const system = toCurrentInventory(inventory).system;
  const model = system?.model.trim() ?? '';
  if (model === '') return null;
  return { manufacturer: system?.manufacturer.trim() ?? '', model };
}

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
 * a diff between two of them, the timeline of what changed in each, and baselines, a
 * machine's last known good inventory and a model's golden one (migration 0011). On a desk
 * with roles the database decides who sets a model's baseline (desk/desk-roles.ts).
 */
export class InventoryChangesService {
  constructor(
    private readonly db: Db,
    private readonly history: InventoryHistoryService,
    private readonly analyst: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private snapshots() {
    return this.db.selectFrom('inventorySnapshots').select(SNAPSHOT_COLUMNS);
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

  private async latest(machineId: string, atOrBefore?: string): Promise<SnapshotRow | null> {
    let query = this.snapshots().where('machineId', '=', machineId);
    if (atOrBefore !== undefined) query = query.where('takenAt', '<=', atOrBefore);
    const row = await query.orderBy('takenAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return row ?? null;
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
        const snapshotId = await this.baselineSnapshotId(machineId, compare.scope, now);
        return [await this.snapshotRow(snapshotId), now];
      }
    }
  }

  private async snapshotRow(snapshotId: number): Promise<SnapshotRow> {
    const row = await this.snapshots().where('id', '=', snapshotId).executeTakeFirst();
    if (!row) throw new DesksideError('not_found', `There is no inventory snapshot ${snapshotId}`);
    return row;
  }

  private async baselineSnapshotId(
    machineId: string,
    scope: BaselineScope,
    latest: SnapshotRow,
  ): Promise<number> {
    if (scope === 'machine') {
      const row = await this.db
        .selectFrom('machineBaselines')
        .select('snapshotId')
        .where('machineId', '=', machineId)
        .executeTakeFirst();
      if (!row) {
        throw new DesksideError('not_found', 'This machine has no last known good baseline');
      }
      return row.snapshotId;
    }
    const [document] = await this.history.documents([latest]);
    const model = modelOf(document as Inventory);
    if (!model) {
      throw new DesksideError(
        'not_found',
        'The latest inventory of this machine names no model, so it has no model baseline',
      );
    }
    const row = await this.modelBaselineRow(model);
    if (!row) {
      throw new DesksideError(
        'not_found',
        `There is no baseline for the model ${[model.manufacturer, model.model].join(' ').trim()}`,
      );
    }
    return row.snapshotId;
  }

  private modelBaselineRow(model: MachineModel) {
    return this.db
      .selectFrom('modelBaselines')
      .selectAll()
      .where('manufacturer', '=', model.manufacturer)
      .where('model', '=', model.model)
      .executeTakeFirst();
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

  private async machineBaseline(machineId: string): Promise<MachineBaseline | null> {
    const row = await this.db
      .selectFrom('machineBaselines')
      .selectAll()
      .where('machineId', '=', machineId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      scope: 'machine',
      machineId: row.machineId,
      snapshot: summaryOf(await this.snapshotRow(row.snapshotId)),
      setBy: row.setBy,
      setAt: row.setAt,
    };
  }

  private async modelBaseline(model: MachineModel): Promise<ModelBaseline | null> {
    const row = await this.modelBaselineRow(model);
    if (!row) return null;
    return {
      scope: 'model',
      manufacturer: row.manufacturer,
      model: row.model,
      snapshot: summaryOf(await this.snapshotRow(row.snapshotId)),
      setBy: row.setBy,
      setAt: row.setAt,
    };
  }

  /** The machine's own baseline, and its model's (the model per its latest kept inventory). */
  async baselines(machineId: string): Promise<MachineBaselines> {
    const latest = await this.latest(machineId);
    const model = latest ? modelOf((await this.history.documents([latest]))[0] as Inventory) : null;
    return {
      machine: await this.machineBaseline(machineId),
      model,
      modelBaseline: model ? await this.modelBaseline(model) : null,
    };
  }

  /** Every baseline the desk has set, at most 1,000 of each. */
  async listBaselines(): Promise<BaselineList> {
    const machines = await this.db
      .selectFrom('machineBaselines')
      .select('machineId')
      .orderBy('machineId')
      .limit(1000)
      .execute();
    const models = await this.db
      .selectFrom('modelBaselines')
      .select(['manufacturer', 'model'])
      .orderBy('manufacturer')
      .orderBy('model')
      .limit(1000)
      .execute();
    const found = <T>(value: T | null): value is T => value !== null;
    return {
      machines: (await Promise.all(machines.map((m) => this.machineBaseline(m.machineId)))).filter(
        found,
      ),
      models: (await Promise.all(models.map((m) => this.modelBaseline(m)))).filter(found),
    };
  }

  /**
   * Makes kept inventory `snapshotId` the baseline of its machine, or of the model it names.
   * On a desk with roles the database refuses a model's baseline to anyone but a lead or an
   * administrator.
   */
  async setBaseline(scope: BaselineScope, snapshotId: number): Promise<Baseline> {
    const row = await this.snapshotRow(snapshotId);
    const setAt = this.now().toISOString();
    if (scope === 'machine') {
      await this.db
        .insertInto('machineBaselines')
        .values({ machineId: row.machineId, snapshotId, setBy: this.analyst, setAt })
        .onConflict((c) =>
          c.column('machineId').doUpdateSet({ snapshotId, setBy: this.analyst, setAt }),
        )
        .execute();
      return (await this.machineBaseline(row.machineId)) as MachineBaseline;
    }
    const [document] = await this.history.documents([row]);
    const model = modelOf(document as Inventory);
    if (!model) {
      throw new DesksideError(
        'validation',
        'This inventory names no model (system manufacturer and model), so it cannot be a model baseline',
      );
    }
    await this.db
      .insertInto('modelBaselines')
      .values({ ...model, snapshotId, setBy: this.analyst, setAt })
      .onConflict((c) =>
        c
          .columns(['manufacturer', 'model'])
          .doUpdateSet({ snapshotId, setBy: this.analyst, setAt }),
      )
      .execute();
    return (await this.modelBaseline(model)) as ModelBaseline;
  }

  /** Removes a machine's or a model's baseline; answers what it was (null: there was none). */
  async clearBaseline(input: ClearBaselineInput): Promise<{ cleared: Baseline | null }> {
    if (input.scope === 'machine') {
      const cleared = await this.machineBaseline(input.id);
      await this.db.deleteFrom('machineBaselines').where('machineId', '=', input.id).execute();
      return { cleared };
    }
    const model = { manufacturer: input.manufacturer, model: input.model };
    const cleared = await this.modelBaseline(model);
    await this.db
      .deleteFrom('modelBaselines')
      .where('manufacturer', '=', model.manufacturer)
      .where('model', '=', model.model)
      .execute();
    return { cleared };
  }
}
