import type { z } from 'zod';
import {
  ImpactSchema,
  UrgencySchema,
  computeSla,
  priorityFor,
  type AddEntryInputSchema,
  type CreateTicketInputSchema,
  type Evidence,
  type Ticket,
  type TicketDetail,
  type TimelineEntry,
  type UpdateTicketInputSchema,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Publish } from '../database/store';
import { reindexTicketText } from '../database/search-index';
import type { CheckRunService } from '../machines/check-runs';
import type { InventoryHistoryService } from '../machines/inventory-history';
import type { SnapshotStore } from '../machines/snapshots';
import { ordersOf } from '../outside-help/order-service';
import { vendorCasesOf } from '../outside-help/vendor-service';
import { visitsOf } from '../outside-help/visit-service';
import { checkRunEvidence, insertEvidence, type EvidenceDraft } from './evidence';
import { checkCategory, requesterName } from './field-rules';
import { insertTickets, ticketText } from './new-tickets';
import { toEvidence, toTicket } from './rows';
import { appendEntries, timelineOf } from './timeline';
import {
  editTicket,
  loadTicketRow,
  noteOnTicket,
  statusHistoryOf,
  type WorkflowDeps,
} from './ticket-writer';

export { sha256Hex } from './evidence';

export class TicketService {
  constructor(
    private readonly deps: WorkflowDeps,
    private readonly snapshots: SnapshotStore,
    private readonly runs: Pick<CheckRunService, 'ended'>,
    private readonly history?: Pick<InventoryHistoryService, 'record'>,
  ) {}

  private get db() {
    return this.deps.store.db;
  }

