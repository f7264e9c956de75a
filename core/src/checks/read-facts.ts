import type { z } from 'zod';
import { checkCatalog, isCatalogCheckId, type CatalogCheckId, type CheckFactsOf } from './catalog';
import {
  commonCheckFacts,
  isCommonCheckCode,
  type CheckFacts,
  type CheckResult,
  type CommonCheckCode,
} from './result';

export type CommonCheckFactsOf<C extends CommonCheckCode> = z.output<(typeof commonCheckFacts)[C]>;

/** A check's facts, read with that check's schema: narrowing on `checkId` types `facts`. */
export type CheckFactsRead<K extends CatalogCheckId = CatalogCheckId> = {
  [P in K]: { kind: 'check'; checkId: P; facts: CheckFactsOf<P> };
}[K];

/** The runner's facts (a timeout, an unsupported OS...), read by their code. */
export type CommonFactsRead = {
  [C in CommonCheckCode]: { kind: 'common'; code: C; facts: CommonCheckFactsOf<C> };
}[CommonCheckCode];

/**
 * Facts no schema here reads: a check this console does not know (a newer agent), or facts
 * of another shape (an older agent's, kept as evidence). To be shown as they are.
 */
export interface UnreadFacts {
  kind: 'unread';
  facts: CheckFacts;
}

export type ReadFacts = CheckFactsRead | CommonFactsRead | UnreadFacts;

/**
 * A result's facts, typed: by the runner's schema for its common codes, by the check's own
 * otherwise. Never throws: facts that do not parse come back as `unread`.
 */
export function factsOf(result: Pick<CheckResult, 'checkId' | 'code' | 'facts'>): ReadFacts {
  // The casts pair each id (or code) with its own schema's output, which TypeScript cannot
  // follow through an index by a union key.
  if (isCommonCheckCode(result.code)) {
    const parsed = commonCheckFacts[result.code].safeParse(result.facts);
    if (parsed.success) {
      return { kind: 'common', code: result.code, facts: parsed.data } as CommonFactsRead;
    }
  } else if (isCatalogCheckId(result.checkId)) {
    const parsed = checkCatalog[result.checkId].facts.safeParse(result.facts);
    if (parsed.success) {
      return { kind: 'check', checkId: result.checkId, facts: parsed.data } as CheckFactsRead;
    }
  }
  return { kind: 'unread', facts: result.facts };
}
