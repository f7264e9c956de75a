import { sql, type Kysely, type Migration } from 'kysely';
import { identityColumn, makeImmutable, type DialectName } from '../dialect';

/**
 * The first schema. Released on SQLite before PostgreSQL existed here: its SQLite output
 * must stay byte for byte what it was (a test compares it with a file made by that version).
 */
export function ticketsMachinesEvidence(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tickets')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('requester', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('machines')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('transport', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('port', 'integer', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('cert_pem', 'text', (c) => c.notNull())
        .addColumn('token_sealed', 'text', (c) => c.notNull())
        .addColumn('hostname', 'text')
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('last_contact_at', 'text')
        .addUniqueConstraint('machines_address_port', ['address', 'port'])
        .execute();

      await db.schema
        .createTable('evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('machine_id', 'text', (c) => c.notNull())
        .addColumn('machine_name', 'text', (c) => c.notNull())
        .addColumn('transport', 'text', (c) => c.notNull())
        .addColumn('taken_by', 'text', (c) => c.notNull())
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evidence_ticket').on('evidence').column('ticket_id').execute();

      // Evidence is a record of what a machine reported at a moment: it is never changed.
      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END`.execute(db);
        await sql`CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END`.execute(db);
      } else {
        await makeImmutable(db, dialect, 'evidence');
      }
    },
  };
}
