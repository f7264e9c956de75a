import { performance } from 'node:perf_hooks';
import {
  describeCheck,
  type CheckCatalogListing,
  type CheckOutcome,
  type CheckResult,
  type CheckRunEvent,
  type CheckStatus,
} from '@deskside/core';
import type { CheckContext, Exec, SystemProbes } from './context';
import { createExec, rememberInstalled } from './exec';
import { outcome } from './outcome';
import { systemProbes } from './probes';
import { catalogChecks, type RunnableCheck } from './registry';
import { Semaphore } from './semaphore';

/** Checks running at once across every request (the agent's config file may change it). */
export const DEFAULT_MAX_CONCURRENT_CHECKS = 8;
/** Checks of one request running at once, so one big batch cannot take every slot. */
export const DEFAULT_MAX_CONCURRENT_PER_BATCH = 4;

export interface CheckRunnerOptions {
  maxConcurrent?: number;
  maxConcurrentPerBatch?: number;
  /** The checks it knows; the catalog's by default. */
  checks?: ReadonlyMap<string, RunnableCheck>;
  platform?: NodeJS.Platform;
  /** Makes the command runner for one check, bound to that check's abort signal. */
  createExec?: (signal: AbortSignal) => Exec;
  isInstalled?: (file: string) => Promise<boolean>;
  probes?: SystemProbes;
  /** Where a check that breaks unexpectedly is reported (its caller only sees the code). */
  onCheckFailure?: (checkId: string, error: unknown) => void;
}

/** One check to run, before validation. */
export interface CheckToRun {
  checkId: string;
  params?: unknown;
}

export interface RunOptions {
  /** Aborting cancels queued checks and aborts running ones (the caller went away). */
  signal?: AbortSignal;
  onEvent?: (event: CheckRunEvent) => void;
}

/** A request the runner refuses before running anything: unknown id or bad parameters. */
export class InvalidCheckRequest extends Error {
  override readonly name = 'InvalidCheckRequest';
  constructor(
    readonly index: number,
    readonly checkId: string,
    /** The parameter at fault (`host`), or null for an unknown check id. */
    readonly param: string | null,
    /** What is wrong, without the check and parameter names. */
    readonly reason: string,
  ) {
    super(`${checkId}: ${param ? `${param}: ` : ''}${reason}`);
  }
}

interface ValidatedCheck {
  checkId: string;
  check: RunnableCheck;
  params: unknown;
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
}

/**
 * Runs batches of checks: every check's parameters validated first, then the checks in
 * parallel within two limits (per batch and across batches), each under its own timeout, so
 * a slow check holds one slot and nothing else. A check never throws out of the runner: it
 * ends with a result, `error` included.
 */
export class CheckRunner {
  private readonly slots: Semaphore;
  private readonly perBatch: number;
  private readonly checks: ReadonlyMap<string, RunnableCheck>;
  private readonly platform: NodeJS.Platform;
  private readonly makeExec: (signal: AbortSignal) => Exec;
  private readonly isInstalled: (file: string) => Promise<boolean>;
  private readonly probes: SystemProbes;
  private readonly onCheckFailure: (checkId: string, error: unknown) => void;

  constructor(options: CheckRunnerOptions = {}) {
    this.slots = new Semaphore(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT_CHECKS);
    this.perBatch = options.maxConcurrentPerBatch ?? DEFAULT_MAX_CONCURRENT_PER_BATCH;
    if (!Number.isInteger(this.perBatch) || this.perBatch < 1) {
      throw new RangeError('maxConcurrentPerBatch must be 1 or more');
    }
    this.checks = options.checks ?? catalogChecks();
    this.platform = options.platform ?? process.platform;
    this.makeExec = options.createExec ?? createExec;
    this.isInstalled = options.isInstalled ?? rememberInstalled();
    this.probes = options.probes ?? systemProbes;
    this.onCheckFailure = options.onCheckFailure ?? (() => undefined);
  }

  /** Checks running right now, across every batch. */
  get running(): number {
    return this.slots.inUse;
  }

  private listing: CheckCatalogListing | null = null;

  /** The checks this runner knows, as the catalog listing describes them. */
  catalog(): CheckCatalogListing {
    this.listing ??= {
      checks: [...this.checks].map(([id, check]) => describeCheck(id, check.definition)),
    };
    return this.listing;
  }

  /** Validates every request; throws `InvalidCheckRequest` for the first bad one. */
  validate(requests: readonly CheckToRun[]): ValidatedCheck[] {
    return requests.map((request, index) => {
      const check = this.checks.get(request.checkId);
      if (!check) {
        throw new InvalidCheckRequest(index, request.checkId, null, 'no such check');
      }
      const parsed = check.definition.params.safeParse(request.params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // An unknown parameter is reported on the object; name the parameter itself.
        const param =
          issue?.code === 'unrecognized_keys'
            ? (issue.keys[0] ?? '')
            : (issue?.path.map(String).join('.') ?? '');
        throw new InvalidCheckRequest(
          index,
          request.checkId,
          param || null,
          issue?.message ?? 'invalid parameters',
        );
      }
      return { checkId: request.checkId, check, params: parsed.data };
    });
  }

