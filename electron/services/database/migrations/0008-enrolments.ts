import type { Kysely, Migration } from 'kysely';

/**
 * Enrolment files the desk issued (machines/enrolments.ts): what the console lists, how many
 * machines each added, and whether it was revoked. The file's secret and the seed of its
 * one-time claims are sealed by the console that issued it.
 */
export function enrolments(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('enrolments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('max_machines', 'integer', (c) => c.notNull())
        .addColumn('used_machines', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .addColumn('secrets_sealed', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
