/**
 * The derived tables the reports read, brought up to date before a report (and by the reports
 * job): per-ticket facts (report_ticket_facts) and the failed checks of attached check results
 * (report_check_failures).
 *
 * Ticket facts are kept rather than computed per report: FCR, reopen and escalation need each
 * ticket's timeline, and business time to resolve and SLA attainment need its status history
 * walked on the calendar; doing that for every ticket of a two-year period on each report
 * would cost seconds. A row is recomputed when its ticket's version or `updated_at` moved
 * (timeline entries that bump no version, a vendor case, still touch `updated_at`); a changed
 * SLA policy (calendar or targets) clears them all. Which tickets to look at: those updated
 * since the last refresh's watermark less an hour (for writes committed late or stamped by a
 * console whose clock is a little behind), or every ticket when the counts disagree (an
 * import of old tickets) or there is no watermark.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import {
  BusinessTimeTable,
  CheckRunContentSchema,
  REPORT_FACT_KINDS,
  ticketReportFacts,
  type FactsEntry,
  type Priority,
  type SlaPolicy,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Store } from '../database/store';
import { chunksFor } from '../database/insert-chunks';
import type { WorkflowConfigService } from '../workflow/config-service';
import { OS_KEY, num } from './report-sql';

const HOUR_MS = 3_600_000;
const WATERMARK_SLACK_MS = HOUR_MS;
const READ_CHUNK = 500;
const WRITE_CHUNK = 5_000;

export interface FactsRefresh {
  /** Tickets whose facts were (re)computed. */
  tickets: number;
  /** People whose location and department were copied again to their tickets' rows. */
  people: number;
  /** Machines whose model and OS were copied again (a newer profile, or none any more). */
  machines: number;
  /** Check-results evidence read for failures. */
  evidence: number;
}

interface StaleTicket {
  id: number;
  version: number;
  updatedAt: string;
  createdAt: string;
  resolvedAt: string | null;
  priority: number;
  category: string | null;
  groupId: string | null;
  requesterId: number | null;
  machineId: string | null;
  feedbackRating: number | null;
  location: string | null;
  department: string | null;
  model: string | null;
  os: string | null;
}

const policyKey = (policy: SlaPolicy) =>
  createHash('sha256').update(JSON.stringify(policy)).digest('hex');

