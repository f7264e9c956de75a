/**
 * The benchmark runner (bench/BENCH.md): `npm run bench -- [--json] [--only <prefix>]...
 * [--samples <n>]`. Builds the agent, runs each registered benchmark in turn and prints a
 * table; with --json, the table goes to stderr and the last line of stdout is one JSON
 * object, metric name -> median.
 *
 * A benchmark that cannot run here (BenchmarkUnavailable) omits its metrics and the run
 * still succeeds. A benchmark that fails for any other reason also omits its metrics and
 * the other benchmarks still run, but the run exits 1: a broken benchmark is a bug to see,
 * not a machine to excuse.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ManagedProcess, describeExit, stopAllProcesses } from '#test/helpers/managed-process';
import { agentIdleRssBenchmark } from './agent-idle-rss';
import { agentCheckRttBenchmark } from './agent-checks';
import { agentInventoryBenchmark } from './agent-inventory';
import { agentLoadBenchmark } from './agent-load';
import { consolePaintBenchmark } from './console-paint';
import { fleetBenchmark } from './fleet';
import { fleetHeartbeatsBenchmark } from './fleet-heartbeats';
import { inventoryDiffBenchmark } from './inventory-diff';
import { inventoryHistoryBenchmark } from './inventory-history';
import { inventoryTimelineBenchmark } from './inventory-timeline';
import { BenchmarkUnavailable, CHILD_ENV, type BenchContext, type Benchmark } from './benchmark';
import { formatJsonLine, formatTable, type MetricResult } from './report';
import { reportsPgBenchmark, reportsSqliteBenchmark } from './reports';
import { SelectionError, checkRegistry, selectMetrics } from './selection';
import { sshInventoryBenchmark } from './ssh-inventory';
import { ticketsPgBenchmark, ticketsSqliteBenchmark } from './tickets-store';

/** Every benchmark, in the order they run. Add new modules here. */
const BENCHMARKS: readonly Benchmark[] = [
  agentInventoryBenchmark,
  ticketsSqliteBenchmark,
  ticketsPgBenchmark,
  agentCheckRttBenchmark,
  agentLoadBenchmark,
  agentIdleRssBenchmark,
  consolePaintBenchmark,
  sshInventoryBenchmark,
  inventoryDiffBenchmark,
  inventoryHistoryBenchmark,
  inventoryTimelineBenchmark,
  reportsSqliteBenchmark,
  reportsPgBenchmark,
  fleetBenchmark,
  fleetHeartbeatsBenchmark,
];

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const BUILD_TIMEOUT_MS = 120_000;
const MAX_SAMPLES = 10_000;

const USAGE = `Usage: npm run bench -- [--json] [--only <prefix>]... [--samples <n>]

  --json            print the table on stderr and, as the last line of stdout, one JSON
                    object: metric name -> median
  --only <prefix>   run only the metrics whose name, or whose benchmark's name, starts
                    with <prefix> (repeatable); a metric and its baseline run together
  --samples <n>     take n samples of every metric instead of each metric's default
  --help            print this help and the metrics`;

class UsageError extends Error {}

interface CliOptions {
  json: boolean;
  only: string[];
  samples: number | undefined;
  help: boolean;
}

function parseCli(args: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean', default: false },
        only: { type: 'string', multiple: true, default: [] },
        samples: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  let samples: number | undefined;
  if (values.samples !== undefined) {
    samples = /^\d+$/.test(values.samples) ? Number(values.samples) : NaN;
    if (!(samples >= 1 && samples <= MAX_SAMPLES)) {
      throw new UsageError(`--samples must be a whole number from 1 to ${MAX_SAMPLES}`);
    }
  }
  if (values.only.some((prefix) => prefix === '')) {
    throw new UsageError('--only needs a non-empty prefix');
  }
  return { json: values.json, only: values.only, samples, help: values.help };
}

function metricList(): string {
  return BENCHMARKS.flatMap((benchmark) =>
    benchmark.metrics.map(
      (metric) =>
        `  ${metric.name.padEnd(28)} ${metric.description} (${metric.defaultSamples} samples)`,
    ),
  ).join('\n');
}

