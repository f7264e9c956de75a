import type { TFunction } from 'i18next';
import type { CheckResult } from '@deskside/core';
import { checkResultValues } from './result-values';

/** A check's name in the analyst's language (its id when this console does not know it). */
export function checkName(t: TFunction, checkId: string): string {
  return t(`checks.name.${checkId}`, { defaultValue: t('checks.unknownCheck', { id: checkId }) });
}

/**
 * A check result as a sentence in the analyst's language: its `code` chooses the sentence and
 * its `facts` fill it in. A code this console does not know yet (a newer agent) still shows.
 */
export function describeCheckResult(
  t: TFunction,
  result: Pick<CheckResult, 'checkId' | 'code' | 'facts'>,
  locale: string,
): string {
  const reason = result.facts.reason;
  return t(`checks.code.${result.code}`, {
    ...checkResultValues(result.checkId, result.facts, locale),
    reason:
      typeof reason === 'string'
        ? t(`checks.reason.${reason}`, { defaultValue: reason })
        : t('checks.reason.failed'),
    defaultValue: t('checks.unknownCode', { code: result.code }),
  });
}
