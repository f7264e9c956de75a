import type { Kysely, Migration } from 'kysely';

/**
 * What each machine is and holds now, in columns reports can group by: `machine_profiles`
 * (one row per machine: maker, model, OS) and `machine_software` (one row per installed
 * program and version). Both are derived from the machine's latest inventory snapshot
 * (migration 0009) and rewritten whenever a newer one is recorded; the snapshots stay the
 * record, these tables are an index over the latest of them.
 */
export function machineProfiles(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('machine_profiles')
        .addColumn('machine_id', 'text', (c) => c.primaryKey())
        .addColumn('snapshot_id', 'integer', (c) => c.notNull())
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('manufacturer', 'text')
        .addColumn('model', 'text')
        .addColumn('os_platform', 'text')
        .addColumn('os_distro', 'text')
        .addColumn('os_release', 'text')
        .addColumn('os_build', 'text')
        .execute();
      await db.schema
        .createTable('machine_software')
        .addColumn('machine_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('machine_software_pk', ['machine_id', 'name', 'version'])
        .execute();
      await db.schema
        .createIndex('machine_software_name')
        .on('machine_software')
        .columns(['name', 'version'])
        .execute();
    },
  };
}
