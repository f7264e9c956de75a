import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { factsOf, type CheckResult, type CheckRun, type CheckRunItem } from '@deskside/core';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatMilliseconds } from '../../i18n/format';
import { RecordedFacts } from './RecordedFacts';
import { checkName, describeCheckResult } from './result-text';

/** A result's facts, if any: on demand beside its sentence, in plain view when it has none. */
function ResultFacts({ facts, unread }: { facts: CheckResult['facts']; unread: boolean }) {
  const { t } = useTranslation();
  if (Object.keys(facts).length === 0) return null;
  if (unread) return <RecordedFacts facts={facts} />;
  return (
    <details>
      <summary>{t('checks.facts')}</summary>
      <RecordedFacts facts={facts} />
    </details>
  );
}

/**
 * One result: its status, the check, what it found in the analyst's words, and its facts as
 * recorded (in plain view when this console cannot read them, an older agent's say).
 */
export function CheckResultView({ result }: { result: CheckResult }) {
  const { t, i18n } = useTranslation();
  const read = useMemo(() => factsOf(result), [result]);
  return (
    <>
      <div className="check-head">
        <span className={`check-status check-${result.status}`}>
          {t(`checks.status.${result.status}`)}
        </span>
        <strong>{checkName(t, result.checkId)}</strong>
        <span className="muted">
          {t('checks.took', { duration: formatMilliseconds(result.durationMs, i18n.language) })}
        </span>
      </div>
      <p className="check-text">{describeCheckResult(t, result, i18n.language, read)}</p>
      <ResultFacts facts={result.facts} unread={read.kind === 'unread'} />
    </>
  );
}

export function CheckResultList({ results }: { results: readonly CheckResult[] }) {
  const { t } = useTranslation();
  return (
    <ul className="check-list" aria-label={t('checks.results')}>
      {results.map((result, index) => (
        <li key={`${result.checkId}-${index}`} className="check-item">
          <CheckResultView result={result} />
        </li>
      ))}
    </ul>
  );
}

function PendingItem({ item, ended }: { item: CheckRunItem; ended: boolean }) {
  const { t } = useTranslation();
  const state = ended ? 'cancelled' : item.state;
  return (
    <div className="check-head">
      <span className="check-status check-pending">{t(`checks.itemState.${state}`)}</span>
      <strong>{checkName(t, item.checkId)}</strong>
    </div>
  );
}

/** A run as it goes: how far it is, each check's state or result, and a way to stop it. */
export function CheckRunView({ run, onCancel }: { run: CheckRun; onCancel?: () => void }) {
  const { t } = useTranslation();
  const done = run.checks.filter((item) => item.state === 'done').length;
  const running = run.state === 'running';
  return (
    <div className="check-run">
      <div className="check-progress">
        <progress value={done} max={run.checks.length} aria-label={t('checks.progressLabel')} />
        <span role="status">
          {running
            ? t('checks.progress', { done, total: run.checks.length })
            : t(`checks.runState.${run.state}`)}
        </span>
        {running && onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('checks.cancel')}
          </button>
        )}
      </div>
      {run.error && <ErrorMessage error={new ApiError(run.error.code, run.error.message)} />}
      <ul className="check-list" aria-label={t('checks.results')}>
        {run.checks.map((item, index) => (
          <li key={`${item.checkId}-${index}`} className="check-item">
            {item.result ? (
              <CheckResultView result={item.result} />
            ) : (
              <PendingItem item={item} ended={!running} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
