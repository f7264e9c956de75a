import {
  thresholdStatus,
  type CheckFactsOf,
  type CheckParams,
  type MemorySource,
} from '@deskside/core';
import type { CheckContext, CheckImplementation } from '../context';
import { graded, round1 } from '../outcome';

/** `sysctl -n kern.memorystatus_level`: the share of memory macOS considers free, 0-100. */
export function parseMemorystatusLevel(stdout: string): number {
  const level = Number(stdout.trim());
  if (!Number.isInteger(level) || level < 0 || level > 100) {
    throw new Error(`unexpected kern.memorystatus_level: ${JSON.stringify(stdout.slice(0, 40))}`);
  }
  return level;
}

/**
 * Share of memory in use. Linux and Windows: Node's free memory is what programs can still
 * get (Linux MemAvailable, Windows available physical memory). macOS counts cached pages as
 * used, so there the kernel's own pressure level is the truer figure.
 */
async function usedPercent(
  ctx: CheckContext,
  memory: { totalBytes: number; availableBytes: number },
): Promise<{ usedPercent: number; source: MemorySource }> {
  if (ctx.platform === 'darwin') {
    const result = await ctx.exec('/usr/sbin/sysctl', ['-n', 'kern.memorystatus_level']);
    if (result.exitCode !== 0) throw new Error(`sysctl exited with ${result.exitCode}`);
    return {
      usedPercent: 100 - parseMemorystatusLevel(result.stdout),
      source: 'kern.memorystatus_level',
    };
  }
  const total = memory.totalBytes;
  return {
    usedPercent: total > 0 ? (1 - memory.availableBytes / total) * 100 : 0,
    source: 'available',
  };
}

export const memoryPressure: CheckImplementation<
  CheckParams<'memory.pressure'>,
  CheckFactsOf<'memory.pressure'>
> = async (params, ctx) => {
  const memory = await ctx.probes.memory();
  const measured = await usedPercent(ctx, memory);
  const used = round1(measured.usedPercent);
  return graded(
    thresholdStatus(
      used,
      { warn: params.warnAbovePercent, fail: params.failAbovePercent },
      'above',
    ),
    {
      pass: 'memory.pressure.ok',
      warn: 'memory.pressure.high',
      fail: 'memory.pressure.critical',
    },
    {
      usedPercent: used,
      totalBytes: memory.totalBytes,
      source: measured.source,
      warnAbovePercent: params.warnAbovePercent,
      failAbovePercent: params.failAbovePercent,
    },
  );
};
