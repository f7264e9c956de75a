/** Which metrics a run measures: `--only` prefixes, widened so baselines come along. */
import type { Benchmark } from './benchmark';

/** A selection the user asked for that matches nothing: a usage error, not a bug. */
export class SelectionError extends Error {}

/** Rejects a registry whose metric names collide or whose baselines live elsewhere. */
export function checkRegistry(benchmarks: readonly Benchmark[]): void {
  const seen = new Set<string>();
  for (const benchmark of benchmarks) {
    const own = new Set(benchmark.metrics.map((metric) => metric.name));
    for (const metric of benchmark.metrics) {
      if (seen.has(metric.name)) throw new Error(`Metric ${metric.name} is declared twice`);
      seen.add(metric.name);
      if (metric.comparedWith && !own.has(metric.comparedWith)) {
        throw new Error(
          `${metric.name} is compared with ${metric.comparedWith}, which ${benchmark.name} does not measure`,
        );
      }
    }
  }
}

/**
 * The metric names to measure. With no prefixes, all of them. Otherwise a metric is
 * selected when its name or its benchmark's name starts with one of the prefixes; then a
 * compared metric and its baseline are always selected together (BENCH.md: both measured
 * in the same run, interleaved). Throws SelectionError when a prefix selects nothing.
 */
export function selectMetrics(
  benchmarks: readonly Benchmark[],
  prefixes: readonly string[],
): Set<string> {
  const all = benchmarks.flatMap((benchmark) => benchmark.metrics);
  if (prefixes.length === 0) return new Set(all.map((metric) => metric.name));

  const selected = new Set<string>();
  for (const prefix of prefixes) {
    const matches = benchmarks.flatMap((benchmark) =>
      benchmark.metrics.filter(
        (metric) => benchmark.name.startsWith(prefix) || metric.name.startsWith(prefix),
      ),
    );
    if (matches.length === 0) {
      throw new SelectionError(
        `--only ${prefix} matches no benchmark or metric. Known metrics:\n  ${all.map((metric) => metric.name).join('\n  ')}`,
      );
    }
    for (const metric of matches) selected.add(metric.name);
  }
  for (const metric of all) {
    if (!metric.comparedWith) continue;
    if (selected.has(metric.name) || selected.has(metric.comparedWith)) {
      selected.add(metric.name);
      selected.add(metric.comparedWith);
    }
  }
  return selected;
}
