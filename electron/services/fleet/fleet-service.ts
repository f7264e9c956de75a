/**
 * The console's fleet mode: a FleetLink made from the settings' `fleet` (none without it),
 * made again when those settings change, its changes of presence sent to this console's
 * windows as `fleet.presence` events. A link that cannot be made (server away, bad file) is
 * logged and tried again after a while; the rest of the console does not wait for it.
 *
 * Beside the link, on its connection, a `FleetChecks` (the console id and role of the
 * console's credentials) for checks over NATS: asked of an online machine, queued for one that
 * is away (kept in the desk's database, `QueuedChecks`), and scatter-gathers over a selection.
 * While linked, the results of queued checks are collected every few seconds, settled once
 * whichever console reads them first, and attached to their tickets by the queuing analyst's
 * console.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  DesksideError,
  FleetRunChecksInputSchema,
  type CheckRun,
  FleetScatterStartInputSchema,
  type FleetAgentOutcome as WireOutcome,
  type FleetChecksEvent,
  type FleetLinkSettings,
  type FleetMachinePresence,
  type FleetPresenceEvent,
  type FleetQueuedCheck,
  type FleetQueuedChecksRequest,
  type FleetRunChecksInput,
  type FleetRunChecksResult,
  type FleetScatter,
  type FleetScatterEvent,
  type FleetScatterStartInput,
  type FleetSelection,
  type TimelineEntry,
} from '@deskside/core';
import type { Logger } from 'pino';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { toPerson } from '../people/people-service';
import { FleetChecks, type FleetAgentOutcome } from './fleet-checks';
import { FleetLink, type FleetLinkOptions } from './fleet-link';
import { QueuedChecks } from './queued-checks';
import { loadFleetPresence, storedAsPresence } from './fleet-presence-store';

const RETRY_MS = 30_000;
/** How often a linked console reads the results of queued checks. */
const COLLECT_EVERY_MS = 3_000;
/** Scatter-gathers kept for `machines.fleetScatter` after they ended. */
const KEPT_SCATTERS = 20;

export type FleetServiceEvent = FleetPresenceEvent | FleetChecksEvent | FleetScatterEvent;

export interface FleetServiceOptions extends Omit<FleetLinkOptions, 'onProblem'> {
  emit: (event: FleetServiceEvent) => void;
  logger: Logger;
  /** The desk's store and workflow (queued checks, evidence on tickets). */
  deps: WorkflowDeps;
  /** The analyst of this console (who queues; whose queued results this console attaches). */
  actor: string;
  collectEveryMs?: number;
  /** Keeps a run answered over NATS where runs are attached from (`CheckRunService.keep`). */
  keepRun?: (run: CheckRun) => void;
  /** How long a queued check waits for its agent (default: the queue stream's, 7 days). */
  queueMaxAgeMs?: number;
}

interface RunningScatter {
  status: FleetScatter;
  controller: AbortController;
}

export class FleetService {
  private link: FleetLink | null = null;
  private checks: FleetChecks | null = null;
  private settings: FleetLinkSettings | null = null;
  private starting: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private collector: NodeJS.Timeout | undefined;
  private collecting: Promise<void> = Promise.resolve();
  private generation = 0;
  private readonly names = new Map<string, string>();
  private readonly scatters = new Map<string, RunningScatter>();
  readonly queued: QueuedChecks;

  constructor(private readonly options: FleetServiceOptions) {
    this.queued = new QueuedChecks(options.deps, options.actor);
  }

  /** Uses `settings` from now on (null: fleet mode off); nothing happens when unchanged. */
  apply(settings: FleetLinkSettings | null): Promise<void> {
    if (isDeepStrictEqual(settings, this.settings)) return this.starting;
    this.settings = settings;
    const generation = ++this.generation;
    this.starting = this.starting.then(() => this.restart(generation));
    return this.starting;
  }

  /** Linked to the fleet now (checks over NATS can be asked). */
  get linked(): boolean {
    return this.checks !== null;
  }

  /**
   * The link's view; without a link (fleet mode off here, or not linked yet) what the desk
   * keeps, which other consoles of the desk write.
   */
  async presence(): Promise<FleetMachinePresence[]> {
    if (this.link) return this.link.presence();
    return storedAsPresence(await loadFleetPresence(this.options.db));
  }

  /** An analyst's message to the employee whose agent asked for help on `ticketId`. */
  async messageAgent(ticketId: number, body: string, actor: string): Promise<TimelineEntry> {
    await this.starting;
    const help = this.link?.help();
    if (!help) {
      throw new DesksideError(
        'conflict',
        'This console is not linked to the fleet: the message cannot reach the agent now',
      );
    }
    return help.send(ticketId, body, actor);
  }

