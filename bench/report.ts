/** The two outputs of a run: a table for people and one JSON line for tools. */
import type { MetricSpec } from './benchmark';
import { summarize } from './stats';

export interface MetricResult {
  spec: MetricSpec;
  samples: readonly number[];
}

const COLUMNS = ['metric', 'median', 'min', 'p95', 'max', 'n'] as const;

const formatValue = (value: number, unit: string): string => `${value.toFixed(1)} ${unit}`;

/** One row per metric, then the ratio of each compared metric to its baseline. */
export function formatTable(results: readonly MetricResult[]): string {
  if (results.length === 0) return 'No metrics were measured.';
  const rows = results.map(({ spec, samples }) => {
    const summary = summarize(samples);
    return [
      spec.name,
      formatValue(summary.median, spec.unit),
      formatValue(summary.min, spec.unit),
      formatValue(summary.p95, spec.unit),
      formatValue(summary.max, spec.unit),
      String(summary.count),
    ];
  });
  const table = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, column) =>
    Math.max(...table.map((row) => row[column]?.length ?? 0)),
  );
  const lines = table.map((row) =>
    row
      .map((cell, column) =>
        // Names align left, numbers right.
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  '),
  );
  return [...lines, ...formatComparisons(results)].join('\n');
}

/** "X is 8.4% of Y (medians)" for every compared metric whose baseline was measured. */
function formatComparisons(results: readonly MetricResult[]): string[] {
  const byName = new Map(results.map((result) => [result.spec.name, result]));
  const lines: string[] = [];
  for (const { spec, samples } of results) {
    const baseline = spec.comparedWith ? byName.get(spec.comparedWith) : undefined;
    if (!baseline) continue;
    const ratio = summarize(samples).median / summarize(baseline.samples).median;
    lines.push(
      `${spec.name} is ${(ratio * 100).toFixed(1)}% of ${baseline.spec.name} (medians, informative)`,
    );
  }
  return lines.length > 0 ? ['', ...lines] : [];
}

/** The JSON object of BENCH.md: metric name -> median, on one line. */
export function formatJsonLine(results: readonly MetricResult[]): string {
  const medians = Object.fromEntries(
    results.map(({ spec, samples }) => [
      spec.name,
      Math.round(summarize(samples).median * 1000) / 1000,
    ]),
  );
  return JSON.stringify(medians);
}
