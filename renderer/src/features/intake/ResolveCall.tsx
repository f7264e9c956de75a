import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ResolutionCodeSchema,
  type Language,
  type ResolutionCode,
  type Ticket,
} from '@deskside/core';
import { Checkbox } from '../../components/Checkbox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResolveCall } from './useIntakeStep';

/**
 * Resolves the call's ticket at any step, the path followed going into its notes; when the
 * caller confirms on the line that it works, the ticket is closed there and then.
 */
export function ResolveCall({ ticket, language }: { ticket: Ticket; language: Language }) {
  const { t } = useTranslation();
  const resolve = useResolveCall();
  const [code, setCode] = useState<ResolutionCode>('fixed');
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(true);
  const ids = { code: useId(), note: useId() };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    resolve.mutate({
      ticketId: ticket.id,
      expectedVersion: ticket.version,
      resolutionCode: code,
      note,
      confirmed,
      language,
    });
  };

  return (
    <section className="panel" aria-labelledby="resolve-call">
      <h2 id="resolve-call">{t('intake.resolve.title')}</h2>
      <form className="form" onSubmit={submit} aria-label={t('intake.resolve.title')}>
        <p className="muted">{t('intake.resolve.intro')}</p>
        <label htmlFor={ids.code}>{t('intake.resolve.code')}</label>
        <select
          id={ids.code}
          value={code}
          onChange={(e) => {
            setCode(ResolutionCodeSchema.parse(e.target.value));
          }}
        >
          {ResolutionCodeSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`ticket.resolutionCode.${option}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.note}>{t('intake.resolve.note')}</label>
        <textarea
          id={ids.note}
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
        <Checkbox checked={confirmed} onChange={setConfirmed}>
          {t('intake.resolve.confirmed')}
        </Checkbox>
        {resolve.error && <ErrorMessage error={resolve.error} />}
        <div className="actions">
          <button type="submit" disabled={resolve.isPending}>
            {resolve.isPending ? t('intake.resolve.resolving') : t('intake.resolve.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
