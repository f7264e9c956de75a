import {
  DesksideError,
  type Baseline,
  type BaselineList,
  type BaselineScope,
  type ClearBaselineInput,
  type MachineBaseline,
  type MachineBaselines,
  type MachineModel,
  type ModelBaseline,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Publish, Store } from '../database/store';
import type { InventoryHistoryService, SnapshotRow } from './inventory-history';
import { latestSnapshot, modelName, modelOf, snapshotRow, summaryOf } from './kept-snapshots';

/**
 * Baselines to compare a machine with (migration 0011): its own "last known good" kept
 * inventory, and the "golden" one of its model. On a desk with roles the database lets every
 * analyst set a machine's, and only leads and administrators a model's (desk/desk-roles.ts).
 */
export class InventoryBaselines {
  constructor(
    private readonly db: Db,
    private readonly history: InventoryHistoryService,
    private readonly analyst: string,
    private readonly now: () => Date = () => new Date(),
    /**
     * How a baseline is written: the store's `write`, which announces `baselines.changed` to
     * every console once it commits. Without one, written as it is and announced to nobody.
     */
    private readonly write: Store['write'] = (work) => work(db, () => undefined),
  ) {}

  private announce(publish: Publish, at: string): void {
    publish({ type: 'baselines.changed', ticketId: null, at });
  }

  /** The model a kept inventory names, reading its system section alone. */
  private async modelOfRow(row: SnapshotRow): Promise<MachineModel | null> {
    const sections = JSON.parse(row.sections) as Record<string, string>;
    const system = sections.system === undefined ? {} : { system: sections.system };
    const [document] = await this.history.documents([
      { ...row, sections: JSON.stringify(system), volatile: '{}' },
    ]);
    return document ? modelOf(document) : null;
  }

  /**
   * The kept inventory a machine's baseline names: its own, or its model's (the model its
   * latest kept inventory, `latest`, names).
   */
  async snapshotIdFor(
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
    const model = await this.modelOfRow(latest);
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
        `There is no baseline for the model ${modelName(model)}`,
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
      snapshot: summaryOf(await snapshotRow(this.db, row.snapshotId)),
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
      snapshot: summaryOf(await snapshotRow(this.db, row.snapshotId)),
      setBy: row.setBy,
      setAt: row.setAt,
    };
  }

  /** The machine's own baseline, and its model's (the model per its latest kept inventory). */
  async baselines(machineId: string): Promise<MachineBaselines> {
    const latest = await latestSnapshot(this.db, machineId);
    const model = latest ? await this.modelOfRow(latest) : null;
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
    const row = await snapshotRow(this.db, snapshotId);
    const setAt = this.now().toISOString();
    if (scope === 'machine') {
      await this.write(async (trx, publish) => {
        await trx
          .insertInto('machineBaselines')
          .values({ machineId: row.machineId, snapshotId, setBy: this.analyst, setAt })
          .onConflict((c) =>
            c.column('machineId').doUpdateSet({ snapshotId, setBy: this.analyst, setAt }),
          )
          .execute();
        this.announce(publish, setAt);
      });
      return (await this.machineBaseline(row.machineId)) as MachineBaseline;
    }
    const model = await this.modelOfRow(row);
    if (!model) {
      throw new DesksideError(
        'validation',
        'This inventory names no model (system manufacturer and model), so it cannot be a model baseline',
      );
    }
    await this.write(async (trx, publish) => {
      await trx
        .insertInto('modelBaselines')
        .values({ ...model, snapshotId, setBy: this.analyst, setAt })
        .onConflict((c) =>
          c
            .columns(['manufacturer', 'model'])
            .doUpdateSet({ snapshotId, setBy: this.analyst, setAt }),
        )
        .execute();
      this.announce(publish, setAt);
    });
    return (await this.modelBaseline(model)) as ModelBaseline;
  }

  /** Removes a machine's or a model's baseline; answers what it was (null: there was none). */
  async clearBaseline(input: ClearBaselineInput): Promise<{ cleared: Baseline | null }> {
    if (input.scope === 'machine') {
      const cleared = await this.machineBaseline(input.id);
      await this.write(async (trx, publish) => {
        await trx.deleteFrom('machineBaselines').where('machineId', '=', input.id).execute();
        this.announce(publish, this.now().toISOString());
      });
      return { cleared };
    }
    const model = { manufacturer: input.manufacturer, model: input.model };
    const cleared = await this.modelBaseline(model);
    await this.write(async (trx, publish) => {
      await trx
        .deleteFrom('modelBaselines')
        .where('manufacturer', '=', model.manufacturer)
        .where('model', '=', model.model)
        .execute();
      this.announce(publish, this.now().toISOString());
    });
    return { cleared };
  }
}
