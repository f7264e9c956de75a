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
      const merged = WorkflowConfigSchema.safeParse({ ...(await this.get(trx)), ...changes });
      if (!merged.success) throw validationError(merged.error, 'workflow settings');
      await this.put(trx, merged.data);
      return merged.data;
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
