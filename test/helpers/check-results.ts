import type { CheckFactsOf } from '@deskside/core';

/** What disk.free reports for a disk at 5 % free, below its warning level of 15 %. */
export const LOW_DISK_FACTS: CheckFactsOf<'disk.free'> = {
  path: '/',
  freeBytes: 5 * 1024 ** 3,
  totalBytes: 100 * 1024 ** 3,
  freePercent: 5,
  warnBelowPercent: 15,
  failBelowPercent: 5,
};
