import {
  securityUpdateCount,
  type CheckFactsOf,
  type CheckOutcomeOf,
  type CheckParams,
  type PendingUpdates,
} from '@deskside/core';
import { collectPendingUpdates } from '../../collect/updates';
import type { CheckImplementation } from '../context';
import { outcome } from '../outcome';
import { withFacts } from './facts';

const MAX_LISTED = 25;
const DAY_MS = 86_400_000;

export function judgeUpdates(
  pending: PendingUpdates,
  params: CheckParams<'os.updates'>,
  now: number,
): CheckOutcomeOf<'os.updates'> {
  const security = securityUpdateCount(pending);
  const catalogAgeDays =
    pending.catalogCheckedAt === null
      ? null
      : Math.floor((now - Date.parse(pending.catalogCheckedAt)) / DAY_MS);
  const facts = {
    source: pending.source,
    pendingCount: pending.updates.length,
    securityCount: security,
    rebootRequired: pending.rebootRequired,
    catalogCheckedAt: pending.catalogCheckedAt,
    catalogAgeDays,
    updates: pending.updates.slice(0, MAX_LISTED).map((update) => ({ ...update })),
  };
  if (security > params.failAboveSecurity) {
    return outcome('fail', 'os.updates.security_pending', facts);
  }
  if (pending.updates.length > params.warnAbovePending) {
    return outcome('warn', 'os.updates.pending', facts);
  }
  // Nothing pending means little if the OS has not looked for a long time.
  if (catalogAgeDays !== null && catalogAgeDays > params.warnCatalogOlderThanDays) {
    return outcome('warn', 'os.updates.catalog_stale', facts);
  }
  return outcome('pass', 'os.updates.none', facts);
}

export const osUpdates: CheckImplementation<
  CheckParams<'os.updates'>,
  CheckFactsOf<'os.updates'>
> = (params, ctx) =>
  withFacts(
    'os.updates',
    () => collectPendingUpdates({ platform: ctx.platform, run: ctx.exec }),
    (pending) => judgeUpdates(pending, params, Date.now()),
  );
