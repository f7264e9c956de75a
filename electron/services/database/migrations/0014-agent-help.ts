import type { Kysely, Migration } from 'kysely';

/**
 * Help requests from employees' agents in fleet mode (fleet/fleet-help.ts):
 * `agent_help_requests`, one row per request taken, keyed by the request id the agent made,
 * so a request is made into one ticket however many consoles take it (the row and the ticket
 * are written in one transaction; a second insert of the same id fails and rolls its ticket
 * back); `agent_help_messages`, every later message either way (the employee's answers,
 * "it works now", feedback; the analysts' messages), keyed by message id for the same reason.
 * Append-only: analysts insert, nobody changes a row.
 */
export function agentHelp(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('agent_help_requests')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('machine_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'integer', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('agent_help_requests_ticket')
        .on('agent_help_requests')
        .column('ticket_id')
        .execute();
      await db.schema
        .createTable('agent_help_messages')
        .addColumn('message_id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'integer', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
