import { statfs } from 'node:fs/promises';
import { thresholdStatus, type CheckFactsOf, type CheckParams } from '@deskside/core';
import type { CheckImplementation } from '../context';
import { errorCode, graded, outcome, round1 } from '../outcome';

/** The system drive: `C:\` on Windows (or wherever SystemDrive says), `/` elsewhere. */
export function systemRoot(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${process.env.SystemDrive ?? 'C:'}\\` : '/';
}

export const diskFree: CheckImplementation<
  CheckParams<'disk.free'>,
  CheckFactsOf<'disk.free'>
> = async (params, ctx) => {
  const path = params.path ?? systemRoot(ctx.platform);
  let stats;
  try {
    stats = await statfs(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return outcome('error', 'disk.free.path_missing', { path });
    }
    throw error;
  }
  // bavail: what an ordinary user can still write (root's reserve excluded).
  const totalBytes = stats.blocks * stats.bsize;
  const freeBytes = stats.bavail * stats.bsize;
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
