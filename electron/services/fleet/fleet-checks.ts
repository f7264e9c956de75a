/**
 * The console's checks over NATS: one agent (request/reply with a timeout), a selection of
 * agents (scatter-gather with progress, partial results, per-agent timeouts and
 * cancellation), and checks queued in JetStream for agents that are away, whose results are
 * collected later and attached to the ticket they were asked for.
 *
 * A selection is a list of machine ids (each agent's fleet id is its machine id); selections
 * by department, model or tag are resolved by the caller from the desk's data. Leads and
 * administrators ask a selection with one message on the fleet-wide subject; analysts,
 * whose identity may not publish there, with one request per agent.
 */
import { randomUUID } from 'node:crypto';
import {
  AckPolicy,
  jetstream,
  RetentionPolicy,
  jetstreamManager,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { createInbox, type Msg, type NatsConnection } from '@nats-io/transport-node';
import {
  checkQueueConsumer,
  DesksideError,
  FLEET_CHECK_KIND,
  FLEET_CHECK_STREAMS,
  FleetCheckProgressSchema,
  FleetCheckReplySchema,
  FleetIdSchema,
  fleetInboxPrefix,
  fleetSubjects,
  RunChecksRequestSchema,
  type AnalystRole,
  type CheckRequest,
  type CheckRequestInput,
  type CheckRun,
  type CheckRunEvent,
  type FleetCheckReply,
  type FleetCheckRequestInput,
} from '@deskside/core';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** How long a queued check waits for its agent by default (the queue stream's max age). */
export const DEFAULT_QUEUE_MAX_AGE_MS = 7 * 24 * 3_600_000;
export const DEFAULT_AGENT_TIMEOUT_MS = 10_000;

export type FleetAgentState = 'done' | 'refused' | 'timeout' | 'cancelled';

/** What one agent answered (or did not) to a request. */
export interface FleetAgentOutcome {
  agentId: string;
  state: FleetAgentState;
  /** Its results as a run of checks (the shape attached to tickets); null unless `done`. */
  run: CheckRun | null;
  /** Why it refused, for `refused`. */
  refusal: Extract<FleetCheckReply, { type: 'refused' }> | null;
}

export interface FleetScatterResult {
  requestId: string;
  asked: number;
  /** One per agent asked, in the order asked. */
  outcomes: FleetAgentOutcome[];
  cancelled: boolean;
  /** How the request went out: one fleet-wide message, or one request per agent. */
  sentAs: 'fleet' | 'per-agent';
  durationMs: number;
}

export interface FleetScatterProgress {
  requestId: string;
  answered: number;
  asked: number;
  /** The outcome that just arrived. */
  latest: FleetAgentOutcome;
}

export interface ScatterOptions {
  /** How long each agent has to answer (default 10 s). */
  perAgentTimeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: FleetScatterProgress) => void;
  /**
   * The selection is every agent of the fleet: a lead's request then names no targets (each
   * agent reads and checks a list of thousands of ids otherwise). Ignored for analysts.
   */
  everyAgent?: boolean;
  /** Each agent's check events as they run (asks the agents to publish them). */
  onCheckEvent?: (agentId: string, event: CheckRunEvent) => void;
}

export type QueuedCheckState = 'waiting' | 'done' | 'refused' | 'expired';

/** A check waiting in JetStream for an agent that is away, as the analyst follows it. */
export interface QueuedFleetCheck {
  requestId: string;
  agentId: string;
  ticketId: number | null;
  checks: CheckRequest[];
  queuedAt: string;
  expiresAt: string;
  state: QueuedCheckState;
  /** Its results once the agent ran it. */
  run: CheckRun | null;
  /** Why it could not be attached or run, when it could not. */
  problem: string | null;
}

export interface FleetChecksOptions {
  /** The console's connection, made with `fleetInboxPrefix('console', consoleId)`. */
  connection: NatsConnection;
  consoleId: string;
  role: AnalystRole;
  now?: () => Date;
  /** A machine's name for the runs (its id by default). */
  machineName?: (machineId: string) => string;
  /** Attaches a queued check's results to its ticket (`TicketService.attachEvidence`). */
  attach?: (ticketId: number, run: CheckRun) => Promise<void>;
  /** How long queued checks wait (the queue stream's max age; default 7 days). */
  queueMaxAgeMs?: number;
  /**
   * Where queued checks are kept beyond this console's memory (the desk's database): each
   * queued check is added there, a result is settled there at most once whichever console
   * reads it first, and results of checks other consoles queued are settled too.
   */
  store?: QueuedCheckStore;
}

/** The desk's record of queued checks (`QueuedChecks` in queued-checks.ts). */
export interface QueuedCheckStore {
  add(queued: QueuedFleetCheck): Promise<void>;
  /** A check queued by any console, as a waiting or ended `QueuedFleetCheck`; null if unknown. */
  find(requestId: string): Promise<QueuedFleetCheck | null>;
  /** Records its end; false when it was no longer waiting (another console settled it). */
  settle(queued: QueuedFleetCheck): Promise<boolean>;
}

/**
 * Creates the queue and results streams (an administrator's console, once): the queue a
 * work queue (each request removed when its agent acknowledges it) whose max age is how
 * long a queued check waits; the results kept as long.
 */
export async function ensureFleetCheckStreams(
  nc: NatsConnection,
  maxAgeMs = DEFAULT_QUEUE_MAX_AGE_MS,
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const nanos = maxAgeMs * 1_000_000;
  for (const [stream, retention] of [
    [FLEET_CHECK_STREAMS.queue, RetentionPolicy.Workqueue],
    [FLEET_CHECK_STREAMS.results, RetentionPolicy.Limits],
  ] as const) {
    await jsm.streams.add({
      name: stream.name,
      subjects: [...stream.subjects],
      retention,
      max_age: nanos,
      duplicate_window: Math.min(nanos, 120 * 1_000_000_000),
    });
  }
}

export class FleetChecks {
  private readonly nc: NatsConnection;
  private readonly consoleId: string;
  private readonly role: AnalystRole;
  private readonly now: () => Date;
  private readonly machineName: (machineId: string) => string;
  private readonly attach: (ticketId: number, run: CheckRun) => Promise<void>;
  private readonly queueMaxAgeMs: number;
  private readonly store: QueuedCheckStore | null;
  private readonly waiting = new Map<string, QueuedFleetCheck>();
  private readonly consumers = new Set<string>();
  private jsm: JetStreamManager | null = null;

  constructor(options: FleetChecksOptions) {
    this.nc = options.connection;
    this.consoleId = FleetIdSchema.parse(options.consoleId);
    this.role = options.role;
    this.now = options.now ?? (() => new Date());
    this.machineName = options.machineName ?? ((id) => id);
    this.attach = options.attach ?? (() => Promise.resolve());
    this.queueMaxAgeMs = options.queueMaxAgeMs ?? DEFAULT_QUEUE_MAX_AGE_MS;
    this.store = options.store ?? null;
  }

  /** Checks on one agent: its outcome, `timeout` when it did not answer in time. */
  async ask(
    agentId: string,
    checks: readonly CheckRequestInput[],
    options: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<FleetAgentOutcome> {
    const result = await this.scatter([agentId], checks, {
      ...(options.timeoutMs === undefined ? {} : { perAgentTimeoutMs: options.timeoutMs }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return result.outcomes[0]!;
  }

  /**
   * Checks on a selection of agents: every outcome once each agent answered, timed out or
   * the signal aborted (then those still out are `cancelled`, and what came is kept).
   */
  async scatter(
    agentIds: readonly string[],
    checksInput: readonly CheckRequestInput[],
    options: ScatterOptions = {},
  ): Promise<FleetScatterResult> {
    const checks = this.validChecks(checksInput);
    const targets = [...new Set(agentIds.map((id) => FleetIdSchema.parse(id)))];
    if (targets.length === 0) throw new DesksideError('validation', 'Select at least one machine');
    const timeoutMs = options.perAgentTimeoutMs ?? DEFAULT_AGENT_TIMEOUT_MS;
    const requestId = randomUUID();
    const startedAt = this.now();
    const started = performance.now();
    const outcomes = new Map<string, FleetAgentOutcome>();
    const fleetWide = (this.role === 'lead' || this.role === 'admin') && targets.length > 1;
    const inbox = createInbox(fleetInboxPrefix('console', this.consoleId));
    const request: FleetCheckRequestInput = {
      requestId,
      deadline: new Date(startedAt.getTime() + timeoutMs).toISOString(),
      checks,
      ...(fleetWide && !options.everyAgent ? { targets } : {}),
      ...(options.onCheckEvent ? { progress: true } : {}),
    };
    const wanted = new Set(targets);
    let finish: (cancelled: boolean) => void = () => undefined;
    const ended = new Promise<boolean>((resolve) => {
      finish = resolve;
    });
    const record = (outcome: FleetAgentOutcome) => {
      if (outcomes.has(outcome.agentId) || !wanted.has(outcome.agentId)) return;
      outcomes.set(outcome.agentId, outcome);
      options.onProgress?.({
        requestId,
        answered: outcomes.size,
        asked: targets.length,
        latest: outcome,
      });
      if (outcomes.size === targets.length) finish(false);
    };
    const replies = this.nc.subscribe(inbox, {
      callback: (error, msg) => {
        if (error) return;
        const reply = parseReply(msg);
        if (reply?.requestId !== requestId) return;
        record(this.outcomeOf(reply, checks, startedAt));
      },
    });
    const progress = options.onCheckEvent
      ? this.nc.subscribe(fleetSubjects.anyCheckProgress(), {
          callback: (error, msg) => {
            if (error) return;
            const parsed = FleetCheckProgressSchema.safeParse(safeJson(msg.data));
            if (parsed.success && parsed.data.requestId === requestId) {
              options.onCheckEvent?.(parsed.data.agentId, parsed.data.event);
            }
          },
        })
      : null;
    const timer = setTimeout(() => {
      finish(false);
    }, timeoutMs);
    const onAbort = () => {
      finish(true);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (options.signal?.aborted) finish(true);
      else {
        await this.nc.flush();
        const payload = encoder.encode(JSON.stringify(request));
        if (fleetWide) {
          this.nc.publish(fleetSubjects.fleetRequest(FLEET_CHECK_KIND), payload, { reply: inbox });
        } else {
          for (const agentId of targets) {
            this.nc.publish(fleetSubjects.agentRequest(agentId, FLEET_CHECK_KIND), payload, {
              reply: inbox,
            });
          }
        }
      }
      const cancelled = await ended;
      const missing: FleetAgentState = cancelled ? 'cancelled' : 'timeout';
      return {
        requestId,
        asked: targets.length,
        outcomes: targets.map(
          (agentId) =>
            outcomes.get(agentId) ?? { agentId, state: missing, run: null, refusal: null },
        ),
        cancelled,
        sentAs: fleetWide ? 'fleet' : 'per-agent',
        durationMs: Math.round(performance.now() - started),
      };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      replies.unsubscribe();
      progress?.unsubscribe();
    }
  }

  /**
   * Queues checks for an agent that is away: they wait in the queue stream (at most its max
   * age) until the agent connects and takes them; `collectResults` brings the results back
   * and attaches them to `ticketId`.
   */
  async queue(
    agentId: string,
    checksInput: readonly CheckRequestInput[],
    options: { ticketId?: number } = {},
  ): Promise<QueuedFleetCheck> {
    const agent = FleetIdSchema.parse(agentId);
    const checks = this.validChecks(checksInput);
    await this.ensureQueueConsumer(agent);
    const queuedAt = this.now();
    const expiresAt = new Date(queuedAt.getTime() + this.queueMaxAgeMs);
    const requestId = randomUUID();
    const request: FleetCheckRequestInput = {
      requestId,
      deadline: expiresAt.toISOString(),
      checks,
      ...(options.ticketId === undefined ? {} : { ticketId: options.ticketId }),
    };
    const queued: QueuedFleetCheck = {
      requestId,
      agentId: agent,
      ticketId: options.ticketId ?? null,
      checks,
      queuedAt: queuedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      state: 'waiting',
      run: null,
      problem: null,
    };
    // Recorded first: a result can then never arrive for a check the desk does not know.
    await this.store?.add(queued);
    await jetstream(this.nc, { checkAPI: false }).publish(
      fleetSubjects.queuedCheck(agent),
      JSON.stringify(request),
      { msgID: requestId },
    );
    this.waiting.set(requestId, queued);
    return queued;
  }

  /**
   * Asks an agent; when it does not answer in time, queues the same checks for it (the
   * analyst sees them waiting in `queued()`).
   */
  async askOrQueue(
    agentId: string,
    checks: readonly CheckRequestInput[],
    options: { timeoutMs?: number; ticketId?: number; signal?: AbortSignal } = {},
  ): Promise<{ outcome: FleetAgentOutcome; queued: QueuedFleetCheck | null }> {
    const outcome = await this.ask(agentId, checks, options);
    if (outcome.state !== 'timeout') return { outcome, queued: null };
    return {
      outcome,
      queued: await this.queue(
        agentId,
        checks,
        options.ticketId === undefined ? {} : { ticketId: options.ticketId },
      ),
    };
  }

  /** The checks this console queued, newest first, waiting or ended (the status the analyst sees). */
  queued(): QueuedFleetCheck[] {
    const nowMs = this.now().getTime();
    for (const item of this.waiting.values()) {
      if (item.state === 'waiting' && Date.parse(item.expiresAt) <= nowMs) item.state = 'expired';
    }
    return [...this.waiting.values()].reverse().map((item) => ({ ...item }));
  }

  /**
   * Reads the results agents published for queued checks (this console's own durable
   * consumer of the results stream), attaches each of this console's to its ticket and
   * returns how many of its own it settled.
   */
  async collectResults(options: { max?: number } = {}): Promise<number> {
    const stream = FLEET_CHECK_STREAMS.results.name;
    const consumer = `results-${this.consoleId}`;
    if (!this.consumers.has(consumer)) {
      await (
        await this.manager()
      ).consumers.add(stream, { durable_name: consumer, ack_policy: AckPolicy.Explicit });
      this.consumers.add(consumer);
    }
    const messages = await (
      await jetstream(this.nc, { checkAPI: false }).consumers.get(stream, consumer)
    ).fetch({ max_messages: options.max ?? 256, expires: 1_000 });
    let settled = 0;
    for await (const msg of messages) {
      const reply = FleetCheckReplySchema.safeParse(safeJson(msg.data));
      const requestId = reply.success ? reply.data.requestId : null;
      // This console's own, or (with a store) one another console queued.
      const queued = requestId
        ? (this.waiting.get(requestId) ?? (await this.store?.find(requestId)) ?? undefined)
        : undefined;
      if (reply.success && queued?.state === 'waiting' && (await this.settle(queued, reply.data))) {
        settled++;
      }
      // Another console's (or an unknown) result is acknowledged too: this console's
      // consumer has no use for it, and every console reads the stream through its own.
      msg.ack();
    }
    return settled;
  }

  /** Ends a waiting check with its agent's reply; false when another console ended it first. */
  private async settle(queued: QueuedFleetCheck, reply: FleetCheckReply): Promise<boolean> {
    if (reply.type === 'refused') {
      queued.state = reply.code === 'expired' ? 'expired' : 'refused';
      queued.problem = reply.message;
      return this.store ? this.store.settle(queued) : true;
    }
    const run = this.outcomeOf(reply, queued.checks, new Date(reply.startedAt)).run!;
    queued.run = run;
    queued.state = 'done';
    if (this.store && !(await this.store.settle(queued))) return false;
    if (queued.ticketId !== null) {
      try {
        await this.attach(queued.ticketId, run);
      } catch (error) {
        queued.problem = `The results could not be attached: ${(error as Error).message}`;
      }
    }
    return true;
  }

  private async manager(): Promise<JetStreamManager> {
    this.jsm ??= await jetstreamManager(this.nc, { checkAPI: false });
    return this.jsm;
  }

  private async ensureQueueConsumer(agentId: string): Promise<void> {
    const name = checkQueueConsumer(agentId);
    if (this.consumers.has(name)) return;
    await (
      await this.manager()
    ).consumers.add(FLEET_CHECK_STREAMS.queue.name, {
      durable_name: name,
      filter_subject: fleetSubjects.queuedCheck(agentId),
      ack_policy: AckPolicy.Explicit,
      // An agent that takes a check and dies before answering gets it again later.
      ack_wait: 5 * 60 * 1_000_000_000,
    });
    this.consumers.add(name);
  }

  private validChecks(checks: readonly CheckRequestInput[]): CheckRequest[] {
    const parsed = RunChecksRequestSchema.safeParse({ checks });
    if (!parsed.success) {
      throw new DesksideError(
        'validation',
        `Invalid checks: ${parsed.error.issues[0]?.message ?? 'malformed'}`,
        parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      );
    }
    return parsed.data.checks;
  }

  private outcomeOf(
    reply: FleetCheckReply,
    checks: readonly CheckRequest[],
    startedAt: Date,
  ): FleetAgentOutcome {
    if (reply.type === 'refused') {
      return { agentId: reply.agentId, state: 'refused', run: null, refusal: reply };
    }
    const run: CheckRun = {
      runId: randomUUID(),
      machineId: reply.agentId,
      machineName: this.machineName(reply.agentId),
      transport: 'nats',
      startedAt: startedAt.toISOString(),
      finishedAt: reply.finishedAt,
      state: 'done',
      version: checks.length + 1,
      checks: checks.map((check, index) => ({
        checkId: check.checkId,
        params: check.params,
        state: 'done',
        result: reply.results[index] ?? null,
      })),
      error: null,
    };
    return { agentId: reply.agentId, state: 'done', run, refusal: null };
  }
}

function safeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(data));
  } catch {
    return null;
  }
}

function parseReply(msg: Msg): FleetCheckReply | null {
  const parsed = FleetCheckReplySchema.safeParse(safeJson(msg.data));
  return parsed.success ? parsed.data : null;
}
