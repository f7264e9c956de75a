import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STOPPED_STATUSES, type CheckRun } from '@deskside/core';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { CheckRunView } from '../features/checks/CheckResults';
import { CallStep } from '../features/intake/CallStep';
import { EscalateCall } from '../features/intake/EscalateCall';
import { IntakePath } from '../features/intake/IntakePath';
import { ResolveCall } from '../features/intake/ResolveCall';
import { apiLanguage } from '../features/intake/language';
import { machineLabel } from '../features/machines/labels';

/** A call in progress: the step to take now, the path recorded so far, and escalation. */
export function IntakeCallPage() {
  const { t, i18n } = useTranslation();
  const language = apiLanguage(i18n.language);
  const ticketId = Number(useParams().ticketId);
  const valid = Number.isInteger(ticketId) && ticketId > 0;
  const state = useApiQuery('intake.get', { ticketId }, { enabled: valid });
  const scripts = useApiQuery('intake.scripts', {});
  const machineId = state.data?.ticket.machineId ?? null;
  const machine = useApiQuery(
    'machines.get',
    { id: machineId ?? 'local' },
    { enabled: machineId !== null },
  );
  const [lastRun, setLastRun] = useState<CheckRun | null>(null);
  const script = scripts.data?.find((candidate) => candidate.id === state.data?.session.scriptId);

  if (state.error || scripts.error) {
    return (
      <main>
        <h1>{t('intake.title')}</h1>
        <ErrorMessage error={state.error ?? scripts.error} />
      </main>
    );
  }
  if (!state.data || !script) {
    return (
      <main>
        <h1>{t('intake.title')}</h1>
        <p className="muted">{t('app.loading')}</p>
      </main>
    );
  }
  const { ticket, session } = state.data;
  const machineName = machine.data ? machineLabel(machine.data, t) : null;
  return (
    <main>
      <header className="page-header">
        <h1>{t('intake.callTitle', { script: script.title[language] })}</h1>
        <Link to={`/tickets/${ticket.id}`}>{t('intake.ticket', { id: ticket.id })}</Link>
      </header>
      <p className="muted">
        {machineName
          ? t('intake.with', { requester: ticket.requester, machine: machineName })
          : t('intake.withoutMachine', { requester: ticket.requester })}
      </p>
      <div className="intake-layout">
        <div className="intake-main">
          <section className="panel intake-step" aria-labelledby="step-heading">
            <CallStep
              key={session.current ?? 'ended'}
              script={script}
              state={state.data}
              language={language}
              onChecksRecorded={setLastRun}
            />
          </section>
          {lastRun && (
            <section className="panel intake-last-checks" aria-labelledby="last-checks">
              <h2 id="last-checks">{t('intake.lastChecks')}</h2>
              <CheckRunView run={lastRun} />
            </section>
          )}
        </div>
        <div className="intake-side">
          <IntakePath script={script} session={session} language={language} />
          {STOPPED_STATUSES.includes(ticket.status) ? (
            <section className="panel" aria-labelledby="call-ticket-state">
              <h2 id="call-ticket-state">{t('intake.resolve.title')}</h2>
              <p role="status">
                {t('intake.resolve.state', { status: t(`status.${ticket.status}`) })}
              </p>
            </section>
          ) : (
            <>
              <ResolveCall ticket={ticket} language={language} />
              <EscalateCall ticket={ticket} language={language} />
            </>
          )}
        </div>
      </div>
    </main>
  );
}
