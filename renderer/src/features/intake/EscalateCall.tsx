import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TierSchema, type Language, type Ticket, type Tier } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useEscalateCall } from './useIntakeStep';

/** Lines above the ticket's own, in escalation order. */
const higherTiers = (tier: Tier): Tier[] =>
  TierSchema.options.slice(TierSchema.options.indexOf(tier) + 1);

/** Hands the call to a higher line at any step; the path followed goes with it. */
export function EscalateCall({ ticket, language }: { ticket: Ticket; language: Language }) {
  const { t } = useTranslation();
  const config = useApiQuery('workflow.config', {});
  const escalate = useEscalateCall();
  const options = higherTiers(ticket.tier);
  const [tier, setTier] = useState<Tier | ''>('');
  const [groupId, setGroupId] = useState('');
  const [note, setNote] = useState('');
  const ids = { tier: useId(), group: useId(), note: useId() };
  const chosenTier = tier || options[0];

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!chosenTier) return;
    escalate.mutate({
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      tier: chosenTier,
      ...(groupId ? { groupId } : {}),
      note,
      language,
    });
  };

  return (
    <section className="panel" aria-labelledby="escalate-call">
      <h2 id="escalate-call">{t('intake.escalate.title')}</h2>
      <p className="muted" role="status">
        {t('intake.escalate.nowAt', { tier: t(`intake.tier.${ticket.tier}`) })}
      </p>
      {options.length === 0 ? (
        <p className="muted">{t('intake.escalate.highest')}</p>
      ) : (
        <form className="form" onSubmit={submit} aria-label={t('intake.escalate.title')}>
          <p className="muted">{t('intake.escalate.intro')}</p>
          <label htmlFor={ids.tier}>{t('intake.escalate.tier')}</label>
          <select
            id={ids.tier}
            value={chosenTier}
            onChange={(e) => {
              setTier(TierSchema.parse(e.target.value));
            }}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {t(`intake.tier.${option}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.group}>{t('intake.escalate.group')}</label>
          <select
            id={ids.group}
            value={groupId}
            onChange={(e) => {
              setGroupId(e.target.value);
            }}
          >
            <option value="">{t('intake.escalate.keepGroup')}</option>
            {(config.data?.groups ?? []).map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.note}>{t('intake.escalate.note')}</label>
          <textarea
            id={ids.note}
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
          {escalate.error && <ErrorMessage error={escalate.error} />}
          <div className="actions">
            <button type="submit" disabled={escalate.isPending}>
              {escalate.isPending ? t('intake.escalate.escalating') : t('intake.escalate.submit')}
            </button>
          </div>
        </form>
      )}
      {escalate.data && (
        <p role="status">
          {t('intake.escalate.done', { tier: t(`intake.tier.${escalate.data.ticket.tier}`) })}
        </p>
      )}
    </section>
  );
}