  /** The checks queued for a machine or a ticket (from the desk's database, linked or not). */
  queuedChecks(request: FleetQueuedChecksRequest): Promise<FleetQueuedCheck[]> {
    return this.queued.list(request);
  }

  /**
   * Checks on one fleet machine: asked when it is online (the answer, or its refusal), queued
   * when it is away or does not answer in time (with the ticket, when run from one).
   */
  async runChecks(input: FleetRunChecksInput): Promise<FleetRunChecksResult> {
    const { machineId, checks, ticketId, timeoutMs } = FleetRunChecksInputSchema.parse(input);
    const fleet = this.requireChecks();
    await this.learnNames([machineId]);
    if (!this.names.has(machineId)) {
      throw new DesksideError('not_found', `Machine ${machineId} is not one of the desk's`);
    }
    if (this.link?.presenceOf(machineId)?.online) {
      const outcome = await fleet.ask(machineId, checks, {
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
      if (outcome.state !== 'timeout') {
        if (outcome.run) this.options.keepRun?.(outcome.run);
        return { via: 'asked', outcome: toWire(outcome) };
      }
    }
    const queued = await fleet.queue(machineId, checks, ticketId === undefined ? {} : { ticketId });
    const stored = await this.queued.get(queued.requestId);
    if (!stored) throw new Error(`Queued check ${queued.requestId} was not recorded`);
    return { via: 'queued', queued: stored };
  }

  /** Starts a scatter-gather over `selection`; it runs on, followed by `scatter(id)`. */
  async startScatter(input: FleetScatterStartInput): Promise<FleetScatter> {
    const { selection, checks, perAgentTimeoutMs } = FleetScatterStartInputSchema.parse(input);
    const fleet = this.requireChecks();
    const machineIds = await this.select(selection);
    if (machineIds.length === 0) {
      throw new DesksideError('validation', 'No fleet machine matches this selection');
    }
    const id = randomUUID();
    const controller = new AbortController();
    const entry: RunningScatter = {
      controller,
      status: {
        id,
        state: 'running',
        selection,
        machineIds,
        outcomes: [],
        startedAt: new Date().toISOString(),
        durationMs: null,
      },
    };
    this.scatters.set(id, entry);
    this.forgetOldScatters();
    const announce = () => {
      this.options.emit({ type: 'fleet.scatter', scatterId: id, at: new Date().toISOString() });
    };
    void fleet
      .scatter(machineIds, checks, {
        ...(perAgentTimeoutMs === undefined ? {} : { perAgentTimeoutMs }),
        signal: controller.signal,
        everyAgent: selection.kind === 'all',
        onProgress: ({ latest }) => {
          entry.status = { ...entry.status, outcomes: [...entry.status.outcomes, toWire(latest)] };
          announce();
        },
      })
      .then(
        (result) => {
          entry.status = {
            ...entry.status,
            state: result.cancelled ? 'cancelled' : 'done',
            outcomes: result.outcomes.map(toWire),
            durationMs: result.durationMs,
          };
        },
        (error: unknown) => {
          this.options.logger.warn({ err: error }, 'fleet: a scatter-gather failed');
          entry.status = {
            ...entry.status,
            state: 'cancelled',
            durationMs: Date.now() - Date.parse(entry.status.startedAt),
          };
        },
      )
      .finally(announce);
    return entry.status;
  }

  scatter(id: string): FleetScatter {
    const entry = this.scatters.get(id);
    if (!entry) throw new DesksideError('not_found', `No scatter-gather ${id}`);
    return entry.status;
  }

  /** Stops waiting for the agents still out; answers the scatter-gather as it stands. */
  cancelScatter(id: string): FleetScatter {
    const entry = this.scatters.get(id);
    if (!entry) throw new DesksideError('not_found', `No scatter-gather ${id}`);
    entry.controller.abort();
    return entry.status;
  }

  /** Reads the results of queued checks now (the collector does it every few seconds). */
  collect(): Promise<void> {
    this.collecting = this.collecting.then(() => this.collectOnce());
    return this.collecting;
  }

  async close(): Promise<void> {
    this.generation++;
    clearTimeout(this.retry);
    clearTimeout(this.collector);
    for (const { controller } of this.scatters.values()) controller.abort();
    await this.starting;
    await this.collecting;
    await this.link?.stop();
    this.link = null;
    this.checks = null;
  }

  private requireChecks(): FleetChecks {
    if (!this.checks) {
      throw new DesksideError(
        'machine_unreachable',
        'This console is not linked to the fleet (Settings → Agents → Fleet)',
      );
    }
    return this.checks;
  }

  /** The fleet machines (seen by the link) of a selection, in name order. */
  private async select(selection: FleetSelection): Promise<string[]> {
    const known = new Set((this.link?.presence() ?? []).map((p) => p.machineId));
    const db = this.options.db;
    let ids: string[];
    switch (selection.kind) {
      case 'all':
        ids = [...known];
        break;
      case 'department': {
        const people = await db
          .selectFrom('people')
          .selectAll()
          .where('department', '=', selection.department)
          .execute();
        ids = people.flatMap((row) =>
          toPerson(row).machines.flatMap((machine) => machine.machineId ?? []),
        );
        break;
      }
      case 'model': {
        const rows = await db
          .selectFrom('machineProfiles')
          .select('machineId')
          .where('model', '=', selection.model)
          .execute();
        ids = rows.map((row) => row.machineId);
        break;
      }
      case 'tag': {
        const rows = await db
          .selectFrom('machines')
          .select('id')
          .where('name', 'like', `${selection.tag.replace(/[%_\\]/g, '')}%`)
          .execute();
        ids = rows.map((row) => row.id);
        break;
      }
    }
    const chosen = [...new Set(ids)].filter((id) => known.has(id));
    await this.learnNames(chosen);
    return chosen.sort((a, b) => (this.names.get(a) ?? a).localeCompare(this.names.get(b) ?? b));
  }

  private async learnNames(machineIds: readonly string[]): Promise<void> {
    const missing = machineIds.filter((id) => !this.names.has(id));
    if (missing.length === 0) return;
    const rows = await this.options.db
      .selectFrom('machines')
      .select(['id', 'name'])
      .where('id', 'in', missing)
      .execute();
    for (const row of rows) this.names.set(row.id, row.name);
  }

  private forgetOldScatters(): void {
    for (const [id, entry] of this.scatters) {
      if (this.scatters.size <= KEPT_SCATTERS) break;
      if (entry.status.state !== 'running') this.scatters.delete(id);
    }
  }

  private async collectOnce(): Promise<void> {
    const { logger, emit } = this.options;
    try {
      const settled = this.checks ? await this.checks.collectResults() : 0;
      const attached = await this.queued.attachPending();
      const expired = await this.queued.expireDue();
      if (settled > 0 || attached.length > 0 || expired.length > 0) {
        emit({ type: 'fleet.checks', machineIds: expired, at: new Date().toISOString() });
      }
    } catch (error) {
      logger.warn({ err: error }, 'fleet: the results of queued checks could not be read');
    }
  }

  private startCollecting(generation: number): void {
    const every = this.options.collectEveryMs ?? COLLECT_EVERY_MS;
    const tick = () => {
      if (generation !== this.generation) return;
      void this.collect().finally(() => {
        if (generation !== this.generation) return;
        this.collector = setTimeout(tick, every);
        this.collector.unref();
      });
    };
    tick();
  }

  private async restart(generation: number): Promise<void> {
    clearTimeout(this.retry);
    clearTimeout(this.collector);
    const { logger, emit } = this.options;
    const old = this.link;
    this.link = null;
    this.checks = null;
    if (old) {
      await this.collecting;
      await old.stop();
      emit({
        type: 'fleet.presence',
        machineIds: old.presence().map((p) => p.machineId),
        at: new Date().toISOString(),
      });
    }
    if (generation !== this.generation || !this.settings) return;
    try {
      const link = await FleetLink.start(this.settings, {
        ...this.options,
        onProblem: (message, error) => {
          logger.warn({ err: error }, message);
        },
      });
      if (generation !== this.generation) {
        await link?.stop();
        return;
      }
      this.link = link;
      if (!link) return;
      link.onChange((machineIds) => {
        emit({ type: 'fleet.presence', machineIds, at: new Date().toISOString() });
      });
      this.checks = new FleetChecks({
        connection: link.connection,
        consoleId: link.identity.consoleId,
        role: link.identity.role,
        machineName: (id) => this.names.get(id) ?? id,
        store: this.queued,
        ...(this.options.queueMaxAgeMs === undefined
          ? {}
          : { queueMaxAgeMs: this.options.queueMaxAgeMs }),
      });
      this.startCollecting(generation);
      logger.info({ servers: this.settings.servers }, 'fleet: linked');
    } catch (error) {
      logger.warn({ err: error }, 'fleet: cannot link to the NATS server; trying again shortly');
      this.retry = setTimeout(() => {
        if (generation === this.generation) {
          this.starting = this.starting.then(() => this.restart(generation));
        }
      }, RETRY_MS);
      this.retry.unref();
    }
  }
}

function toWire(outcome: FleetAgentOutcome): WireOutcome {
  return {
    agentId: outcome.agentId,
    state: outcome.state,
    run: outcome.run,
    refusal: outcome.refusal
      ? { code: outcome.refusal.code, message: outcome.refusal.message }
      : null,
  };
}
