import os from 'node:os';
import type { CpuLoad } from '@deskside/core';

interface Snapshot {
  at: number;
  /** [busy, total] milliseconds per core since boot. */
  cores: [number, number][];
}

function snapshot(cpus: () => os.CpuInfo[] = os.cpus, now = Date.now()): Snapshot {
  return {
    at: now,
    cores: cpus().map(({ times }) => {
      const busy = times.user + times.nice + times.sys + times.irq;
      return [busy, busy + times.idle];
    }),
  };
}

const percent = (busy: number, total: number) =>
  total > 0 ? Math.round(Math.min(100, Math.max(0, (busy / total) * 100)) * 10) / 10 : 0;

/** The load between two snapshots; per core and over all cores. */
export function loadBetween(
  before: Snapshot,
  after: Snapshot,
  platform = process.platform,
): CpuLoad {
  let busySum = 0;
  let totalSum = 0;
  const perCore = after.cores.map(([busy, total], i) => {
    const [busy0, total0] = before.cores[i] ?? [0, 0];
    busySum += busy - busy0;
    totalSum += total - total0;
    return percent(busy - busy0, total - total0);
  });
  const [one, five, fifteen] = os.loadavg();
  return {
    percent: percent(busySum, totalSum),
    perCore,
    loadAverage: platform === 'win32' ? null : [one ?? 0, five ?? 0, fifteen ?? 0],
    windowSeconds: Math.round((after.at - before.at) / 100) / 10,
    sampledAt: new Date(after.at).toISOString(),
  };
}

/**
 * Samples CPU times in the background so a request reads the load of the last window
 * instead of waiting for one. The timer only takes a snapshot (one os.cpus() call); the
 * load is worked out when a request asks, so an idle agent does no more than that (even
 * formatting a date there would load the time zone data for good). The timer does not keep
 * the process alive.
 */
export class CpuLoadSampler {
  private previous: Snapshot;
  private window: [Snapshot, Snapshot] | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs = 5_000,
    private readonly cpus: () => os.CpuInfo[] = os.cpus,
  ) {
    this.previous = snapshot(this.cpus);
  }

  start(): this {
    this.timer ??= setInterval(() => {
      this.closeWindow();
    }, this.intervalMs).unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private closeWindow(): void {
    const next = snapshot(this.cpus);
    this.window = [this.previous, next];
    this.previous = next;
  }

  /** Closes the current window now and returns its load. */
  sample(): CpuLoad {
    this.closeWindow();
    return this.current()!;
  }

  /** The last window's load; null before the first window has closed. */
  current(): CpuLoad | null {
    return this.window && loadBetween(...this.window);
  }
}

/** One load sample over `windowMs` (for a one-off collection without a sampler). */
export async function sampleCpuLoad(windowMs = 250): Promise<CpuLoad> {
  const before = snapshot();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  return loadBetween(before, snapshot());
}
