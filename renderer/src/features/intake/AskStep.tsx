import { useTranslation } from 'react-i18next';
import type { IntakeStep, Language } from '@deskside/core';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAnswerStep } from './useIntakeStep';

type Ask = Extract<IntakeStep, { kind: 'question' | 'action' }>;

/** A question to ask, or something for the caller to do, and the answers it can have. */
export function AskStep({
  ticketId,
  step,
  language,
}: {
  ticketId: number;
  step: Ask;
  language: Language;
}) {
  const { t } = useTranslation();
  const answer = useAnswerStep();
  return (
    <>
      <p className="step-kind">
        {t(step.kind === 'question' ? 'intake.question' : 'intake.action')}
      </p>
      <h2 id="step-heading" className="step-prompt">
        {step.prompt[language]}
      </h2>
      {step.hint && <p className="muted">{step.hint[language]}</p>}
      <div className="choices" role="group" aria-label={t('intake.answers')}>
        {step.choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            disabled={answer.isPending}
            onClick={() => {
              answer.mutate({ ticketId, stepId: step.id, choiceId: choice.id, language });
            }}
          >
            {choice.label[language]}
          </button>
        ))}
      </div>
      {answer.isPending && (
        <p role="status" className="muted">
          {t('intake.recording')}
        </p>
      )}
      {answer.error && <ErrorMessage error={answer.error} />}
    </>
  );
}
