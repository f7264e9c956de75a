import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  currentIntakeStep,
  intakeEndStep,
  type CheckRun,
  type IntakeScript,
  type IntakeState,
  type Language,
} from '@deskside/core';
import { AskStep } from './AskStep';
import { ChecksStep } from './ChecksStep';

/** Where the call is: the step to take now, or how the script ended. */
export function CallStep({
  script,
  state,
  language,
  onChecksRecorded,
}: {
  script: IntakeScript;
  state: IntakeState;
  language: Language;
  onChecksRecorded: (run: CheckRun) => void;
}) {
  const { t } = useTranslation();
  const { ticket, session } = state;
  const step = currentIntakeStep(script, session);
  if (step === null) {
    const end = intakeEndStep(script, session);
    return (
      <>
        <p className="step-kind">{t('intake.ended')}</p>
        <h2 id="step-heading" className="step-prompt">
          {session.outcome ? t(`intake.outcome.${session.outcome}`) : t('intake.ended')}
        </h2>
        {end && <p>{end.summary[language]}</p>}
        <div className="actions">
          <Link className="button" to={`/tickets/${ticket.id}`}>
            {t('intake.openTicket')}
          </Link>
          <Link className="button secondary" to="/intake">
            {t('intake.newCall')}
          </Link>
        </div>
      </>
    );
  }
  if (step.kind === 'checks') {
    return (
      <ChecksStep
        ticketId={ticket.id}
        step={step}
        language={language}
        hasMachine={ticket.machineId !== null}
        onRecorded={onChecksRecorded}
      />
    );
  }
  if (step.kind === 'end') return null;
  return <AskStep ticketId={ticket.id} step={step} language={language} />;
}
