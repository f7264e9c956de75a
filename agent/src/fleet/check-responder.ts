/**
 * Answers checks asked over NATS: the agent's own check requests and the fleet-wide ones
 * (those naming it, or every agent), and the checks queued for it while it was away. Takes a
 * connection made elsewhere (`connectFleet`) and the agent's check runner; runs only what
 * the catalog offers the console to run on an agent (read-only checks, as over HTTPS).
 *
 * Every request is validated with core's schema first; anything malformed, past its
 * deadline or seen before is refused with a clear reply and nothing runs. Request ids seen
 * are remembered in a bounded set (the oldest forgotten first).
 */
import {
  checkCatalog,
  checkQueueConsumer,
  FLEET_CHECK_KIND,
  FLEET_CHECK_STREAMS,
  FleetCheckRequestSchema,
  fleetSubjects,
  runsOver,
  type CheckDefinition,
  type FleetCheckProgress,
  type FleetCheckRefusalCode,
  type FleetCheckReply,
  type FleetCheckRequest,
} from '@deskside/core';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { CheckRunner } from '../checks/runner';

/** Request ids remembered, so a request delivered twice (queue and direct, say) runs once. */
export const DEFAULT_REMEMBERED_REQUESTS = 4096;
/** How long a fetch from the agent's queue waits for the server's answer. */
const QUEUE_FETCH_TIMEOUT_MS = 5_000;

