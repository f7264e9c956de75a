import { thresholdStatus, type CheckFactsOf, type CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { graded, outcome, round1 } from '../outcome';

/** The system drive: `C:\` on Windows (or wherever SystemDrive says), `/` elsewhere. */
export function systemRoot(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${process.env.SystemDrive ?? 'C:'}\\` : '/';
}

export const diskFree: CheckImplementation<
  CheckParams<'disk.free'>,
  CheckFactsOf<'disk.free'>
> = async (params, ctx) => {
  const path = params.path ?? systemRoot(ctx.platform);
  const space = await ctx.probes.fileSystemSpace(path);
  if (!space) return outcome('error', 'disk.free.path_missing', { path });
  const { totalBytes, freeBytes } = space;
  const freePercent = totalBytes > 0 ? round1((freeBytes / totalBytes) * 100) : 0;
  const status = thresholdStatus(
    freePercent,
    { warn: params.warnBelowPercent, fail: params.failBelowPercent },
    'below',
  );
  return graded(
    status,
    { pass: 'disk.free.ok', warn: 'disk.free.low', fail: 'disk.free.critical' },
    {
      path,
      freeBytes,
      totalBytes,
      freePercent,
      warnBelowPercent: params.warnBelowPercent,
      failBelowPercent: params.failBelowPercent,
    },
  );
};
