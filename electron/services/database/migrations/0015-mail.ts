import type { Kysely, Migration } from 'kysely';
import { identityColumn, type DialectName } from '../dialect';

/**
 * The desk's mail (electron/services/mail).
 *
 * - `mail_messages`: every message the desk took from its mailbox, once: `message_key` (the
 *   Message-ID, or a hash of the message where it has none) is unique, and the row is written
 *   in the transaction that makes the ticket or adds to it, so two consoles, or one that
 *   crashed before it marked the message in the mailbox, never take a message twice. Messages
 *   that start nothing (auto-replies, bounces) are recorded too, with their outcome.
 * - `mail_outbox`: what the desk sends about a ticket, written before it is sent; its
 *   Message-ID is made then and unique, the state moves from queued to sent (or failed after
 *   the retries), so a restart sends what is due and never what was sent.
 *
 * Both are looked up by Message-ID to thread a reply onto its ticket.
 */
export function mail(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('mail_messages')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('message_key', 'text', (c) => c.notNull().unique())
        .addColumn('message_id', 'text')
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('from_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('taken_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mail_messages_message_id')
        .on('mail_messages')
        .column('message_id')
        .execute();
      await db.schema
        .createTable('mail_outbox')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('message_id', 'text', (c) => c.notNull().unique())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('in_reply_to', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('mail_outbox_due')
        .on('mail_outbox')
        .columns(['state', 'next_attempt_at'])
        .execute();
    },
  };
}
