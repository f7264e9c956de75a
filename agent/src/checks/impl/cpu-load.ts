import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { thresholdStatus, type CheckFactsOf, type CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { graded, round1 } from '../outcome';

interface CpuTimes {
  busy: number;
  total: number;
}

function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

/** Busy share of all cores between two samples, 0-100. */
export function busyPercent(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? Math.min(100, Math.max(0, ((after.busy - before.busy) / total) * 100)) : 0;
}

export const cpuLoad: CheckImplementation<
  CheckParams<'cpu.load'>,
  CheckFactsOf<'cpu.load'>
> = async (params, ctx) => {
  const before = cpuTimes();
  await sleep(params.sampleMs, undefined, { signal: ctx.signal });
  const usedPercent = round1(busyPercent(before, cpuTimes()));
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
      cores: os.cpus().length,
      // Windows has no load average (Node reports zeros there).
      loadAverage: ctx.platform === 'win32' ? null : os.loadavg().map(round1),
      warnAbovePercent: params.warnAbovePercent,
      failAbovePercent: params.failAbovePercent,
    },
  );
};
