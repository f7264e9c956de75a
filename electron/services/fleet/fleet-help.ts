/**
 * Help requests from employees' agents, taken by the desk's consoles while they are linked to
 * the fleet: every console reads `DESKSIDE_HELP` through the one durable pull consumer
 * `help-desk`, so each message goes to one console at a time and is acknowledged only once
 * its rows are written. A request becomes a ticket (channel `agent`, the requester found in
 * the people directory by e-mail or added to it, the machine linked when the desk knows it,
 * the inventory and the quick checks' results attached as evidence) in one transaction with
 * its `agent_help_requests` row: a message delivered again, or taken by two consoles at once,
 * finds the row, or fails on its key and rolls its ticket back. The employee's answers,
 * "it works now" and feedback land on the ticket the same way (`agent_help_messages`).
 * Analysts' messages go to the agent's help queue, kept until the agent takes them.
 */
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import {
  AckPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  AgentHelpMessageSchema,
  CreateTicketInputSchema,
  DesksideError,
  FLEET_HELP_QUEUE,
  FLEET_STREAMS,
  FleetIdSchema,
  HELP_DESK_CONSUMER,
  InventorySchema,
  inventoryHostname,
  fleetSubjects,
  helpQueueConsumer,
  type DeskHelpMessage,
  type HelpFollowUpMessage,
  type HelpRequestMessage,
  type TimelineEntry,
} from '@deskside/core';
import type { Db } from '../database/open';
import { personSearchText } from '../people/people-service';
import { insertEvidence } from '../tickets/evidence';
import { awaitsFeedback, type LifecycleService } from '../tickets/lifecycle-service';
import { loadTicketRow, noteOnTicket, type WorkflowDeps } from '../tickets/ticket-writer';
import type { TicketService } from '../tickets/ticket-service';
import { appendEntries } from '../tickets/timeline';

const gunzipAsync = promisify(gunzip);
const encoder = new TextEncoder();
/** Largest help message accepted once decompressed (an inventory is most of it). */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/** A message not acknowledged within this is delivered again (to this or another console). */
const ACK_WAIT_NS = 60 * 1_000_000_000;
/** Who the desk's own records name for what arrived from an agent. */
export const agentActor = (machineId: string) => `agent:${machineId}`;

export interface FleetHelpDeps {
  deps: WorkflowDeps;
  tickets: Pick<TicketService, 'insertTicket'>;
  lifecycle: Pick<LifecycleService, 'verify' | 'feedback'>;
}

export interface FleetHelpOptions extends FleetHelpDeps {
  connection: NatsConnection;
  onProblem?: (message: string, error?: unknown) => void;
}

/** What happened to one help message (for tests and the log). */
export type HelpOutcome =
  | { kind: 'ticket'; ticketId: number; created: boolean }
  | { kind: 'follow-up'; ticketId: number; recorded: boolean }
  | { kind: 'ignored'; reason: string };

export class FleetHelp {
  private messages: ConsumerMessages | undefined;
  private readonly consumers = new Set<string>();
  private readonly handled: Promise<unknown>[] = [];

  constructor(private readonly options: FleetHelpOptions) {}

  private get db(): Db {
    return this.options.deps.store.db;
  }

  /** Makes (or finds) the shared consumer and starts taking help messages. */
  async start(): Promise<void> {
    const { connection } = this.options;
    const jsm = await jetstreamManager(connection, { checkAPI: false });
    const stream = FLEET_STREAMS.help.name;
    await jsm.consumers.add(stream, {
      durable_name: HELP_DESK_CONSUMER,
      ack_policy: AckPolicy.Explicit,
      ack_wait: ACK_WAIT_NS,
    });
    const consumer = await jetstream(connection, { checkAPI: false }).consumers.get(
      stream,
      HELP_DESK_CONSUMER,
    );
    this.messages = await consumer.consume({ max_messages: 16 });
    void (async () => {
      for await (const message of this.messages!) {
        const handling = this.take(message);
        this.handled.push(handling);
        await handling;
      }
    })().catch((error: unknown) => {
      this.options.onProblem?.('fleet: the help stream stopped', error);
    });
  }

  async stop(): Promise<void> {
    await this.messages?.close().catch(() => undefined);
    await this.settled();
  }

  /** Resolves once every message received so far has been handled (for tests). */
  async settled(): Promise<void> {
    while (this.handled.length > 0) await Promise.allSettled(this.handled.splice(0));
  }

  private async take(message: JsMsg): Promise<void> {
    const machineId = message.subject.split('.')[2] ?? '';
    try {
      const data =
        message.headers?.get('Content-Encoding') === 'gzip'
          ? await gunzipAsync(message.data, { maxOutputLength: MAX_MESSAGE_BYTES })
          : Buffer.from(message.data);
      await this.handle(machineId, JSON.parse(data.toString('utf8')));
      message.ack();
    } catch (error) {
      if (error instanceof SyntaxError || (error as Error).name === 'ZodError') {
        // Never readable: acknowledged, so it does not come back.
        this.options.onProblem?.(`fleet: an unreadable help message from ${machineId}`, error);
        message.ack();
        return;
      }
      this.options.onProblem?.(`fleet: a help message from ${machineId} was not recorded`, error);
      message.nak(5_000);
    }
  }