async function stateOf(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('reportFactsState').select(['key', 'value']).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

async function setState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('reportFactsState')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Tickets whose facts are missing or older than the ticket. */
async function staleTickets(db: Db, since: string | null): Promise<StaleTicket[]> {
  const recent = since === null ? sql`1 = 1` : sql`t.updated_at >= ${since}`;
  const { rows } = await sql<StaleTicket>`
    SELECT t.id, t.version, t.updated_at, t.created_at, t.resolved_at, t.priority, t.category,
      t.group_id, t.requester_id, t.machine_id, t.feedback_rating,
      NULLIF(p.location, '') AS location, NULLIF(p.department, '') AS department,
      mp.model AS model, ${OS_KEY} AS os
    FROM tickets t LEFT JOIN report_ticket_facts f ON f.ticket_id = t.id
    LEFT JOIN people p ON p.id = t.requester_id
    LEFT JOIN machine_profiles mp ON mp.machine_id = t.machine_id
    WHERE ${recent} AND (f.ticket_id IS NULL OR f.ticket_version <> t.version
      OR f.ticket_updated_at <> t.updated_at)`.execute(db);
  return rows;
}

export class ReportFacts {
  private table: { key: string; table: BusinessTimeTable } | undefined;

  constructor(
    private readonly store: Store,
    private readonly workflow: WorkflowConfigService,
  ) {}

  /** Brings the derived tables up to date under `policy` (the desk's by default); cheap when nothing changed. */
  async refresh(policy?: SlaPolicy): Promise<FactsRefresh> {
    policy ??= (await this.workflow.get()).sla;
    const key = policyKey(policy);
    const tickets = await this.refreshTickets(policy, key);
    const people = await this.refreshPeople();
    const machines = await this.refreshMachines();
    const evidence = await this.refreshCheckFailures();
    return { tickets, people, machines, evidence };
  }

  private async refreshTickets(policy: SlaPolicy, key: string): Promise<number> {
    const { db } = this.store;
    const state = await stateOf(db);
    const samePolicy = state.get('policy') === key;
    const stored = state.get('watermark');
    // An empty watermark: the desk had no tickets at the last look.
    const watermark = samePolicy && stored ? stored : null;
    const counts = await sql<{
      tickets: number | string;
      facts: number | string;
      latest: string | null;
    }>`
      SELECT (SELECT COUNT(*) FROM tickets) AS tickets,
        (SELECT COUNT(*) FROM report_ticket_facts) AS facts,
        (SELECT MAX(updated_at) FROM tickets) AS latest`.execute(db);
    const count = counts.rows[0];
    const complete = watermark !== null && num(count?.tickets) === num(count?.facts);
    const since = complete
      ? new Date(Date.parse(watermark) - WATERMARK_SLACK_MS).toISOString()
      : null;
    const stale = samePolicy ? await staleTickets(db, since) : null;
    if (stale !== null && stale.length === 0 && (stored ?? '') === (count?.latest ?? '')) return 0;
    if (!samePolicy) {
      await this.store.write(async (trx) => {
        await trx.deleteFrom('reportTicketFacts').execute();
        await setState(trx, 'policy', key);
      });
    }
    const todo = stale ?? (await staleTickets(db, null));
    // Transactions of their own, so a first refresh of a large desk never holds the console's
    // writes for long (SQLite has one writer); the watermark moves once all are in.
    for (let i = 0; i < todo.length; i += WRITE_CHUNK) {
      const chunk = todo.slice(i, i + WRITE_CHUNK);
      await this.store.write((trx) => this.computeFacts(trx, chunk, policy, key));
    }
    await this.store.write((trx) => setState(trx, 'watermark', count?.latest ?? ''));
    return todo.length;
  }

  private tableFor(policy: SlaPolicy, key: string, from: number, until: number): BusinessTimeTable {
    const kept = this.table;
    if (kept && kept.key === key && kept.table.covers(from) && kept.table.covers(until)) {
      return kept.table;
    }
    const start = kept?.key === key ? Math.min(from, kept.table.from) : from;
    const end = kept?.key === key ? Math.max(until, kept.table.until) : until;
    const table = new BusinessTimeTable(policy.calendar, start, end);
    this.table = { key, table };
    return table;
  }

  private async computeFacts(
    trx: Db,
    tickets: readonly StaleTicket[],
    policy: SlaPolicy,
    key: string,
  ): Promise<void> {
    if (tickets.length === 0) return;
    let from = Number.POSITIVE_INFINITY;
    let until = Number.NEGATIVE_INFINITY;
    for (const ticket of tickets) {
      from = Math.min(from, Date.parse(ticket.createdAt));
      until = Math.max(until, Date.parse(ticket.resolvedAt ?? ticket.createdAt));
    }
    const table = this.tableFor(policy, key, from, until);
    for (let i = 0; i < tickets.length; i += READ_CHUNK) {
      const chunk = tickets.slice(i, i + READ_CHUNK);
      const entries = await trx
        .selectFrom('timeline')
        .select(['ticketId', 'kind', 'at', 'data'])
        .where(
          'ticketId',
          'in',
          chunk.map((t) => t.id),
        )
        .where('kind', 'in', REPORT_FACT_KINDS)
        .orderBy('ticketId')
        .orderBy('id')
        .execute();
      const byTicket = new Map<number, FactsEntry[]>();
      for (const entry of entries) {
        let list = byTicket.get(entry.ticketId);
        if (!list) byTicket.set(entry.ticketId, (list = []));
        list.push({
          kind: entry.kind,
          at: entry.at,
          data: JSON.parse(entry.data) as Record<string, unknown>,
        });
      }
      const rows = chunk.map((ticket) => {
        const facts = ticketReportFacts(
          {
            createdAt: ticket.createdAt,
            resolvedAt: ticket.resolvedAt,
            priority: ticket.priority as Priority,
          },
          byTicket.get(ticket.id) ?? [],
          table,
          policy,
        );
        const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
        return {
          ticketId: ticket.id,
          ticketVersion: ticket.version,
          ticketUpdatedAt: ticket.updatedAt,
          createdAt: ticket.createdAt,
          resolvedAt: ticket.resolvedAt,
          category: ticket.category,
          groupId: ticket.groupId,
          requesterId: ticket.requesterId,
          machineId: ticket.machineId,
          feedbackRating: ticket.feedbackRating,
          location: ticket.location,
          department: ticket.department,
          model: ticket.model,
          os: ticket.os,
          resolveBusinessSeconds:
            facts.resolveBusinessMs === null ? null : Math.round(facts.resolveBusinessMs / 1000),
          slaMet: flag(facts.slaMet),
          escalated: facts.escalated ? 1 : 0,
          reopened: facts.reopened ? 1 : 0,
          firstContact: facts.firstContact ? 1 : 0,
        };
      });
      for (const part of chunksFor(rows)) {
        await trx
          .insertInto('reportTicketFacts')
          .values(part)
          .onConflict((oc) =>
            oc.column('ticketId').doUpdateSet((eb) => ({
              ticketVersion: eb.ref('excluded.ticketVersion'),
              ticketUpdatedAt: eb.ref('excluded.ticketUpdatedAt'),
              createdAt: eb.ref('excluded.createdAt'),
              resolvedAt: eb.ref('excluded.resolvedAt'),
              category: eb.ref('excluded.category'),
              groupId: eb.ref('excluded.groupId'),
              requesterId: eb.ref('excluded.requesterId'),
              machineId: eb.ref('excluded.machineId'),
              feedbackRating: eb.ref('excluded.feedbackRating'),
              location: eb.ref('excluded.location'),
              department: eb.ref('excluded.department'),
              model: eb.ref('excluded.model'),
              os: eb.ref('excluded.os'),
              resolveBusinessSeconds: eb.ref('excluded.resolveBusinessSeconds'),
              slaMet: eb.ref('excluded.slaMet'),
              escalated: eb.ref('excluded.escalated'),
              reopened: eb.ref('excluded.reopened'),
              firstContact: eb.ref('excluded.firstContact'),
            })),
          )
          .execute();
      }
    }
  }

  /**
   * Copies the location and department of people changed since the last look to their
   * tickets' rows. The first look only notes where it stands: the rows were just computed
   * with the directory as it is.
   */
  private async refreshPeople(): Promise<number> {
    const { db } = this.store;
    const watermark = (await stateOf(db)).get('peopleWatermark') ?? null;
    const latest = await db
      .selectFrom('people')
      .select((eb) => eb.fn.max('updatedAt').as('at'))
      .executeTakeFirst();
    const at = latest?.at ?? '';
    if (watermark === at) return 0;
    return this.store.write(async (trx) => {
      let changed: { id: number; location: string; department: string }[] = [];
      if (watermark !== null) {
        const since = new Date(Date.parse(watermark) - WATERMARK_SLACK_MS).toISOString();
        changed = await trx
          .selectFrom('people')
          .select(['id', 'location', 'department'])
          .where('updatedAt', '>=', since)
          .execute();
      }
      for (const person of changed) {
        await trx
          .updateTable('reportTicketFacts')
          .set({
            location: person.location === '' ? null : person.location,
            department: person.department === '' ? null : person.department,
          })
          .where('requesterId', '=', person.id)
          .execute();
      }
      await setState(trx, 'peopleWatermark', at);
      return changed.length;
    });
  }

  /**
   * Copies the model and OS of machines whose profile changed (another snapshot) or went away
   * since the last look to their tickets' rows.
   */
  private async refreshMachines(): Promise<number> {
    const { db } = this.store;
    const changed = await sql<{
      machineId: string;
      snapshotId: number;
      model: string | null;
      os: string | null;
    }>`SELECT mp.machine_id, mp.snapshot_id, mp.model, ${OS_KEY} AS os
      FROM machine_profiles mp LEFT JOIN report_machines_seen s ON s.machine_id = mp.machine_id
      WHERE s.machine_id IS NULL OR s.snapshot_id <> mp.snapshot_id`.execute(db);
    const gone = await sql<{ machineId: string }>`SELECT s.machine_id
      FROM report_machines_seen s LEFT JOIN machine_profiles mp ON mp.machine_id = s.machine_id
      WHERE mp.machine_id IS NULL`.execute(db);
    if (changed.rows.length === 0 && gone.rows.length === 0) return 0;
    await this.store.write(async (trx) => {
      for (const machine of changed.rows) {
        await trx
          .updateTable('reportTicketFacts')
          .set({ model: machine.model, os: machine.os })
          .where('machineId', '=', machine.machineId)
          .execute();
        await trx
          .insertInto('reportMachinesSeen')
          .values({ machineId: machine.machineId, snapshotId: machine.snapshotId })
          .onConflict((oc) =>
            oc.column('machineId').doUpdateSet({ snapshotId: machine.snapshotId }),
          )
          .execute();
      }
      for (const { machineId } of gone.rows) {
        await trx
          .updateTable('reportTicketFacts')
          .set({ model: null, os: null })
          .where('machineId', '=', machineId)
          .execute();
        await trx.deleteFrom('reportMachinesSeen').where('machineId', '=', machineId).execute();
      }
    });
    return changed.rows.length + gone.rows.length;
  }

  /** Reads each check-results evidence not read yet (evidence never changes once attached). */
  private async refreshCheckFailures(): Promise<number> {
    const { db } = this.store;
    const unread = await db
      .selectFrom('evidence as e')
      .select(['e.id', 'e.ticketId', 'e.machineId', 'e.takenAt', 'e.content'])
      .where('e.kind', '=', 'checks')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('reportEvidenceSeen as s')
              .select('s.evidenceId')
              .whereRef('s.evidenceId', '=', 'e.id'),
          ),
        ),
      )
      .execute();
    if (unread.length === 0) return 0;
    const failures = unread.flatMap((evidence) => {
      const content = CheckRunContentSchema.safeParse(JSON.parse(evidence.content));
      if (!content.success) return [];
      const seen = new Set<string>();
      return content.data.results.flatMap((result) => {
        const id = `${result.checkId}\n${result.code}`;
        if (result.status !== 'fail' || seen.has(id)) return [];
        seen.add(id);
        return [
          {
            evidenceId: evidence.id,
            ticketId: evidence.ticketId,
            machineId: evidence.machineId,
            checkId: result.checkId,
            code: result.code,
            takenAt: evidence.takenAt,
          },
        ];
      });
    });
    await this.store.write(async (trx) => {
      for (const part of chunksFor(failures)) {
        await trx
          .insertInto('reportCheckFailures')
          .values(part)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      for (const part of chunksFor(unread.map((e) => ({ evidenceId: e.id })))) {
        await trx
          .insertInto('reportEvidenceSeen')
          .values(part)
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
    return unread.length;
  }
}
