import type { CheckOutcome, UnavailableFacts } from '@deskside/core';
import { FactsUnavailableError } from '../../collect/errors';
import { outcome } from '../outcome';

/**
 * Runs a collector for a check. When the machine cannot tell (no CUPS, no package manager,
 * an OS without the facts), the check ends in error with `<check>.unavailable` and the
 * collector's reason, never a guess.
 */
export async function withFacts<T, F>(
  checkId: string,
  collect: () => Promise<T>,
  judge: (facts: T) => CheckOutcome<F>,
): Promise<CheckOutcome<F | UnavailableFacts>> {
  let facts: T;
  try {
    facts = await collect();
  } catch (error) {
    if (!(error instanceof FactsUnavailableError)) throw error;
    return outcome('error', `${checkId}.unavailable`, { reason: error.reason });
  }
  return judge(facts);
}
