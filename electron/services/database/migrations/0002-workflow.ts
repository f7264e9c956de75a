import { sql, type Kysely, type Migration } from 'kysely';
import { identityColumn, makeImmutable, type DialectName } from '../dialect';
import { createSearchIndex, indexTicketText } from '../search-index';

/** Ticket columns added by the workflow, with the value existing tickets get. */
const TICKET_COLUMNS: [name: string, type: 'text' | 'integer', notNullDefault?: string | number][] =
  [
    ['version', 'integer', 1],
    ['requester_id', 'integer'],
    ['error_messages', 'text', ''],
    ['steps_tried', 'text', ''],
    ['category', 'text'],
    ['impact', 'text', 'medium'],
    ['urgency', 'text', 'medium'],
    ['priority', 'integer', 3],
    ['is_open', 'integer', 1],
    ['assignee', 'text'],
    ['group_id', 'text'],
    ['tier', 'text', 'tier1'],
    ['first_responded_at', 'text'],
    ['resolved_at', 'text'],
    ['closed_at', 'text'],
    ['resolution_code', 'text'],
    ['resolution_notes', 'text'],
    ['verification', 'text'],
    ['feedback_rating', 'integer'],
    ['feedback_comment', 'text'],
    ['service_centre', 'text'],
    ['sla_due_at', 'text'],
    ['sla_at_risk_at', 'text'],
  ];

/** People, the workflow columns of a ticket, its timeline, outside help, settings, search. */
export function workflow(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('people')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('machines', 'text', (c) => c.notNull())
        // Name and e-mail folded by core's foldForSearch: case- and accent-blind on both databases.
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('people_name').on('people').column('name').execute();

      for (const [name, type, fill] of TICKET_COLUMNS) {
        await db.schema
          .alterTable('tickets')
          .addColumn(name, type, (c) => {
            const column = name === 'requester_id' ? c.references('people.id') : c;
            return fill === undefined ? column : column.notNull().defaultTo(fill);
          })
          .execute();
      }
      await sql`UPDATE tickets SET is_open = 0 WHERE status IN ('resolved', 'closed')`.execute(db);
      const ticketIndexes: [string, string[]][] = [
        ['tickets_queue', ['is_open', 'priority', 'id']],
        ['tickets_assignee', ['assignee', 'is_open']],
        ['tickets_group', ['group_id', 'is_open']],
        ['tickets_status', ['status']],
        ['tickets_sla', ['sla_at_risk_at']],
        ['tickets_updated', ['updated_at']],
        ['tickets_requester', ['requester_id']],
      ];
      for (const [index, columns] of ticketIndexes) {
        await db.schema.createIndex(index).on('tickets').columns(columns).execute();
      }

      await db.schema
        .createTable('timeline')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('timeline_ticket')
        .on('timeline')
        .columns(['ticket_id', 'id'])
        .execute();
      await makeImmutable(db, dialect, 'timeline');

      const childOfTicket = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', 'integer', identityColumn(dialect))
          .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
      await childOfTicket('vendor_cases')
        .addColumn('vendor', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await childOfTicket('visits')
        .addColumn('technician', 'text', (c) => c.notNull())
        .addColumn('scheduled_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('checklist', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await childOfTicket('orders')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('machine_id', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const table of ['vendor_cases', 'visits', 'orders']) {
        await db.schema.createIndex(`${table}_ticket`).on(table).column('ticket_id').execute();
      }

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await createSearchIndex(db, dialect);
      const existing = await sql<{ id: number; summary: string; description: string }>`
        SELECT id, summary, description FROM tickets`.execute(db);
      for (const ticket of existing.rows) {
        await indexTicketText(db, dialect, ticket.id, ticket.summary, ticket.description);
      }
    },
  };
}
