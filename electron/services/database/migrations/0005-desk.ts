import type { Kysely, Migration } from 'kysely';
import { identityColumn, makeImmutable, type DialectName } from '../dialect';

/**
 * The desk's analysts, the consoles' own PCs and the console's audit log. On a shared PostgreSQL each analyst is a
 * login role of their own (see desk/desk-roles.ts); `analysts` holds what the desk knows of
 * them. The audit log is append-only: the database refuses every change and deletion.
 */
export function desk(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('analysts')
        .addColumn('login', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // "This computer" of each console: a machine of the desk that no agent serves, known
      // by a stable id (machines/this-computer.ts) so tickets and evidence name the right PC.
      await db.schema
        .createTable('console_pcs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hostname', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('analyst', 'text', (c) => c.notNull())
        // The PC the console ran on (its host name).
        .addColumn('pc', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
        // JSON object: what the action was about, beyond its subject.
        .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await makeImmutable(db, dialect, 'audit_log');
    },
  };
}