/** Builds agent/dist so the numbers always measure the current sources. */
async function buildAgent(): Promise<void> {
  const build = await ManagedProcess.start(process.execPath, ['agent/build.mjs'], {
    label: 'node agent/build.mjs',
    cwd: REPO_ROOT,
    env: CHILD_ENV,
  });
  try {
    const status = await build.waitForExit(BUILD_TIMEOUT_MS);
    if (status.code !== 0) throw build.failure(`failed (${describeExit(status)})`);
  } finally {
    await build.stop();
  }
}

let interrupted = false;

function onSignal(): void {
  if (interrupted) process.exit(130); // Second signal: the exit hook SIGKILLs the children.
  interrupted = true;
  console.error('bench: interrupted; stopping child processes (again to force)');
  // Stopped children make the running benchmark fail; its finally blocks then clean up.
  void stopAllProcesses();
}

async function runBenchmark(
  benchmark: Benchmark,
  selected: ReadonlySet<string>,
  samples: number | undefined,
  results: Map<string, MetricResult>,
): Promise<boolean> {
  const specs = new Map(benchmark.metrics.map((metric) => [metric.name, metric]));
  const wanted = benchmark.metrics.filter((metric) => selected.has(metric.name));
  const context: BenchContext = {
    repoRoot: REPO_ROOT,
    wants: (metric) => selected.has(metric) && specs.has(metric),
    samples: (metric) => samples ?? specs.get(metric)?.defaultSamples ?? 1,
    record: (metric, values) => {
      const spec = specs.get(metric);
      if (!spec) throw new Error(`${benchmark.name} recorded undeclared metric ${metric}`);
      if (values.length === 0 || !values.every(Number.isFinite)) {
        throw new Error(`${metric}: samples must be a non-empty list of finite numbers`);
      }
      if (selected.has(metric)) results.set(metric, { spec, samples: [...values] });
    },
    progress: (message) => {
      console.error(`  ${message}`);
    },
  };

  console.error(`bench: ${benchmark.name}`);
  let ok = true;
  try {
    await benchmark.run(context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof BenchmarkUnavailable) {
      console.error(`bench: ${benchmark.name} skipped: ${message}`);
    } else {
      console.error(`bench: ${benchmark.name} failed: ${message}`);
      ok = interrupted; // An interrupted benchmark is not a broken one.
    }
  }
  const missing = wanted.filter((metric) => !results.has(metric.name));
  if (missing.length > 0) {
    console.error(`bench: omitted ${missing.map((metric) => metric.name).join(', ')}`);
  }
  return ok;
}

async function main(): Promise<number> {
  let options: CliOptions;
  let selected: Set<string>;
  try {
    options = parseCli(process.argv.slice(2));
    checkRegistry(BENCHMARKS);
    selected = selectMetrics(BENCHMARKS, options.only);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof SelectionError)) throw error;
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(`${USAGE}\n\nMetrics:\n${metricList()}`);
    return 0;
  }

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = performance.now();
  const planned = BENCHMARKS.filter((benchmark) =>
    benchmark.metrics.some((metric) => selected.has(metric.name)),
  );
  if (planned.some((benchmark) => benchmark.needsAgentBuild)) {
    console.error('bench: building the agent (node agent/build.mjs)');
    await buildAgent();
  }

  const results = new Map<string, MetricResult>();
  let ok = true;
  for (const benchmark of planned) {
    if (interrupted) break;
    ok = (await runBenchmark(benchmark, selected, options.samples, results)) && ok;
  }

  // Report in registry order, whatever order the benchmarks recorded in.
  const ordered = BENCHMARKS.flatMap((benchmark) => benchmark.metrics)
    .map((metric) => results.get(metric.name))
    .filter((result) => result !== undefined);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (options.json) {
    console.error(`\n${formatTable(ordered)}\n\nbench: finished in ${seconds} s`);
    console.log(formatJsonLine(ordered));
  } else {
    console.log(formatTable(ordered));
    console.error(`\nbench: finished in ${seconds} s`);
  }
  if (interrupted) return 130;
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
