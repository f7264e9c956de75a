import { randomUUID } from 'node:crypto';
import {
  DesksideError,
  type CheckRequest,
  type CheckRun,
  type CheckRunEvent,
  type WireError,
} from '@deskside/core';
import type { MachineService } from './machine-service';
import { refuseNonSshChecks } from './ssh/ssh-checks';

/** Runs checks for the analyst: started at once, followed as they go, cancellable. */
export interface CheckRunLimits {
  /** Ended runs kept (to show and attach), oldest dropped first. */
  maxEnded: number;
  /** How long an ended run stays available to attach. */
  keepEndedMs: number;
  /** The longest a follower waits for news before it is answered with the run as it is. */
  followWaitMs: number;
}

const DEFAULT_LIMITS: CheckRunLimits = {
  maxEnded: 200,
  keepEndedMs: 30 * 60_000,
  followWaitMs: 20_000,
};

interface HeldRun {
  run: CheckRun;
  controller: AbortController;
  /** Who asked, for callers that only accept their own runs (a call's checks step). */
  tag: string | null;
  /** Followers waiting for the next change. */
  waiters: Set<() => void>;
  endedAtMs: number | null;
}

function toWire(error: unknown): WireError {
  if (error instanceof DesksideError) return error.toWire();
  return {
    code: 'internal',
    message: 'The checks stopped unexpectedly; the console’s log has why',
  };
}

export class CheckRunService {
  private readonly runs = new Map<string, HeldRun>();
  private readonly limits: CheckRunLimits;

  constructor(
    private readonly machines: Pick<MachineService, 'get' | 'runChecks'>,
    options: {
      limits?: Partial<CheckRunLimits>;
      now?: () => Date;
      onFailure?: (e: unknown) => void;
    } = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? (() => new Date());
    this.onFailure = options.onFailure ?? (() => undefined);
  }

  private readonly now: () => Date;
  private readonly onFailure: (error: unknown) => void;

  /** Starts `checks` (validated by their schemas) on a machine and answers with the new run. */
  async start(machineId: string, checks: readonly CheckRequest[], tag: string | null = null) {
    const machine = await this.machines.get(machineId);
    if (machine.transport === 'ssh') refuseNonSshChecks(checks);
    this.forgetOld();
    const held: HeldRun = {
      run: {
        runId: randomUUID(),
        machineId: machine.id,
        machineName: machine.name,
        transport: machine.transport,
        startedAt: this.now().toISOString(),
        finishedAt: null,
        state: 'running',
        version: 0,
        checks: checks.map((check) => ({
          checkId: check.checkId,
          params: { ...check.params },
          state: 'queued',
          result: null,
        })),
        error: null,
      },
      controller: new AbortController(),
      tag,
      waiters: new Set(),
      endedAtMs: null,
    };
    this.runs.set(held.run.runId, held);
    void this.execute(held, checks);
    return structuredClone(held.run);
  }

  private async execute(held: HeldRun, checks: readonly CheckRequest[]): Promise<void> {
    const { signal } = held.controller;
    let ending: Pick<CheckRun, 'state' | 'error'>;
    try {
      const { results } = await this.machines.runChecks(
        held.run.machineId,
        checks,
        (event) => {
          this.apply(held, event);
        },
        signal,
      );
      results.forEach((result, index) => {
        const item = held.run.checks[index];
        if (item) Object.assign(item, { state: 'done', result });
      });
      ending = { state: signal.aborted ? 'cancelled' : 'done', error: null };
    } catch (error) {
      if (!(error instanceof DesksideError) && !signal.aborted) this.onFailure(error);
      ending = signal.aborted
        ? { state: 'cancelled', error: null }
        : { state: 'failed', error: toWire(error) };
    }
    Object.assign(held.run, ending, { finishedAt: this.now().toISOString() });
    held.endedAtMs = Date.now();
    this.changed(held);
  }

  private apply(held: HeldRun, event: CheckRunEvent): void {
    if (event.type === 'started' || event.type === 'result') {
      const item = held.run.checks[event.index];
      if (!item || item.state === 'done') return;
      if (event.type === 'started') item.state = 'running';
      else Object.assign(item, { state: 'done', result: event.result });
      this.changed(held);
    }
  }

  private changed(held: HeldRun): void {
    held.run.version += 1;
    for (const wake of held.waiters) wake();
    held.waiters.clear();
  }

  private held(runId: string): HeldRun {
    const held = this.runs.get(runId);
    if (!held) {
      throw new DesksideError(
        'not_found',
        'This run of checks is no longer held by the console; run the checks again',
      );
    }
    return held;
  }

  get(runId: string): CheckRun {
    return structuredClone(this.held(runId).run);
  }

  /**
   * Holds a run that ended elsewhere (checks answered over NATS), so it is followed and
   * attached to a ticket like the runs started here.
   */
  keep(run: CheckRun): void {
    if (run.state === 'running') throw new Error('Only an ended run is kept');
    this.forgetOld();
    this.runs.set(run.runId, {
      run: structuredClone(run),
      controller: new AbortController(),
      tag: null,
      waiters: new Set(),
      endedAtMs: Date.now(),
    });
  }

  /** The run once it has ended; `tag`, when given, must be the one it was started with. */
  ended(runId: string, tag: string | null = null): CheckRun {
    const held = this.held(runId);
    if (tag !== null && held.tag !== tag) {
      throw new DesksideError('validation', 'These checks were not run for this step');
    }
    if (held.run.state === 'running') {
      throw new DesksideError('conflict', 'These checks are still running; wait for them to end');
    }
    return structuredClone(held.run);
  }

  /**
   * Answers with the run as soon as it is newer than `afterVersion` or has ended; otherwise
   * waits for its next change, at most `followWaitMs`, then answers with it as it is.
   */
  async follow(runId: string, afterVersion: number): Promise<CheckRun> {
    const held = this.held(runId);
    if (held.run.version <= afterVersion && held.run.state === 'running') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.limits.followWaitMs);
        function done() {
          clearTimeout(timer);
          held.waiters.delete(done);
          resolve();
        }
        held.waiters.add(done);
      });
    }
    return structuredClone(held.run);
  }

  /** Stops a run: queued checks do not start, running ones are abandoned. */
  cancel(runId: string): CheckRun {
    const held = this.held(runId);
    held.controller.abort();
    return structuredClone(held.run);
  }

  /** Cancels every running run and wakes every follower (the console is closing). */
  close(): void {
    for (const held of this.runs.values()) {
      held.controller.abort();
      for (const wake of held.waiters) wake();
    }
  }

  private forgetOld(): void {
    const cutoff = Date.now() - this.limits.keepEndedMs;
    const ended = [...this.runs.values()].filter((held) => held.endedAtMs !== null);
    const excess = ended.length - this.limits.maxEnded;
    ended.forEach((held, i) => {
      if (i < excess || (held.endedAtMs ?? 0) < cutoff) this.runs.delete(held.run.runId);
    });
  }
}