  /** Runs a batch; resolves with one result per request, in request order. */
  async run(requests: readonly CheckToRun[], options: RunOptions = {}): Promise<CheckResult[]> {
    const batch = this.validate(requests);
    const emit = options.onEvent ?? (() => undefined);
    const signal = options.signal ?? new AbortController().signal;
    const started = performance.now();
    emit({
      type: 'accepted',
      checks: batch.map((item, index) => ({ index, checkId: item.checkId })),
    });
    const results: CheckResult[] = new Array<CheckResult>(batch.length);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const index = next++;
        const result = await this.runOne(batch[index]!, signal, () => {
          emit({ type: 'started', index, checkId: batch[index]!.checkId });
        });
        results[index] = result;
        emit({ type: 'result', index, result });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.perBatch, batch.length) }, worker));
    const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, error: 0 };
    for (const result of results) counts[result.status]++;
    emit({ type: 'done', counts, durationMs: roundMs(performance.now() - started) });
    return results;
  }

  /**
   * The same batch as a stream of progress events. Validates before the first event, so a
   * bad request throws here and nothing runs.
   */
  stream(requests: readonly CheckToRun[], options: RunOptions = {}): AsyncGenerator<CheckRunEvent> {
    this.validate(requests);
    const events: CheckRunEvent[] = [];
    let wake: (() => void) | null = null;
    // An object, so the generator below sees what the callbacks set.
    const state: { finished: boolean; failure: Error | null } = { finished: false, failure: null };
    void this.run(requests, {
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (event) => {
        options.onEvent?.(event);
        events.push(event);
        wake?.();
      },
    })
      .catch((error: unknown) => {
        state.failure = error instanceof Error ? error : new Error('check batch failed');
      })
      .finally(() => {
        state.finished = true;
        wake?.();
      });
    return (async function* () {
      for (;;) {
        const event = events.shift();
        if (event) {
          yield event;
          continue;
        }
        if (state.finished) {
          if (state.failure !== null) throw state.failure;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    })();
  }

  private async runOne(
    item: ValidatedCheck,
    batchSignal: AbortSignal,
    onStart: () => void,
  ): Promise<CheckResult> {
    const { definition } = item.check;
    const queuedAt = new Date();
    const finish = (result: CheckOutcome, startedAt: Date, startedMs: number): CheckResult => ({
      checkId: item.checkId,
      ...result,
      startedAt: startedAt.toISOString(),
      durationMs: roundMs(performance.now() - startedMs),
    });
    if (!(definition.os as readonly string[]).includes(this.platform)) {
      return finish(
        outcome('error', 'check.unsupported_os', { platform: this.platform }),
        queuedAt,
        performance.now(),
      );
    }
    let release: () => void;
    try {
      release = await this.slots.acquire(batchSignal);
    } catch {
      return finish(outcome('error', 'check.cancelled', {}), queuedAt, performance.now());
    }

    const startedAt = new Date();
    const startedMs = performance.now();
    const controller = new AbortController();
    const onBatchAbort = () => {
      controller.abort(batchSignal.reason);
    };
    batchSignal.addEventListener('abort', onBatchAbort, { once: true });
    const timer = setTimeout(() => {
      controller.abort(new CheckTimeout());
    }, definition.timeoutMs);
    const ctx: CheckContext = {
      platform: this.platform,
      signal: controller.signal,
      exec: this.makeExec(controller.signal),
      isInstalled: this.isInstalled,
      probes: this.probes,
    };
    try {
      onStart();
      if (batchSignal.aborted) controller.abort(batchSignal.reason);
      // The race returns at the deadline even from a check that ignores its signal.
      const result = await Promise.race([
        item.check.run(item.params as never, ctx),
        rejectOnAbort(controller.signal),
      ]);
      return finish(this.withDeclaredFacts(item, result), startedAt, startedMs);
    } catch (error) {
      if (controller.signal.reason instanceof CheckTimeout) {
        return finish(
          outcome('error', 'check.timeout', { timeoutMs: definition.timeoutMs }),
          startedAt,
          startedMs,
        );
      }
      if (controller.signal.aborted) {
        return finish(outcome('error', 'check.cancelled', {}), startedAt, startedMs);
      }
      this.onCheckFailure(item.checkId, error);
      return finish(outcome('error', 'check.failed', {}), startedAt, startedMs);
    } finally {
      clearTimeout(timer);
      batchSignal.removeEventListener('abort', onBatchAbort);
      release();
    }
  }

  /**
   * The check's outcome when its facts are what its schema declares; otherwise
   * `check.invalid_facts`, the details to the log: a bug in one check must not send the
   * console a shape it cannot read.
   */
  private withDeclaredFacts(item: ValidatedCheck, result: CheckOutcome<unknown>): CheckOutcome {
    const parsed = item.check.definition.facts.safeParse(result.facts);
    if (parsed.success) {
      // Facts schemas declare plain JSON only (strings, finite numbers, booleans, null,
      // arrays and strict objects of them), so what parsed is `CheckFacts`.
      return result as CheckOutcome;
    }
    this.onCheckFailure(item.checkId, new UndeclaredFacts(result.code, parsed.error.issues));
    return outcome('error', 'check.invalid_facts', {});
  }
}

/** A check answered facts its own schema does not read: a bug in that check. */
export class UndeclaredFacts extends Error {
  override readonly name = 'UndeclaredFacts';
  constructor(
    readonly code: string,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    const where = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(facts)';
    super(
      `the facts of ${code} do not match the check's schema: ${issues
        .map((issue) => `${where(issue.path)}: ${issue.message}`)
        .join('; ')}`,
    );
  }
}

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    signal.addEventListener(
      'abort',
      () => {
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
