import type { Kysely, Migration } from 'kysely';

/**
 * Fleet mode kept by the desk.
 *
 * `fleet_presence`: what the desk's consoles last saw of each fleet machine over NATS (the
 * machine's fleet id, the server's time of its latest heartbeat, its agent's version and
 * whether it was online), so "last seen" survives a console's restart and is the same on
 * every console of the desk. Written by each console's fleet link in batches: when a
 * machine comes online or goes offline, and otherwise at most once a minute per machine.
 * `online` is 1 or 0. Not tied to `machines`: a fleet machine may beat before it is listed.
 *
 * `fleet_authority`: the desk's fleet authority (the NATS operator's and accounts' seeds, its
 * revocations, who each identity was issued to), one row (`id` 'desk'). `state` is the
 * authority's state as JSON, sealed by the console's SecretBox on the SQLite file (`sealed`
 * 1); on a desk with roles it is the desk's, readable and writable by leads and
 * administrators only (desk/desk-roles.ts), as machines' keys are. `version` counts saves.
 */
export function fleet(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fleet_presence')
        .addColumn('machine_id', 'text', (c) => c.primaryKey())
        .addColumn('online', 'integer', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('agent_version', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fleet_authority')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('sealed', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('saved_by', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
