import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DesksideError, type Job, type JobEvent } from '@deskside/core';

/** What a job's work sees: whether it was cancelled, and where to report its progress. */
export interface JobReporter {
  readonly signal: AbortSignal;
  progress(update: JobProgress): void;
}

export type JobProgress = Partial<Pick<Job, 'phase' | 'done' | 'total' | 'unit' | 'size'>>;

/** What finished work adds to its job (an export's size, an import's counts). */
export type JobOutcome = Partial<
  Pick<Job, 'phase' | 'done' | 'total' | 'unit' | 'size' | 'result'>
>;

interface Entry {
  job: Job;
  controller: AbortController;
  /** Work is running: cancelling aborts it and the job ends when the work has let go. */
  working: boolean;
  /** Removes what the job left behind (its files). */
  cleanup: () => Promise<void>;
  lastEventAt: number;
  touchedAt: number;
}

export interface JobRegistryDeps {
  emit: (event: JobEvent) => void;
  logger: Logger;
  now?: () => Date;
}

/** Progress events of one job are at most this often, except news (a phase, a total) and the end. */
const EVENT_INTERVAL_MS = 150;
/** A job nobody has touched for this long is forgotten (and its files removed). */
const ABANDONED_MS = 60 * 60_000;
const SWEEP_MS = 5 * 60_000;

const isFinished = (job: Job) => job.state !== 'running';

/**
 * The console's long work: each job has an id, a phase and progress, and ends done, failed or
 * cancelled. Progress goes out as `job.progress` events; cancelling aborts the work's signal.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Entry>();
  private readonly now: () => Date;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly deps: JobRegistryDeps) {
    this.now = deps.now ?? (() => new Date());
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  create(
    init: Pick<Job, 'kind' | 'format' | 'phase' | 'unit' | 'total' | 'size'>,
    cleanup: () => Promise<void>,
  ): Job {
    const job: Job = {
      id: randomUUID(),
      state: 'running',
      done: 0,
      result: null,
      error: null,
      startedAt: this.now().toISOString(),
      ...init,
    };
    const now = Date.now();
    this.jobs.set(job.id, {
      job,
      controller: new AbortController(),
      working: false,
      cleanup,
      lastEventAt: 0,
      touchedAt: now,
    });
    this.announce(job);
    return job;
  }

  get(id: string): Job {
    return this.entry(id).job;
  }

  /** A job of this kind that is still open to more input or work (no work running on it). */
  idle(id: string, kind: Job['kind']): Job {
    const entry = this.entry(id);
    if (entry.job.kind !== kind) throw new DesksideError('not_found', `No ${kind} ${id}`);
    if (isFinished(entry.job)) {
      throw new DesksideError('conflict', `This ${kind} has already ended (${entry.job.state})`);
    }
    if (entry.working) throw new DesksideError('conflict', `This ${kind} is already running`);
    return entry.job;
  }

  progress(id: string, update: JobProgress): Job {
    const entry = this.entry(id);
    const changed = (key: 'phase' | 'total') =>
      update[key] !== undefined && update[key] !== entry.job[key];
    const news = changed('phase') || changed('total');
    entry.job = { ...entry.job, ...update };
    const now = Date.now();
    entry.touchedAt = now;
    if (news || now - entry.lastEventAt >= EVENT_INTERVAL_MS) this.announce(entry.job);
    return entry.job;
  }

  /** Runs `work` in the background; the job ends with its outcome, its error, or cancelled. */
  run(id: string, work: (reporter: JobReporter) => Promise<JobOutcome>): Job {
    const entry = this.entry(id);
    entry.working = true;
    const reporter: JobReporter = {
      signal: entry.controller.signal,
      progress: (update) => {
        if (!entry.controller.signal.aborted) this.progress(id, update);
      },
    };
    void work(reporter).then(
      (outcome) => this.finish(entry, { state: 'done', ...outcome }),
      (error: unknown) => this.finish(entry, this.failure(entry, error)),
    );
    return entry.job;
  }

  /** Stops a job; the database is left as it was before an import that did not finish. */
  async cancel(id: string): Promise<Job> {
    const entry = this.entry(id);
    if (isFinished(entry.job)) return entry.job;
    entry.controller.abort();
    if (entry.working) return entry.job; // The work ends itself and reports `cancelled`.
    await this.finish(entry, { state: 'cancelled' });
    return entry.job;
  }

  /** Forgets a job and removes its files, cancelling it first if it still runs. */
  async dismiss(id: string): Promise<void> {
    const entry = this.entry(id);
    entry.controller.abort();
    this.jobs.delete(id);
    await entry.cleanup();
  }

  /** Cancels everything (the console is closing). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.jobs.keys()].map((id) => this.dismiss(id)));
  }

  private failure(entry: Entry, error: unknown): Partial<Job> {
    if (entry.controller.signal.aborted) return { state: 'cancelled' };
    if (error instanceof DesksideError) return { state: 'failed', error: error.toWire() };
    this.deps.logger.error({ err: error, jobId: entry.job.id }, 'job failed');
    return {
      state: 'failed',
      error: {
        code: 'internal',
        message: `Something went wrong; the console's log has the details (job ${entry.job.id})`,
      },
    };
  }

  private async finish(entry: Entry, outcome: Partial<Job>): Promise<void> {
    entry.working = false;
    entry.touchedAt = Date.now();
    entry.job = { ...entry.job, ...outcome };
    // Cancelled or failed work leaves nothing to read: its files go before the news does.
    if (entry.job.state !== 'done') {
      await entry.cleanup().catch((error: unknown) => {
        this.deps.logger.warn({ err: error, jobId: entry.job.id }, 'job files not removed');
      });
    }
    this.announce(entry.job);
  }

  private announce(job: Job): void {
    const entry = this.jobs.get(job.id);
    if (entry) entry.lastEventAt = Date.now();
    this.deps.emit({ type: 'job.progress', job, at: this.now().toISOString() });
  }

  private entry(id: string): Entry {
    const entry = this.jobs.get(id);
    if (!entry) throw new DesksideError('not_found', `No job ${id} (it ended and was cleared)`);
    return entry;
  }

  private async sweep(): Promise<void> {
    const limit = Date.now() - ABANDONED_MS;
    for (const [id, entry] of [...this.jobs]) {
      if (entry.touchedAt < limit && !entry.working) await this.dismiss(id);
    }
  }
}