  /** Records one message an agent published (exported for the concurrency test). */
  async handle(machineId: string, raw: unknown): Promise<HelpOutcome> {
    if (!FleetIdSchema.safeParse(machineId).success) {
      return { kind: 'ignored', reason: 'not an agent subject' };
    }
    const message = AgentHelpMessageSchema.parse(raw);
    if (message.type === 'request') {
      const outcome = await this.request(machineId, message);
      if (outcome.created) {
        await this.toAgent(machineId, {
          type: 'ticket',
          messageId: randomUUID(),
          requestId: message.requestId,
          ticketId: outcome.ticketId,
          sentAt: new Date().toISOString(),
        }).catch((error: unknown) => {
          this.options.onProblem?.('fleet: the agent was not told of its ticket', error);
        });
      }
      return { kind: 'ticket', ...outcome };
    }
    return this.followUp(machineId, message);
  }

  /** An analyst's message to the employee who asked for help on `ticketId`. */
  async send(ticketId: number, body: string, actor: string): Promise<TimelineEntry> {
    const link = await this.db
      .selectFrom('agentHelpRequests')
      .selectAll()
      .where('ticketId', '=', ticketId)
      .orderBy('receivedAt', 'desc')
      .executeTakeFirst();
    if (!link) {
      throw new DesksideError(
        'not_found',
        `Ticket ${ticketId} did not come from an employee's agent`,
      );
    }
    const { deps } = this.options;
    const now = deps.now().toISOString();
    const messageId = randomUUID();
    await this.toAgent(link.machineId, {
      type: 'message',
      messageId,
      requestId: link.requestId,
      ticketId,
      author: actor,
      sentAt: now,
      body,
    });
    return deps.store.write(async (trx, publish) => {
      await trx
        .insertInto('agentHelpMessages')
        .values({
          messageId,
          requestId: link.requestId,
          ticketId,
          direction: 'outbound',
          kind: 'message',
          at: now,
        })
        .execute();
      await noteOnTicket(deps, trx, ticketId, { firstResponse: true, now });
      const [entry] = await appendEntries(trx, deps.store.dialect, ticketId, actor, now, [
        {
          kind: 'chat',
          body,
          data: { direction: 'outbound', channel: 'agent', messageId },
        },
      ]);
      publish({ type: 'ticket.changed', ticketId, at: now });
      return entry!;
    });
  }

  private async toAgent(machineId: string, message: DeskHelpMessage): Promise<void> {
    const { connection } = this.options;
    const consumer = helpQueueConsumer(machineId);
    if (!this.consumers.has(consumer)) {
      // The agent cannot make consumers: the desk makes its one, filtered on its queue.
      await (
        await jetstreamManager(connection, { checkAPI: false })
      ).consumers.add(FLEET_HELP_QUEUE.name, {
        durable_name: consumer,
        filter_subject: fleetSubjects.helpQueue(machineId),
        ack_policy: AckPolicy.Explicit,
        ack_wait: ACK_WAIT_NS,
      });
      this.consumers.add(consumer);
    }
    await jetstream(connection, { checkAPI: false }).publish(
      fleetSubjects.helpQueue(machineId),
      encoder.encode(JSON.stringify(message)),
      { msgID: message.messageId },
    );
  }

  private async request(
    machineId: string,
    message: HelpRequestMessage,
  ): Promise<{ ticketId: number; created: boolean }> {
    const { deps, tickets } = this.options;
    const seen = await this.requestRow(this.db, message.requestId);
    if (seen) return { ticketId: seen.ticketId, created: false };
    const now = deps.now().toISOString();
    const actor = agentActor(machineId);
    try {
      return await deps.store.write(async (trx, publish) => {
        const machine = await trx
          .selectFrom('machines')
          .select(['id', 'name'])
          .where('id', '=', machineId)
          .executeTakeFirst();
        const requesterId = await this.requester(trx, message, machine ?? null, now, publish);
        const ticket = await tickets.insertTicket(
          trx,
          publish,
          CreateTicketInputSchema.parse({
            requesterId,
            channel: 'agent',
            summary: message.form.summary,
            description: message.form.description,
            machineId: machine?.id ?? null,
          }),
          actor,
          now,
        );
        await trx
          .insertInto('agentHelpRequests')
          .values({
            requestId: message.requestId,
            machineId,
            ticketId: ticket.id,
            language: message.language,
            receivedAt: now,
          })
          .execute();
        const inventory = InventorySchema.safeParse(message.inventory);
        const machineName =
          machine?.name ??
          (inventory.success ? inventoryHostname(inventory.data) : null) ??
          `agent ${machineId.slice(0, 8)}`;
        if (inventory.success) {
          await insertEvidence(
            deps,
            trx,
            ticket.id,
            {
              kind: 'inventory',
              machineId,
              machineName,
              transport: 'nats',
              takenAt: message.sentAt,
              content: inventory.data,
            },
            actor,
            now,
          );
        }
        if (message.checks.length > 0) {
          await insertEvidence(
            deps,
            trx,
            ticket.id,
            {
              kind: 'checks',
              machineId,
              machineName,
              transport: 'nats',
              takenAt: message.sentAt,
              content: {
                state: 'done',
                checks: message.checks.map((result) => ({ checkId: result.checkId, params: {} })),
                results: message.checks,
              },
            },
            actor,
            now,
          );
        }
        return { ticketId: ticket.id, created: true };
      });
    } catch (error) {
      // Another console wrote this request meanwhile: its key refused ours, our ticket rolled back.
      const other = await this.requestRow(this.db, message.requestId);
      if (other) return { ticketId: other.ticketId, created: false };
      throw error;
    }
  }