export interface CheckResponderOptions {
  connection: NatsConnection;
  agentId: string;
  runner: CheckRunner;
  /** Request ids remembered (default 4096). */
  remember?: number;
  now?: () => Date;
  /** Where a failure outside any request is reported (a reply that could not be sent). */
  onError?: (error: unknown) => void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The checks an agent runs for a console: those it would run over HTTPS (or over NATS). */
function offeredToConsoles(definition: CheckDefinition): boolean {
  return runsOver(definition, 'agent-https') || runsOver(definition, 'nats');
}

/** A fleet-wide request that names other agents: this one stays silent. */
class NotForThisAgent extends Error {}

class Refusal extends Error {
  constructor(
    readonly code: FleetCheckRefusalCode,
    message: string,
    readonly requestId: string | null,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export class CheckResponder {
  private readonly nc: NatsConnection;
  private readonly agentId: string;
  private readonly runner: CheckRunner;
  private readonly limit: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  private readonly seen = new Set<string>();
  private readonly subscriptions: Subscription[] = [];
  private readonly running = new Set<AbortController>();
  /** Replies of runs their deadline stopped (published for queued checks, not answered live). */
  private readonly cutShort = new WeakSet<FleetCheckReply>();
  /** Checks that ran, in total (tests and status). */
  ran = 0;

  constructor(options: CheckResponderOptions) {
    this.nc = options.connection;
    this.agentId = options.agentId;
    this.runner = options.runner;
    this.limit = options.remember ?? DEFAULT_REMEMBERED_REQUESTS;
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => undefined);
  }

  /** Subscribes to its own and the fleet-wide check requests; resolves once the server has them. */
  async start(): Promise<void> {
    for (const subject of [
      fleetSubjects.agentRequest(this.agentId, FLEET_CHECK_KIND),
      fleetSubjects.fleetRequest(FLEET_CHECK_KIND),
    ]) {
      this.subscriptions.push(
        this.nc.subscribe(subject, {
          callback: (error, msg) => {
            if (!error) this.answer(msg).catch(this.onError);
          },
        }),
      );
    }
    await this.nc.flush();
  }

  /**
   * Runs the checks queued for this agent while it was away, one at a time until the queue
   * is empty, publishing each result to the results stream; resolves with how many it took.
   */
  async drainQueue(): Promise<number> {
    const stream = FLEET_CHECK_STREAMS.queue.name;
    const consumer = checkQueueConsumer(this.agentId);
    if (!(await this.hasQueue(stream, consumer))) return 0;
    let taken = 0;
    for (;;) {
      let msg: Msg;
      try {
        msg = await this.nc.request(
          `$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
          encoder.encode(JSON.stringify({ batch: 1, no_wait: true })),
          // JetStream delivers under the message's own subject, not the inbox's: a request
          // of its own (no muxed inbox) takes it.
          { timeout: QUEUE_FETCH_TIMEOUT_MS, noMux: true },
        );
      } catch (error) {
        // The consumer went away meanwhile: nothing more to take.
        if (/no responders/i.test((error as Error).message)) return taken;
        throw error;
      }
      // A status instead of a message: 404 (empty) or 408 (request expired).
      if (msg.headers && msg.headers.code >= 400) return taken;
      taken++;
      const reply = await this.handle(msg.data);
      if (reply) await this.publishResult(reply);
      // Acknowledged once the results stream holds its result: a crash in between runs it
      // again, and the request id keeps it from running twice while this agent lives.
      if (msg.reply) this.nc.publish(msg.reply, encoder.encode('+ACK'));
    }
  }

  /**
   * Whether a console ever queued checks for this agent (its consumer exists). A fetch from a
   * consumer that does not exist goes unanswered, so this is asked first.
   */
  private async hasQueue(stream: string, consumer: string): Promise<boolean> {
    try {
      const info = await this.nc.request(`$JS.API.CONSUMER.INFO.${stream}.${consumer}`, undefined, {
        timeout: QUEUE_FETCH_TIMEOUT_MS,
      });
      const answer = JSON.parse(decoder.decode(info.data)) as { error?: { code?: number } };
      if (answer.error?.code === 404) return false;
      if (answer.error)
        throw new Error(
          `The server refused to look up the check queue (${JSON.stringify(answer.error)})`,
        );
      return true;
    } catch (error) {
      // No JetStream (or no queue stream) on this server: no queued checks.
      if (/no responders/i.test((error as Error).message)) return false;
      throw error;
    }
  }

  /** Stops listening and aborts what is running. */
  async stop(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    for (const controller of this.running) controller.abort();
    await this.nc.flush().catch(() => undefined);
  }

  /** Publishes a queued check's reply to the results stream and waits until it is stored. */
  private async publishResult(reply: FleetCheckReply): Promise<void> {
    const ack = await this.nc.request(
      fleetSubjects.checkResult(this.agentId),
      encoder.encode(JSON.stringify(reply)),
      { timeout: QUEUE_FETCH_TIMEOUT_MS },
    );
    const stored = JSON.parse(decoder.decode(ack.data)) as { error?: unknown; seq?: number };
    if (stored.error !== undefined || typeof stored.seq !== 'number') {
      throw new Error(`The results stream did not store the results (${decoder.decode(ack.data)})`);
    }
  }

  private async answer(msg: Msg): Promise<void> {
    const reply = await this.handle(msg.data);
    // A run its deadline cut short is not answered: the console stopped waiting by then.
    if (!reply || !msg.reply || this.cutShort.has(reply)) return;
    try {
      msg.respond(encoder.encode(JSON.stringify(reply)));
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * Validates and runs one request. Null when it is not for this agent (a fleet-wide
   * request naming others).
   */
  private async handle(data: Uint8Array): Promise<FleetCheckReply | null> {
    let request: FleetCheckRequest;
    try {
      request = this.accept(data);
    } catch (error) {
      if (error instanceof Refusal) return this.refusal(error);
      if (error instanceof NotForThisAgent) return null;
      throw error;
    }
    return this.run(request);
  }

  private refusal(error: Refusal): FleetCheckReply {
    return {
      type: 'refused',
      requestId: error.requestId,
      agentId: this.agentId,
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    };
  }

  private accept(data: Uint8Array): FleetCheckRequest {
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(data));
    } catch {
      throw new Refusal('invalid', 'The request is not JSON', null);
    }
    const parsed = FleetCheckRequestSchema.safeParse(raw);
    const claimedId =
      typeof raw === 'object' &&
      raw !== null &&
      typeof (raw as { requestId?: unknown }).requestId === 'string'
        ? (raw as { requestId: string }).requestId
        : null;
    if (!parsed.success) {
      throw new Refusal(
        'invalid',
        'The request is malformed; nothing was run',
        claimedId,
        parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      );
    }
    const request = parsed.data;
    if (request.targets && !request.targets.includes(this.agentId)) throw new NotForThisAgent();
    const refused = request.checks.find(
      (check) => !offeredToConsoles(checkCatalog[check.checkId] as CheckDefinition),
    );
    if (refused) {
      throw new Refusal(
        'invalid',
        `${refused.checkId} is not offered to consoles on an agent; nothing was run`,
        request.requestId,
      );
    }
    if (Date.parse(request.deadline) <= this.now().getTime()) {
      throw new Refusal(
        'expired',
        'The request is past its deadline; nothing was run',
        request.requestId,
      );
    }
    if (this.seen.has(request.requestId)) {
      throw new Refusal(
        'duplicate',
        'This request already ran here; it is not run twice',
        request.requestId,
      );
    }
    this.remember(request.requestId);
    return request;
  }

  private remember(requestId: string): void {
    this.seen.add(requestId);
    while (this.seen.size > this.limit) {
      const oldest = this.seen.values().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
  }

  private async run(request: FleetCheckRequest): Promise<FleetCheckReply> {
    const controller = new AbortController();
    const stopAt = setTimeout(
      () => {
        controller.abort();
      },
      Math.max(0, Date.parse(request.deadline) - this.now().getTime()),
    );
    this.running.add(controller);
    const startedAt = this.now().toISOString();
    try {
      const results = await this.runner.run(request.checks, {
        signal: controller.signal,
        ...(request.progress
          ? {
              onEvent: (event) => {
                const progress: FleetCheckProgress = {
                  requestId: request.requestId,
                  agentId: this.agentId,
                  event,
                };
                this.nc.publish(
                  fleetSubjects.checkProgress(this.agentId),
                  encoder.encode(JSON.stringify(progress)),
                );
              },
            }
          : {}),
      });
      this.ran += results.length;
      if (controller.signal.aborted && this.running.has(controller)) {
        // Cut short by its deadline: whoever asked has stopped waiting for these results.
        const late = this.refusal(
          new Refusal(
            'expired',
            "The checks ran past the request's deadline and were stopped",
            request.requestId,
          ),
        );
        this.cutShort.add(late);
        return late;
      }
      return {
        type: 'results',
        requestId: request.requestId,
        agentId: this.agentId,
        startedAt,
        finishedAt: this.now().toISOString(),
        results,
        ...(request.ticketId === undefined ? {} : { ticketId: request.ticketId }),
      };
    } finally {
      clearTimeout(stopAt);
      this.running.delete(controller);
    }
  }
}
