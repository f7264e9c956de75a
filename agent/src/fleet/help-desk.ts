/**
 * Help from this computer over the fleet's NATS connection: the employee's requests (with the
 * inventory and a few quick checks' results) and answers go out on the agent's help subject,
 * into `DESKSIDE_HELP`, each only taken off the pending list once the server stored it (a
 * message id lets the stream drop a repeat after a reconnect); the desk's answers are taken
 * from the agent's own consumer of `DESKSIDE_HELP_QUEUE`, which holds them while the agent
 * is away. Everything is kept in the data folder (`HelpStore`).
 */
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { headers, type Msg, type NatsConnection } from '@nats-io/transport-node';
import {
  FLEET_HELP_QUEUE,
  HELP_GZIP_ABOVE_BYTES,
  HelpFormSchema,
  HelpRequestMessageSchema,
  fleetSubjects,
  helpQueueConsumer,
  type AgentHelpMessage,
  type CheckResult,
  type HelpFormInput,
  type HelpFollowUpMessage,
} from '@deskside/core';
import type { AgentLogger } from '../log';
import type { HelpStore, HelpLanguage } from './help-store';

const gzipAsync = promisify(gzip);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const REQUEST_TIMEOUT_MS = 10_000;
/** Room left in a message for its headers and the protocol around it. */
const MESSAGE_OVERHEAD_BYTES = 4_096;

type FollowUpInput =
  | { type: 'reply'; body: string }
  | { type: 'works' }
  | { type: 'feedback'; rating: number; comment: string };

export interface AgentHelpDeskOptions {
  store: HelpStore;
  logger: AgentLogger;
  /** The inventory document as the agent serves it. */
  inventory: () => Promise<Uint8Array>;
  /** The quick read-only checks run with each request. */
  quickChecks: () => Promise<CheckResult[]>;
  /** How often the desk's answers and the outbox are looked at. */
  pollMs: number;
}

export class AgentHelpDesk {
  private connection: NatsConnection | null = null;
  private agentId: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private working: Promise<void> = Promise.resolve();

  constructor(private readonly options: AgentHelpDeskOptions) {}

  get store(): HelpStore {
    return this.options.store;
  }

  /** Starts taking the outbox in (also before any connection), then sends and polls. */
  start(): void {
    this.timer = setInterval(() => {
      void this.kick();
    }, this.options.pollMs);
    this.timer.unref();
    void this.kick();
  }

  /** The fleet connection is up (first time or again): send what waits, take what came. */
  connected(connection: NatsConnection, agentId: string): void {
    this.connection = connection;
    this.agentId = agentId;
    void this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.working;
  }

  /** A new request: its checks and inventory taken now, then sent when connected. */
  async submit(input: HelpFormInput, language: HelpLanguage): Promise<string> {
    const requestId = await this.record(input, language);
    void this.kick();
    return requestId;
  }

