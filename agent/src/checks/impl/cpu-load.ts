import { setTimeout as sleep } from 'node:timers/promises';
import { thresholdStatus, type CheckFactsOf, type CheckParams } from '@deskside/core';
import type { CheckImplementation, CpuTimes } from '../context';
import { graded, round1 } from '../outcome';

type Sample = Pick<CpuTimes, 'busy' | 'total'>;

/** Busy share of all cores between two samples, 0-100. */
export function busyPercent(before: Sample, after: Sample): number {
  const total = after.total - before.total;
  return total > 0 ? Math.min(100, Math.max(0, ((after.busy - before.busy) / total) * 100)) : 0;
}

export const cpuLoad: CheckImplementation<
  CheckParams<'cpu.load'>,
  CheckFactsOf<'cpu.load'>
> = async (params, ctx) => {
  const before = await ctx.probes.cpuTimes();
  await sleep(params.sampleMs, undefined, { signal: ctx.signal });
  const after = await ctx.probes.cpuTimes();
  const usedPercent = round1(busyPercent(before, after));
  return graded(
    thresholdStatus(
      usedPercent,
      { warn: params.warnAbovePercent, fail: params.failAbovePercent },
      'above',
    ),
    { pass: 'cpu.load.ok', warn: 'cpu.load.high', fail: 'cpu.load.critical' },
    {
      usedPercent,
      sampleMs: params.sampleMs,
      cores: after.cores,
      // Windows has no load average (Node reports zeros there).
      loadAverage: ctx.platform === 'win32' ? null : (await ctx.probes.loadAverage()).map(round1),
      warnAbovePercent: params.warnAbovePercent,
      failAbovePercent: params.failAbovePercent,
    },
  );
};
