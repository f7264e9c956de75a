import type { Kysely, Migration } from 'kysely';

/**
 * The machine a ticket is about (a call taken with the caller's PC chosen), and indexes for
 * a machine's page: its tickets, and the tickets holding evidence from it. No foreign key:
 * "this computer" is no row of `machines`, and a removed machine keeps its history.
 */
export function ticketMachine(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('tickets').addColumn('machine_id', 'text').execute();
      await db.schema.createIndex('tickets_machine').on('tickets').column('machine_id').execute();
      await db.schema.createIndex('evidence_machine').on('evidence').column('machine_id').execute();
    },
  };
}
