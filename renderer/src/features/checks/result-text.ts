import type { TFunction } from 'i18next';
import { factsOf, isCatalogCheckId, type CheckResult, type ReadFacts } from '@deskside/core';
import { checkResultValues } from './result-values';

/** A check's name in the analyst's language (its id when this console does not know it). */
export function checkName(t: TFunction, checkId: string): string {
  return t(`checks.name.${checkId}`, { defaultValue: t('checks.unknownCheck', { id: checkId }) });
}

/**
 * A check result as a sentence in the analyst's language: its `code` chooses the sentence and
 * its `facts`, read with the check's schema, fill it in. A code or a check this console does
 * not know yet (a newer agent) still shows; so do facts it cannot read (an older agent's,
 * kept as evidence): the sentence then says so, and the facts are shown as recorded.
 */
export function describeCheckResult(
  t: TFunction,
  result: Pick<CheckResult, 'checkId' | 'code' | 'facts'>,
  locale: string,
  read: ReadFacts = factsOf(result),
): string {
  const unknownCode = t('checks.unknownCode', { code: result.code });
  if (read.kind === 'unread') {
    return isCatalogCheckId(result.checkId)
      ? t('checks.unreadFacts', { code: result.code })
      : unknownCode;
  }
  const values =
    read.kind === 'check'
      ? checkResultValues(read.checkId, read.facts, {
          locale,
          reason: (reason) => t(`checks.reason.${reason}`),
        })
      : {};
  return t(`checks.code.${result.code}`, { ...values, defaultValue: unknownCode });
}
