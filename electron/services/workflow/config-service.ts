import {
  DEFAULT_WORKFLOW_CONFIG,
  DesksideError,
  WorkflowConfigSchema,
  validationError,
  type WorkflowConfig,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Store } from '../database/store';

const KEY = 'workflow';

/** A group that tickets are assigned to stays until they are moved elsewhere. */
async function refuseRemovingUsedGroups(
  db: Db,
  before: WorkflowConfig,
  after: WorkflowConfig,
): Promise<void> {
  const kept = new Set(after.groups.map((group) => group.id));
  for (const group of before.groups.filter((g) => !kept.has(g.id))) {
    const { n } = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('groupId', '=', group.id)
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) {
      const message = `“${group.name}” has ${n} tickets; assign them to another group before removing it`;
      throw new DesksideError('conflict', message, [{ path: 'groups', message }]);
    }
  }
}

/** The desk's rules (categories, priority matrix, groups, SLA, closure), kept in the database. */
export class WorkflowConfigService {
  constructor(private readonly store: Store) {}

  /** Read inside a write's transaction so a rule and the change it governs agree. */
  async get(db: Db = this.store.db): Promise<WorkflowConfig> {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', KEY)
      .executeTakeFirst();
    if (!row) return DEFAULT_WORKFLOW_CONFIG;
    const parsed = WorkflowConfigSchema.safeParse(JSON.parse(row.value));
    if (!parsed.success) {
      throw new DesksideError(
        'internal',
        'The stored workflow settings are damaged; set them again',
      );
    }
    return parsed.data;
  }

  async configure(changes: Partial<WorkflowConfig>): Promise<WorkflowConfig> {
    return this.store.write(async (trx) => {
      const current = await this.get(trx);
      const merged = WorkflowConfigSchema.safeParse({ ...current, ...changes });
      if (!merged.success) throw validationError(merged.error, 'workflow settings');
      await refuseRemovingUsedGroups(trx, current, merged.data);
      await this.put(trx, merged.data);
      return merged.data;
    });
  }

  /** Makes `analyst` a member of exactly these groups, leaving everyone else's membership. */
  async setMembership(analyst: string, groupIds: readonly string[]): Promise<WorkflowConfig> {
    return this.store.write(async (trx) => {
      const config = await this.get(trx);
      groupIds.forEach((id, index) => {
        if (!config.groups.some((group) => group.id === id)) {
          const message = `There is no group “${id}”`;
          throw new DesksideError('validation', `Invalid profile: groups.${index}: ${message}`, [
            { path: `groups.${index}`, message },
          ]);
        }
      });
      const groups = config.groups.map((group) => {
        const others = group.members.filter((member) => member !== analyst);
        return { ...group, members: groupIds.includes(group.id) ? [...others, analyst] : others };
      });
      const next = { ...config, groups };
      await this.put(trx, next);
      return next;
    });
  }

  async put(trx: Db, config: WorkflowConfig): Promise<void> {
    const value = JSON.stringify(config);
    await trx
      .insertInto('settings')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
