/**
 * reports.* and reports.pg.*: the recurring-problems report and the service figures through
 * the console's dispatcher (contract validation included), on the 100k-ticket dataset with
 * its fleet (bench/tickets-dataset.ts). Default filters: the last 12 weeks; the same over the
 * last 52 weeks is reported beside. Each sample is the p95 of a round of reports; the
 * recurring report takes each dimension in turn. The first report brings the derived facts
 * up to date for every ticket (all 100k on a fresh dataset; the cache keeps them): it is timed
 * apart, before the warm-up.
 */
import type { RecurringReportInput, ReportDimension, ServiceReportInput } from '@deskside/core';
import type { Dispatch } from '../electron/services/api/dispatcher';
import type { BenchContext, Benchmark, MetricSpec } from './benchmark';
import { VPN_CLIENT } from '../scripts/seed/fleet-catalog';
import { p95 } from './stats';
import { onDatasetConsole, timed } from './tickets-store';

const REPORTS_PER_SAMPLE = 12;
const WARM_UP = 6;
const DAY_MS = 86_400_000;

const DIMENSIONS: readonly ReportDimension[] = [
  { by: 'category' },
  { by: 'model' },
  { by: 'os' },
  { by: 'software', program: VPN_CLIENT },
  { by: 'department' },
  { by: 'location' },
];

/** The last `weeks` weeks, today included (UTC days; the desk's zone moves it by one at most). */
function lastWeeks(weeks: number): { from: string; to: string } {
  const today = Date.now();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(today - (weeks * 7 - 1) * DAY_MS), to: day(today) };
}

type Report = (i: number) => [method: string, input: unknown];

const recurring =
  (weeks: number): Report =>
  (i) => [
    'reports.recurring',
    {
      filters: { period: lastWeeks(weeks) },
      dimension: DIMENSIONS[i % DIMENSIONS.length]!,
    } satisfies RecurringReportInput,
  ];
const service =
  (weeks: number): Report =>
  () => ['reports.service', { filters: { period: lastWeeks(weeks) } } satisfies ServiceReportInput];

const REPORTS = {
  recurring: { report: recurring(12), what: 'recurring-problem reports, last 12 weeks' },
  service: { report: service(12), what: 'service reports, last 12 weeks' },
  recurring_52w: { report: recurring(52), what: 'recurring-problem reports, last 52 weeks' },
  service_52w: { report: service(52), what: 'service reports, last 52 weeks' },
} as const;

async function measure(context: BenchContext, prefix: string, dispatch: Dispatch): Promise<void> {
  const first = await timed(dispatch, ...service(12)(0));
  context.progress(
    `${prefix}: first report, deriving the facts of every ticket not derived yet: ${first.toFixed(0)} ms`,
  );
  for (const [name, { report }] of Object.entries(REPORTS)) {
    const metric = `${prefix}.${name}_p95_ms`;
    if (!context.wants(metric)) continue;
    for (let i = 0; i < WARM_UP; i++) await timed(dispatch, ...report(i));
    const samples: number[] = [];
    for (let sample = 0; sample < context.samples(metric); sample++) {
      const round: number[] = [];
      for (let i = 0; i < REPORTS_PER_SAMPLE; i++) {
        round.push(await timed(dispatch, ...report(sample * REPORTS_PER_SAMPLE + i)));
      }
      samples.push(p95(round));
    }
    context.progress(`${metric}: ${samples.map((s) => s.toFixed(1)).join(', ')} ms`);
    context.record(metric, samples);
  }
}

const metricsOf = (prefix: string, database: string): MetricSpec[] =>
  Object.entries(REPORTS).map(([name, { what }]) => ({
    name: `${prefix}.${name}_p95_ms`,
    unit: 'ms',
    description: `${database}, 100k tickets / 1M timeline entries / 5k machines: p95 of ${REPORTS_PER_SAMPLE} ${what}`,
    defaultSamples: 5,
  }));

export const reportsSqliteBenchmark: Benchmark = {
  name: 'reports',
  needsAgentBuild: false,
  metrics: metricsOf('reports', 'SQLite'),
  run: (context) =>
    onDatasetConsole('sqlite', context, (dispatch) => measure(context, 'reports', dispatch)),
};

export const reportsPgBenchmark: Benchmark = {
  name: 'reports.pg',
  needsAgentBuild: false,
  metrics: metricsOf('reports.pg', 'PostgreSQL'),
  run: (context) =>
    onDatasetConsole('postgres', context, (dispatch) => measure(context, 'reports.pg', dispatch)),
};
