/**
 * The desk's record of checks queued over NATS for fleet agents that were away (table
 * `fleet_queued_checks`, migration 0016): what `FleetChecks` keeps beyond one console's
 * memory, so a queued check's status survives a restart and every analyst of a shared desk
 * sees it.
 *
 * Any console settles a result it reads (a conditional update: once, whoever is first). The
 * results are attached to the ticket by a console of the analyst who queued them
 * (`attachPending`), so the evidence is theirs, as the database signs it on a desk with roles;
 * attaching and noting the evidence on the row are one transaction, so two consoles of that
 * analyst attach it once.
 */
import {
  CheckRunSchema,
  DesksideError,
  FleetQueuedCheckSchema,
  RunChecksRequestSchema,
  type FleetQueuedCheck,
  type FleetQueuedChecksRequest,
} from '@deskside/core';
import type { Selectable } from 'kysely';
import type { Db } from '../database/open';
import type { FleetQueuedChecksTable } from '../database/schema';
import { checkRunEvidence, insertEvidence } from '../tickets/evidence';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import type { QueuedCheckStore, QueuedFleetCheck } from './fleet-checks';

/** The most queued checks one list answers (newest first). */
const LISTED = 100;

/** Rolls an attachment back when another console attached the same results first. */
class AttachedElsewhere extends Error {}

export class QueuedChecks implements QueuedCheckStore {
  constructor(
    private readonly deps: WorkflowDeps,
    /** Who queues from this console (the database signs it on a desk with roles). */
    private readonly actor: string,
  ) {}

  private get db(): Db {
    return this.deps.store.db;
  }

  async add(queued: QueuedFleetCheck): Promise<void> {
    await this.db
      .insertInto('fleetQueuedChecks')
      .values({
        requestId: queued.requestId,
        machineId: queued.agentId,
        ticketId: queued.ticketId,
        checks: JSON.stringify(queued.checks),
        queuedBy: this.actor,
        queuedAt: queued.queuedAt,
        expiresAt: queued.expiresAt,
        state: 'waiting',
      })
      .execute();
  }

  /** One queued check as the analyst sees it; null when the desk has none of that id. */
  async get(requestId: string): Promise<FleetQueuedCheck | null> {
    const row = await this.db
      .selectFrom('fleetQueuedChecks')
      .selectAll()
      .where('requestId', '=', requestId)
      .executeTakeFirst();
    return row ? toQueuedCheck(row) : null;
  }

  async find(requestId: string): Promise<QueuedFleetCheck | null> {
    const item = await this.get(requestId);
    if (!item) return null;
    return {
      requestId: item.requestId,
      agentId: item.machineId,
      ticketId: item.ticketId,
      checks: item.checks,
      queuedAt: item.queuedAt,
      expiresAt: item.expiresAt,
      state: item.state,
      run: item.run,
      problem: item.problem,
    };
  }

  async settle(queued: QueuedFleetCheck): Promise<boolean> {
    const result = await this.db
      .updateTable('fleetQueuedChecks')
      .set({
        state: queued.state,
        settledAt: this.deps.now().toISOString(),
        run: queued.run ? JSON.stringify(queued.run) : null,
        problem: queued.problem,
      })
      .where('requestId', '=', queued.requestId)
      .where('state', '=', 'waiting')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Marks waiting checks past their expiry `expired`; answers the machines they were for. */
  async expireDue(): Promise<string[]> {
    const now = this.deps.now().toISOString();
    const due = await this.db
      .selectFrom('fleetQueuedChecks')
      .select(['requestId', 'machineId'])
      .where('state', '=', 'waiting')
      .where('expiresAt', '<=', now)
      .execute();
    if (due.length === 0) return [];
    await this.db
      .updateTable('fleetQueuedChecks')
      .set({ state: 'expired', settledAt: now })
      .where(
        'requestId',
        'in',
        due.map((row) => row.requestId),
      )
      .where('state', '=', 'waiting')
      .execute();
    return [...new Set(due.map((row) => row.machineId))];
  }

  /** The checks queued for a machine or a ticket, newest first (the latest 100). */
  async list(request: FleetQueuedChecksRequest): Promise<FleetQueuedCheck[]> {
    await this.expireDue();
    let query = this.db.selectFrom('fleetQueuedChecks').selectAll();
    query =
      'machineId' in request
        ? query.where('machineId', '=', request.machineId)
        : query.where('ticketId', '=', request.ticketId);
    const rows = await query
      .orderBy('queuedAt', 'desc')
      .orderBy('requestId', 'desc')
      .limit(LISTED)
      .execute();
    return rows.map(toQueuedCheck);
  }

  /**
   * Attaches the results of this analyst's queued checks that ended `done` and are not yet on
   * their ticket, each once; answers the tickets that got evidence.
   */
  async attachPending(): Promise<number[]> {
    const pending = await this.db
      .selectFrom('fleetQueuedChecks')
      .selectAll()
      .where('state', '=', 'done')
      .where('evidenceId', 'is', null)
      .where('ticketId', 'is not', null)
      .where('queuedBy', '=', this.actor)
      .orderBy('settledAt')
      .execute();
    const attached: number[] = [];
    for (const row of pending) {
      const item = toQueuedCheck(row);
      if (item.ticketId === null || !item.run) continue;
      const ticketId = item.ticketId;
      const run = item.run;
      const now = this.deps.now().toISOString();
      try {
        await this.deps.store.write(async (trx, publish) => {
          const evidence = await insertEvidence(
            this.deps,
            trx,
            ticketId,
            checkRunEvidence(run),
            this.actor,
            now,
          );
          const noted = await trx
            .updateTable('fleetQueuedChecks')
            .set({ evidenceId: evidence.id })
            .where('requestId', '=', item.requestId)
            .where('evidenceId', 'is', null)
            .executeTakeFirst();
          if (Number(noted.numUpdatedRows) === 0) throw new AttachedElsewhere();
          publish({ type: 'ticket.changed', ticketId, at: now });
        });
        attached.push(ticketId);
      } catch (error) {
        if (error instanceof AttachedElsewhere) continue;
        if (error instanceof DesksideError && error.code === 'not_found') {
          await this.db
            .updateTable('fleetQueuedChecks')
            .set({ evidenceId: '' })
            .where('requestId', '=', item.requestId)
            .where('evidenceId', 'is', null)
            .execute();
          continue;
        }
        throw error;
      }
    }
    return attached;
  }
}

function toQueuedCheck(row: Selectable<FleetQueuedChecksTable>): FleetQueuedCheck {
  return FleetQueuedCheckSchema.parse({
    requestId: row.requestId,
    machineId: row.machineId,
    ticketId: row.ticketId,
    checks: RunChecksRequestSchema.shape.checks.parse(JSON.parse(row.checks)),
    queuedBy: row.queuedBy,
    queuedAt: row.queuedAt,
    expiresAt: row.expiresAt,
    state: row.state,
    settledAt: row.settledAt,
    run: row.run === null ? null : CheckRunSchema.parse(JSON.parse(row.run)),
    problem: row.problem,
    evidenceId: row.evidenceId,
  });
}
