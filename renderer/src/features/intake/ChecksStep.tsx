import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckRun, IntakeStep, Language } from '@deskside/core';
import { useApi } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckRunView } from '../checks/CheckResults';
import { checkName } from '../checks/result-text';
import { useCheckRun } from '../checks/useCheckRun';
import { useRecordChecks } from './useIntakeStep';

type Checks = Extract<IntakeStep, { kind: 'checks' }>;

/**
 * Live checks on the caller's machine. Their results are recorded into the call as soon as
 * the run is done, and the script follows them; a cancelled or failed run leaves the choice
 * to the analyst: run again, go on with what came back, or go on without.
 */
export function ChecksStep({
  ticketId,
  step,
  language,
  hasMachine,
  onRecorded,
}: {
  ticketId: number;
  step: Checks;
  language: Language;
  hasMachine: boolean;
  /** The run whose results were recorded, so the page can keep showing them. */
  onRecorded: (run: CheckRun) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { run, error, starting, start, cancel } = useCheckRun();
  const record = useRecordChecks({
    onSuccess: () => {
      if (run) onRecorded(run);
    },
  });
  const { mutate } = record;
  const recorded = useRef<string | null>(null);

  useEffect(() => {
    if (run?.state === 'done' && recorded.current !== run.runId) {
      recorded.current = run.runId;
      mutate({ ticketId, stepId: step.id, runId: run.runId, language });
    }
  }, [run, mutate, ticketId, step.id, language]);

  const runChecks = () => {
    void start(() => api.call('intake.runChecks', { ticketId, stepId: step.id }));
  };
  const goOn = (runId: string | null) => {
    record.mutate({ ticketId, stepId: step.id, runId, language });
  };
  const busy = starting || run?.state === 'running' || record.isPending;
  const ended = run !== null && run.state !== 'running';
  const withResults = run?.state === 'cancelled' && run.checks.some((item) => item.result);

  return (
    <>
      <h2 id="step-heading" className="step-prompt">
        {step.prompt[language]}
      </h2>
      {!run && (
        <ul className="planned-checks">
          {step.checks.map((check, index) => (
            <li key={`${check.checkId}-${index}`}>{checkName(t, check.checkId)}</li>
          ))}
        </ul>
      )}
      {!hasMachine && <p className="muted">{t('intake.noMachineForChecks')}</p>}
      {run && <CheckRunView run={run} onCancel={() => void cancel()} />}
      {run?.state === 'failed' && <p className="muted">{t('intake.checksFailed')}</p>}
      {error && <ErrorMessage error={error} />}
      {record.error && <ErrorMessage error={record.error} />}
      {record.isPending && (
        <p role="status" className="muted">
          {t('intake.recording')}
        </p>
      )}
      {!busy && run?.state !== 'done' && (
        <div className="actions">
          {hasMachine && (
            <button type="button" onClick={runChecks}>
              {ended ? t('intake.runAgain') : t('intake.runChecks')}
            </button>
          )}
          {withResults && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                goOn(run.runId);
              }}
            >
              {t('intake.useResults')}
            </button>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              goOn(null);
            }}
          >
            {t('intake.skipChecks')}
          </button>
        </div>
      )}
    </>
  );
}
