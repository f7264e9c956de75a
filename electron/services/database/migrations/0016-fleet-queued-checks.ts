import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Checks queued over NATS for fleet agents that were away (electron/services/fleet/
 * queued-checks.ts): one row per queued request, kept so that its status survives a console
 * restart and every analyst of a shared desk sees it.
 *
 * - `request_id`: the request's id on the queue stream (also its deduplication id).
 * - `machine_id`: the machine, whose id is its agent's fleet id; `ticket_id` when it was run
 *   from a ticket (its results are attached there).
 * - `checks`: the checks and parameters asked (JSON); `queued_by`, `queued_at`, `expires_at`.
 * - `state`: `waiting` until an agent's reply settles it (`done`, `refused`) or it is past
 *   `expires_at` (`expired`); `settled_at`, the run (`run`, JSON `CheckRun`) or why not
 *   (`problem`), and `evidence_id` once its results are attached to the ticket.
 *
 * On a desk with roles analysts insert and settle rows and never delete them; a settled row
 * is not changed again, except to note its evidence once (desk/desk-roles.ts).
 */
export function fleetQueuedChecks(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fleet_queued_checks')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('machine_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'integer')
        .addColumn('checks', 'text', (c) => c.notNull())
        .addColumn('queued_by', 'text', (c) => c.notNull())
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('waiting'))
        .addColumn('settled_at', 'text')
        .addColumn('run', 'text')
        .addColumn('problem', 'text')
        .addColumn('evidence_id', 'text')
        .addCheckConstraint(
          'fleet_queued_checks_state',
          sql`state IN ('waiting', 'done', 'refused', 'expired')`,
        )
        .execute();
      await db.schema
        .createIndex('fleet_queued_checks_machine')
        .on('fleet_queued_checks')
        .columns(['machine_id', 'queued_at'])
        .execute();
      await db.schema
        .createIndex('fleet_queued_checks_ticket')
        .on('fleet_queued_checks')
        .column('ticket_id')
        .execute();
      await db.schema
        .createIndex('fleet_queued_checks_state')
        .on('fleet_queued_checks')
        .columns(['state', 'expires_at'])
        .execute();
    },
  };
}
