import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The desk's automatic messages (electron/services/mail/mail-automatic.ts).
 *
 * - `mail_templates`: the desk's own text of an event's message in a language (`event`,
 *   `language`), switched on or off; an event and language without a row uses core's built-in
 *   default. On a desk with roles only leads and administrators write it (desk/desk-roles.ts).
 * - `mail_automatic`: one row per ticket event the desk decided about (`event_key`, the
 *   timeline entry and who it is for, is the primary key): queued (with its `outbox_id`), or
 *   why nothing was sent (`imported`, `disabled`, `no-address`, `automatic-origin`, or `failed`: it could not be made). Written in the
 *   transaction that queues the message, so no event is mailed twice, whichever console and
 *   however often it is looked at.
 * - `mail_automatic_cursor`: how far the sending console has read the timeline (one row,
 *   `timeline`), so a restart carries on where it stopped.
 * - `mail_outbox.automatic`: the event of an automatic message; null for what an analyst wrote.
 * - `people.language`: the language a person is written to ('' for the desk's default).
 */
export function mailTemplates(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('mail_templates')
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mail_templates_pk', ['event', 'language'])
        .addCheckConstraint(
          'mail_templates_event',
          sql`event IN ('received', 'assigned', 'escalated', 'waiting', 'resolved', 'closed')`,
        )
        .addCheckConstraint('mail_templates_language', sql`language IN ('en', 'nl', 'fr', 'el')`)
        .execute();
      await db.schema
        .createTable('mail_automatic')
        .addColumn('event_key', 'text', (c) => c.primaryKey())
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('entry_id', 'integer', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('outbox_id', 'integer', (c) => c.references('mail_outbox.id'))
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mail_automatic_ticket')
        .on('mail_automatic')
        .column('ticket_id')
        .execute();
      await db.schema
        .createTable('mail_automatic_cursor')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('entry_id', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('mail_outbox').addColumn('automatic', 'text').execute();
      await db.schema
        .alterTable('people')
        .addColumn('language', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    },
  };
}
