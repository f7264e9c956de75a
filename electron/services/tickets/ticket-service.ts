import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  DesksideError,
  ImpactSchema,
  UrgencySchema,
  canonicalJson,
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
import type { EvidenceTable } from '../database/schema';
import { indexTicketText, reindexTicketText } from '../database/search-index';
import type { SnapshotStore } from '../machines/snapshots';
import { ordersOf } from '../outside-help/order-service';
import { vendorCasesOf } from '../outside-help/vendor-service';
import { visitsOf } from '../outside-help/visit-service';
import { checkCategory, checkGroup, requesterName } from './intake';
import { toEvidence, toTicket } from './rows';
import { appendEntries, timelineOf } from './timeline';
import {
  editTicket,
  initialSla,
  loadTicketRow,
  noteOnTicket,
  statusHistoryOf,
  type WorkflowDeps,
} from './ticket-writer';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The text of a ticket the search index keeps besides its timeline. */
export const describedText = (t: {
  description: string;
  errorMessages: string;
  stepsTried: string;
}) => [t.description, t.errorMessages, t.stepsTried].join(' ');

export class TicketService {
  constructor(
    private readonly deps: WorkflowDeps,
    private readonly snapshots: SnapshotStore,
  ) {}

  private get db() {
    return this.deps.store.db;
  }

  async create(input: z.output<typeof CreateTicketInputSchema>, actor: string): Promise<Ticket> {
    const now = this.deps.now().toISOString();
    const { dialect } = this.deps.store;
    return this.deps.store.write(async (trx, publish) => {
      const config = await this.deps.config.get(trx);
      checkCategory(config, input.category);
      checkGroup(config, input.groupId);
      const requester = (await requesterName(trx, input.requesterId, input.requester)) ?? '';
      const priority = priorityFor(input.impact, input.urgency, config.priorityMatrix);
      const row = await trx
        .insertInto('tickets')
        .values({
          ...input,
          requester,
          requesterId: input.requesterId ?? null,
          priority,
          status: 'new',
          isOpen: 1,
          tier: config.groups.find((g) => g.id === input.groupId)?.tier ?? 'tier1',
          createdBy: actor,
          createdAt: now,
          updatedAt: now,
          ...initialSla(priority, now, config),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await indexTicketText(trx, dialect, row.id, row.summary, describedText(row));
      await appendEntries(trx, dialect, row.id, actor, now, [
        { kind: 'created', data: { to: 'new', channel: input.channel } },
      ]);
      publish({ type: 'ticket.created', ticketId: row.id, at: now });
      return toTicket(row);
    });
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
        await reindexTicketText(
          trx,
          this.deps.store.dialect,
          row.id,
          next.summary,
          describedText(next),
        );
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
    const content = canonicalJson(snapshot.inventory);
    const row: EvidenceTable = {
      id: randomUUID(),
      ticketId: input.ticketId,
      kind: 'inventory',
      machineId: snapshot.machineId,
      machineName: snapshot.machineName,
      transport: snapshot.transport,
      takenBy: actor,
      takenAt: snapshot.fetchedAt,
      sha256: sha256Hex(content),
      content,
    };
    const now = this.deps.now().toISOString();
    await this.deps.store.write(async (trx, publish) => {
      const ticket = await trx
        .selectFrom('tickets')
        .select('id')
        .where('id', '=', input.ticketId)
        .executeTakeFirst();
      if (!ticket) throw new DesksideError('not_found', `Ticket ${input.ticketId} does not exist`);
      await trx.insertInto('evidence').values(row).execute();
      await noteOnTicket(this.deps, trx, input.ticketId, { now });
      await appendEntries(trx, this.deps.store.dialect, input.ticketId, actor, now, [
        {
          kind: 'evidence',
          data: { evidenceId: row.id, machineName: row.machineName, sha256: row.sha256 },
        },
      ]);
      publish({ type: 'ticket.changed', ticketId: input.ticketId, at: now });
    });
    return toEvidence(row);
  }
}
