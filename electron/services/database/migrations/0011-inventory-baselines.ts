import type { Kysely, Migration } from 'kysely';

/**
 * Baselines to compare a machine's inventory with (machines/inventory-changes.ts):
 * `machine_baselines`, a machine's "last known good" kept inventory (one per machine), and
 * `model_baselines`, the "golden" kept inventory of a model (system manufacturer and model
 * as inventories name them; `manufacturer` is '' when unknown). Both name a snapshot of
 * `inventory_snapshots` (migration 0009), which is never deleted. On a desk with roles every
 * analyst may set a machine's baseline, and only leads and administrators a model's
 * (the grants in desk/desk-roles.ts).
 */
export function inventoryBaselines(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('machine_baselines')
        .addColumn('machine_id', 'text', (c) => c.primaryKey())
        .addColumn('snapshot_id', 'integer', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('model_baselines')
        .addColumn('manufacturer', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('snapshot_id', 'integer', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('model_baselines_pk', ['manufacturer', 'model'])
        .execute();
    },
  };
}
