/**
 * Summary statistics of benchmark samples.
 *
 * Median: the middle sample of the sorted samples, or the mean of the two middle samples
 * when their number is even.
 *
 * Percentiles use the nearest-rank method: the p-th percentile of n sorted samples is the
 * sample at 1-based rank ceil(p / 100 * n). It is always a value that was measured, never an
 * interpolation; with few samples a high percentile is the maximum (p95 and p99 of 20
 * samples are the 19th and 20th smallest; of 10 samples, both are the largest).
 */

function sortedCopy(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new RangeError('No samples to summarise');
  if (!samples.every(Number.isFinite)) throw new RangeError('Samples must be finite numbers');
  return [...samples].sort((a, b) => a - b);
}

export function median(samples: readonly number[]): number {
  const sorted = sortedCopy(samples);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile, 0 < p <= 100 (see the module comment). */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100], got ${p}`);
  const sorted = sortedCopy(samples);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1]!;
}

export const p95 = (samples: readonly number[]): number => percentile(samples, 95);
export const p99 = (samples: readonly number[]): number => percentile(samples, 99);

export interface Summary {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = sortedCopy(samples);
  return {
    count: sorted.length,
    min: sorted[0]!,
    median: median(sorted),
    p95: p95(sorted),
    max: sorted[sorted.length - 1]!,
  };
}
