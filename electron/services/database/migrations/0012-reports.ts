import type { Kysely, Migration } from 'kysely';
import { identityColumn, type DialectName } from '../dialect';

/**
 * Reports (electron/services/reports): saved reports and their stored runs, the per-ticket
 * facts the service figures read (derived, refreshed before a report), the check failures
 * found in attached check results (derived from immutable evidence), and the indexes the
 * report queries range over.
 *
 * - `saved_reports`: a lead's report kept with its filters (a fixed or relative period),
 *   dimension and schedule; versioned like tickets.
 * - `report_runs`: one stored result per report and resolved period; the unique key keeps two
 *   consoles that run the same due report from storing it twice.
 * - `report_ticket_facts`: per ticket, the columns reports filter and group by (copied from
 *   the ticket) and the facts computed from its timeline, at the ticket's `version` and
 *   `updated_at` under one SLA policy (`report_facts_state.policy`); stale rows are
 *   recomputed, and a changed policy clears them all. Narrow, with covering indexes, so a
 *   report over a year of tickets reads index pages only, never the wide ticket rows.
 * - `report_machines_seen`: the profile snapshot each machine's model and OS were copied from.
 * - `report_check_failures` / `report_evidence_seen`: each failed check of each check-results
 *   evidence once, and which evidence has been read.
 */
export function reports(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('saved_reports')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('dimension', 'text')
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('report_runs')
        .addColumn('id', 'integer', identityColumn(dialect))
        .addColumn('report_id', 'integer', (c) =>
          c.notNull().references('saved_reports.id').onDelete('cascade'),
        )
        .addColumn('period_from', 'text', (c) => c.notNull())
        .addColumn('period_to', 'text', (c) => c.notNull())
        .addColumn('ran_at', 'text', (c) => c.notNull())
        .addColumn('ran_by', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addUniqueConstraint('report_runs_period', ['report_id', 'period_from', 'period_to'])
        .execute();
      await db.schema
        .createTable('report_ticket_facts')
        // Unique rather than the primary key: SQLite would make an integer key the rowid.
        .addColumn('ticket_id', 'integer', (c) => c.notNull().unique())
        .addColumn('ticket_version', 'integer', (c) => c.notNull())
        .addColumn('ticket_updated_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('category', 'text')
        .addColumn('group_id', 'text')
        .addColumn('requester_id', 'integer')
        // The requester's, as the directory holds them now (kept in step with people).
        .addColumn('location', 'text')
        .addColumn('department', 'text')
        .addColumn('machine_id', 'text')
        // The machine's model and OS key, as its profile holds them now (kept in step with it).
        .addColumn('model', 'text')
        .addColumn('os', 'text')
        .addColumn('feedback_rating', 'integer')
        .addColumn('resolve_business_seconds', 'integer')
        .addColumn('sla_met', 'integer')
        .addColumn('escalated', 'integer', (c) => c.notNull())
        .addColumn('reopened', 'integer', (c) => c.notNull())
        .addColumn('first_contact', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('report_facts_state')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('report_machines_seen')
        .addColumn('machine_id', 'text', (c) => c.primaryKey())
        .addColumn('snapshot_id', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('report_check_failures')
        .addColumn('evidence_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'integer', (c) => c.notNull())
        .addColumn('machine_id', 'text', (c) => c.notNull())
        .addColumn('check_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_check_failures_pk', ['evidence_id', 'check_id', 'code'])
        .execute();
      await db.schema
        .createTable('report_evidence_seen')
        .addColumn('evidence_id', 'text', (c) => c.primaryKey())
        .execute();
      // Covering indexes: a report ranges over one of them and reads no table row.
      const indexes: [string, string, string[]][] = [
        [
          'report_ticket_facts_created',
          'report_ticket_facts',
          [
            'created_at',
            'category',
            'group_id',
            'location',
            'department',
            'machine_id',
            'model',
            'os',
            'escalated',
          ],
        ],
        [
          'report_ticket_facts_resolved',
          'report_ticket_facts',
          [
            'resolved_at',
            'created_at',
            'category',
            'group_id',
            'location',
            'department',
            'first_contact',
            'sla_met',
            'reopened',
            'resolve_business_seconds',
            'feedback_rating',
          ],
        ],
        // The 90th percentile walks this in order, with no sort, whatever the period's length.
        [
          'report_ticket_facts_resolve_time',
          'report_ticket_facts',
          [
            'resolve_business_seconds',
            'resolved_at',
            'category',
            'group_id',
            'location',
            'department',
          ],
        ],
        ['report_ticket_facts_requester', 'report_ticket_facts', ['requester_id']],
        // A program's machines, then each one's tickets by creation (software dimension).
        [
          'report_ticket_facts_machine',
          'report_ticket_facts',
          ['machine_id', 'created_at', 'category', 'group_id', 'location', 'department'],
        ],
        ['report_check_failures_taken', 'report_check_failures', ['taken_at']],
        ['evidence_kind', 'evidence', ['kind']],
        ['saved_reports_schedule', 'saved_reports', ['schedule']],
      ];
      for (const [name, table, columns] of indexes) {
        await db.schema.createIndex(name).on(table).columns(columns).execute();
      }
    },
  };
}