  async create(input: z.output<typeof CreateTicketInputSchema>, actor: string): Promise<Ticket> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write((trx, publish) =>
      this.insertTicket(trx, publish, input, actor, now),
    );
  }

  /** Creates a ticket in the caller's transaction (a call's intake adds its first step to it). */
  async insertTicket(
    trx: Db,
    publish: Publish,
    input: z.output<typeof CreateTicketInputSchema>,
    actor: string,
    now: string,
  ): Promise<Ticket> {
    const config = await this.deps.config.get(trx);
    const [row] = await insertTickets(
      trx,
      this.deps.store.dialect,
      config,
      [{ ticket: { ...input, createdBy: actor, createdAt: now } }],
      now,
    );
    publish({ type: 'ticket.created', ticketId: row!.id, at: now });
    return toTicket(row!);
  }

  async list(): Promise<Ticket[]> {
    const rows = await this.db
      .selectFrom('tickets')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map(toTicket);
  }

  async get(id: number): Promise<TicketDetail> {
    const row = await loadTicketRow(this.db, id);
    const [evidence, timeline, vendorCases, visits, orders, config] = await Promise.all([
      this.db
        .selectFrom('evidence')
        .selectAll()
        .where('ticketId', '=', id)
        .orderBy('takenAt')
        .execute(),
      timelineOf(this.db, id),
      vendorCasesOf(this.db, id),
      visitsOf(this.db, id),
      ordersOf(this.db, id),
      this.deps.config.get(),
    ]);
    const ticket = toTicket(row);
    const sla = computeSla(
      {
        priority: ticket.priority,
        statusHistory: statusHistoryOf(row.createdAt, timeline),
        firstRespondedAt: row.firstRespondedAt,
        now: this.deps.now().toISOString(),
      },
      config.sla,
    );
    return {
      ticket,
      evidence: evidence.map(toEvidence),
      timeline,
      vendorCases,
      visits,
      orders,
      sla,
    };
  }

  async update(input: z.output<typeof UpdateTicketInputSchema>, actor: string): Promise<Ticket> {
    return editTicket(this.deps, { ...input, actor }, async (row, config, _now, trx) => {
      const changes = input.changes;
      checkCategory(config, changes.category);
      const requester = await requesterName(trx, changes.requesterId, changes.requester);
      const next = { ...row, ...changes, ...(requester === undefined ? {} : { requester }) };
      const priority = priorityFor(
        ImpactSchema.parse(next.impact),
        UrgencySchema.parse(next.urgency),
        config.priorityMatrix,
      );
      const textChanged = ['summary', 'description', 'errorMessages', 'stepsTried'].some(
        (k) => k in changes,
      );
      if (textChanged) {
        await reindexTicketText(trx, this.deps.store.dialect, row.id, ticketText(next));
      }
      const fields = Object.keys(changes);
      return {
        set: { ...changes, ...(requester === undefined ? {} : { requester }), priority },
        entries: [
          {
            kind: 'edited',
            data: {
              fields,
              ...(priority === row.priority
                ? {}
                : { priority: { from: row.priority, to: priority } }),
            },
          },
        ],
      };
    });
  }

  /** A call, e-mail, chat or internal note; an answer to the user is the first response. */
  async addEntry(
    input: z.output<typeof AddEntryInputSchema>,
    actor: string,
  ): Promise<TimelineEntry> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      const outbound = input.kind !== 'note' && input.direction === 'outbound';
      await noteOnTicket(this.deps, trx, input.ticketId, { firstResponse: outbound, now });
      const [entry] = await appendEntries(
        trx,
        this.deps.store.dialect,
        input.ticketId,
        actor,
        now,
        [
          {
            kind: input.kind,
            body: input.body,
            data: input.direction ? { direction: input.direction } : {},
          },
        ],
      );
      publish({ type: 'ticket.changed', ticketId: input.ticketId, at: now });
      return entry!;
    });
  }

  /** Attaches an inventory the analyst has seen as immutable evidence on a ticket. */
  async attachInventory(
    input: { ticketId: number; snapshotId: string },
    actor: string,
  ): Promise<Evidence> {
    const snapshot = this.snapshots.get(input.snapshotId);
    // Kept in the machine's history first, so a refusal there attaches nothing (a retry
    // never attaches twice). Usually the snapshot fetched a moment ago, so the machine's
    // latest: not stored twice.
    await this.history?.record(
      snapshot.machineId,
      snapshot.inventory,
      'evidence',
      snapshot.fetchedAt,
    );
    const evidence = await this.attach(
      input.ticketId,
      {
        kind: 'inventory',
        machineId: snapshot.machineId,
        machineName: snapshot.machineName,
        transport: snapshot.transport,
        takenAt: snapshot.fetchedAt,
        content: snapshot.inventory,
      },
      actor,
    );
    return evidence;
  }

  /** Attaches the results of a run of checks the analyst has seen, once it has ended. */
  async attachCheckRun(input: { ticketId: number; runId: string }, actor: string) {
    return this.attach(input.ticketId, checkRunEvidence(this.runs.ended(input.runId)), actor);
  }

  /** Attaches what `draft` holds (a diff of kept inventories, say) as evidence on a ticket. */
  async attachEvidence(ticketId: number, draft: EvidenceDraft, actor: string): Promise<Evidence> {
    return this.attach(ticketId, draft, actor);
  }

  private async attach(ticketId: number, draft: EvidenceDraft, actor: string): Promise<Evidence> {
    const now = this.deps.now().toISOString();
    const row = await this.deps.store.write(async (trx, publish) => {
      const inserted = await insertEvidence(this.deps, trx, ticketId, draft, actor, now);
      publish({ type: 'ticket.changed', ticketId, at: now });
      return inserted;
    });
    return toEvidence(row);
  }

  /**
   * The tickets about a machine, and those holding evidence from it; newest first. A machine
   * may go by several ids (this computer: its own, and `local` on older tickets).
   */
  async forMachine(machineIds: readonly string[]): Promise<Ticket[]> {
    const rows = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('machineId', 'in', machineIds),
          eb(
            'id',
            'in',
            eb.selectFrom('evidence').select('ticketId').where('machineId', 'in', machineIds),
          ),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(LISTED_TICKETS_LIMIT)
      .execute();
    return rows.map(toTicket);
  }

  /** The tickets a person from the directory called about; newest first. */
  async forRequester(personId: number): Promise<Ticket[]> {
    const rows = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('requesterId', '=', personId)
      .orderBy('id', 'desc')
      .limit(LISTED_TICKETS_LIMIT)
      .execute();
    return rows.map(toTicket);
  }
}

/** The most tickets a machine's or a person's page lists. */
const LISTED_TICKETS_LIMIT = 200;
