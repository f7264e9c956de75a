import { useTranslation } from 'react-i18next';
import { describePath, type IntakeScript, type IntakeSession, type Language } from '@deskside/core';
import { checkName } from '../checks/result-text';

/**
 * The steps taken so far, in the analyst's language: each answer as the ticket's timeline
 * has it, and each checks step with what every check came back with.
 */
export function IntakePath({
  script,
  session,
  language,
}: {
  script: IntakeScript;
  session: IntakeSession;
  language: Language;
}) {
  const { t } = useTranslation();
  const lines = describePath(script, session, language);
  return (
    <section className="panel" aria-labelledby="intake-path">
      <h2 id="intake-path">{t('intake.path')}</h2>
      {lines.length === 0 ? (
        <p className="muted">{t('intake.pathEmpty')}</p>
      ) : (
        <ol className="intake-path">
          {session.path.map((record, index) => {
            const step = script.steps.find((candidate) => candidate.id === record.stepId);
            if (step?.kind !== 'checks' || !record.checks)
              return <li key={index}>{lines[index]}</li>;
            return (
              <li key={index}>
                {step.prompt[language]}
                <ul>
                  {record.checks.map((result, i) => (
                    <li key={i}>
                      {checkName(t, result.checkId)}: {t(`checks.status.${result.status}`)}
                    </li>
                  ))}
                  {record.checks.length === 0 && <li>{t('intake.skipped')}</li>}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
