/**
 * The contract between the runner (bench/run.ts) and one benchmark module. A new benchmark
 * (idle RSS, check round trip, database queries, NATS fan-out, ...) is a module exporting a
 * `Benchmark`, added to the registry in run.ts.
 */

export type MetricUnit = 'ms' | 's' | 'MiB' | 'KB' | 'bytes' | '%' | 'req/s' | 'errors' | 'count';

/**
 * Environment for every child the runner and the benchmarks start: NODE_OPTIONS emptied
 * (node ignores an empty one), so a debugger or loader set for the runner does not slow down
 * what is measured.
 */
export const CHILD_ENV: Readonly<Record<string, string>> = { NODE_OPTIONS: '' };

export interface MetricSpec {
  /** The key in the JSON output (BENCH.md): stable once it exists. */
  name: string;
  unit: MetricUnit;
  description: string;
  /** Samples taken when `--samples` is not given. */
  defaultSamples: number;
  /**
   * The baseline this metric is compared with. Both are declared by the same benchmark,
   * measured in the same run, interleaved, and always selected together.
   */
  comparedWith?: string;
}

export interface BenchContext {
  /** Absolute path of the repository root. */
  repoRoot: string;
  /** Whether the run asked for this metric (after `--only` and baseline pairing). */
  wants: (metric: string) => boolean;
  /** How many samples to take for this metric. */
  samples: (metric: string) => number;
  /**
   * Stores the raw samples of one metric. A metric recorded before a later step fails is
   * still reported, so record each metric as soon as its samples are complete.
   */
  record: (metric: string, samples: readonly number[]) => void;
  /** A progress line for humans (stderr). */
  progress: (message: string) => void;
}

export interface Benchmark {
  /** A dotted prefix shared by its metrics, e.g. "agent.inventory"; `--only` matches it. */
  name: string;
  /** The runner builds agent/dist before the first benchmark that needs it. */
  needsAgentBuild: boolean;
  metrics: readonly MetricSpec[];
  run: (context: BenchContext) => Promise<void>;
}

/**
 * Thrown by a benchmark that cannot run on this machine (no PostgreSQL, no nats-server):
 * the runner omits its metrics, prints the reason on stderr and does not fail the run.
 */
export class BenchmarkUnavailable extends Error {
  override readonly name = 'BenchmarkUnavailable';
}