  private async record(input: HelpFormInput, language: HelpLanguage): Promise<string> {
    const form = HelpFormSchema.parse(input);
    const [checks, inventory] = await Promise.all([
      this.options.quickChecks().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'help: the quick checks failed');
        return [] as CheckResult[];
      }),
      this.options
        .inventory()
        .then((bytes) => JSON.parse(decoder.decode(bytes)) as unknown)
        .catch((error: unknown) => {
          this.options.logger.warn({ err: error }, 'help: no inventory for the request');
          return null;
        }),
    ]);
    const message = HelpRequestMessageSchema.parse({
      type: 'request',
      requestId: randomUUID(),
      sentAt: new Date().toISOString(),
      form,
      language,
      inventory,
      checks,
    });
    await this.store.addRequest(message, form, language);
    this.options.logger.info({ requestId: message.requestId }, 'help: request recorded');
    return message.requestId;
  }

  /** The employee's answer, "it works now" or feedback on a request. */
  async followUp(requestId: string, input: FollowUpInput): Promise<void> {
    const base = { messageId: randomUUID(), requestId, sentAt: new Date().toISOString() };
    const message: HelpFollowUpMessage =
      input.type === 'reply'
        ? { ...base, type: 'reply', body: input.body }
        : input.type === 'works'
          ? { ...base, type: 'works' }
          : { ...base, type: 'feedback', rating: input.rating, comment: input.comment };
    await this.store.addFollowUp(message);
    void this.kick();
  }

  /** Runs one round (outbox, send, take) after the one under way; resolves when done. */
  kick(): Promise<void> {
    this.working = this.working.then(() => this.round());
    return this.working;
  }

  private async round(): Promise<void> {
    const { logger } = this.options;
    try {
      await this.store.takeOutbox(
        async (request) => {
          await this.record(request.form, request.language);
        },
        (file, error) => {
          logger.warn(
            { err: error, file },
            'help: an unreadable request in the outbox was dropped',
          );
        },
      );
      const connection = this.connection;
      if (!connection || connection.isClosed() || !this.agentId) return;
      for (const message of [...this.store.pending()]) {
        await this.publish(connection, this.agentId, message);
        await this.store.sent(message);
      }
      await this.takeAnswers(connection, this.agentId);
    } catch (error) {
      logger.warn({ err: error }, 'help: not sent yet; trying again shortly');
    }
  }

  /** Publishes one message and waits for the stream to store it. */
  private async publish(
    connection: NatsConnection,
    agentId: string,
    message: AgentHelpMessage,
  ): Promise<void> {
    let data: Uint8Array = encoder.encode(JSON.stringify(message));
    const h = headers();
    h.set('Nats-Msg-Id', message.type === 'request' ? message.requestId : message.messageId);
    if (data.length > HELP_GZIP_ABOVE_BYTES) {
      data = await gzipAsync(data);
      h.set('Content-Encoding', 'gzip');
      if (
        data.length + MESSAGE_OVERHEAD_BYTES > connection.info!.max_payload &&
        message.type === 'request'
      ) {
        this.options.logger.warn(
          { gzipBytes: data.length },
          'help: the inventory is too large for one message; the request goes without it',
        );
        return this.publish(connection, agentId, { ...message, inventory: null });
      }
    }
    const ack = await connection.request(fleetSubjects.help(agentId), data, {
      timeout: REQUEST_TIMEOUT_MS,
      headers: h,
    });
    const stored = JSON.parse(decoder.decode(ack.data)) as { error?: unknown; seq?: number };
    if (stored.error !== undefined || typeof stored.seq !== 'number') {
      throw new Error(`The help stream did not store the message (${decoder.decode(ack.data)})`);
    }
  }

  /** Takes the desk's answers from this agent's own consumer, one at a time. */
  private async takeAnswers(connection: NatsConnection, agentId: string): Promise<void> {
    const stream = FLEET_HELP_QUEUE.name;
    const consumer = helpQueueConsumer(agentId);
    const info = await connection.request(
      `$JS.API.CONSUMER.INFO.${stream}.${consumer}`,
      undefined,
      { timeout: REQUEST_TIMEOUT_MS },
    );
    const answer = JSON.parse(decoder.decode(info.data)) as { error?: { code?: number } };
    // No answer for this agent yet: the desk makes the consumer when it first writes.
    if (answer.error?.code === 404) return;
    if (answer.error) throw new Error(`The help queue refused (${JSON.stringify(answer.error)})`);
    for (;;) {
      let msg: Msg;
      try {
        msg = await connection.request(
          `$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
          encoder.encode(JSON.stringify({ batch: 1, no_wait: true })),
          { timeout: REQUEST_TIMEOUT_MS, noMux: true },
        );
      } catch (error) {
        if (/no responders/i.test((error as Error).message)) return;
        throw error;
      }
      if (msg.headers && msg.headers.code >= 400) return;
      try {
        if (await this.store.fromDesk(JSON.parse(decoder.decode(msg.data)))) {
          this.options.logger.info({}, 'help: a message from the desk');
        }
      } catch (error) {
        this.options.logger.warn({ err: error }, 'help: an unreadable message from the desk');
      }
      if (msg.reply) connection.publish(msg.reply, encoder.encode('+ACK'));
    }
  }
}