  private requestRow(db: Db, requestId: string) {
    return db
      .selectFrom('agentHelpRequests')
      .selectAll()
      .where('requestId', '=', requestId)
      .executeTakeFirst();
  }

  /** The person with the request's e-mail address, or a new one from the request. */
  private async requester(
    trx: Db,
    message: HelpRequestMessage,
    machine: { id: string; name: string } | null,
    now: string,
    publish: (event: { type: 'people.changed'; ticketId: null; at: string }) => void,
  ): Promise<number> {
    const email = message.form.email.toLowerCase();
    const found = await trx
      .selectFrom('people')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .orderBy('id')
      .executeTakeFirst();
    if (found) return found.id;
    const person = {
      name: message.form.name,
      department: '',
      location: '',
      phone: '',
      email: message.form.email,
      machines: machine ? [{ name: machine.name, machineId: machine.id }] : [],
    };
    const row = await trx
      .insertInto('people')
      .values({
        ...person,
        machines: JSON.stringify(person.machines),
        searchText: personSearchText(person),
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    publish({ type: 'people.changed', ticketId: null, at: now });
    return row.id;
  }

  private async followUp(machineId: string, message: HelpFollowUpMessage): Promise<HelpOutcome> {
    const { lifecycle } = this.options;
    const link = await this.requestRow(this.db, message.requestId);
    // A follow-up of a request this desk never took, or another agent's: ignored.
    if (!link || link.machineId !== machineId) {
      return { kind: 'ignored', reason: 'no such request from this agent' };
    }
    const ticketId = link.ticketId;
    const known = await this.db
      .selectFrom('agentHelpMessages')
      .select('messageId')
      .where('messageId', '=', message.messageId)
      .executeTakeFirst();
    if (known) return { kind: 'follow-up', ticketId, recorded: false };
    const actor = agentActor(machineId);
    const row = await loadTicketRow(this.db, ticketId);
    // "It works now" and the rating use the workflow's own actions when the ticket is
    // resolved (closed, for feedback); before that they are the employee's words on the timeline.
    if (message.type === 'works' && row.status === 'resolved') {
      await lifecycle.verify(
        { id: ticketId, expectedVersion: row.version, outcome: 'confirmed', comment: '' },
        actor,
      );
      await this.recordMessage(message, ticketId, null);
      return { kind: 'follow-up', ticketId, recorded: true };
    }
    if (message.type === 'feedback' && awaitsFeedback(row)) {
      await lifecycle.feedback(
        { id: ticketId, rating: message.rating, comment: message.comment },
        actor,
      );
      await this.recordMessage(message, ticketId, null);
      return { kind: 'follow-up', ticketId, recorded: true };
    }
    const data: Record<string, unknown> = {
      direction: 'inbound',
      channel: 'agent',
      messageId: message.messageId,
      ...(message.type === 'works' ? { works: true } : {}),
      ...(message.type === 'feedback' ? { rating: message.rating } : {}),
    };
    const body =
      message.type === 'reply' ? message.body : message.type === 'feedback' ? message.comment : '';
    await this.recordMessage(message, ticketId, { body, data, actor });
    return { kind: 'follow-up', ticketId, recorded: true };
  }

  /** The message's row, and its timeline entry when there is one, in one transaction. */
  private async recordMessage(
    message: HelpFollowUpMessage,
    ticketId: number,
    entry: { body: string; data: Record<string, unknown>; actor: string } | null,
  ): Promise<void> {
    const { deps } = this.options;
    const now = deps.now().toISOString();
    await deps.store.write(async (trx, publish) => {
      await trx
        .insertInto('agentHelpMessages')
        .values({
          messageId: message.messageId,
          requestId: message.requestId,
          ticketId,
          direction: 'inbound',
          kind: message.type,
          at: now,
        })
        .execute();
      if (entry) {
        await noteOnTicket(deps, trx, ticketId, { now });
        await appendEntries(trx, deps.store.dialect, ticketId, entry.actor, now, [
          { kind: 'chat', body: entry.body, data: entry.data },
        ]);
      }
      publish({ type: 'ticket.changed', ticketId, at: now });
    });
  }
}
