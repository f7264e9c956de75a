import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailTemplateEvent } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';

/**
 * Writing to the ticket's requester by e-mail, and what the desk sent with its delivery state
 * (queued, sending, sent, failed with the server's answer, unknown when the console sending
 * it stopped). A failed or unknown message can be sent again.
 */
export function MailToRequester({ ticketId }: { ticketId: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const outbox = useApiQuery('mail.outbox', { ticketId });
  const send = useApiMutation('mail.send', {
    onSuccess: () => {
      setBody('');
    },
  });
  const resend = useApiMutation('mail.resend');
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('ticket.mail.title')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate({ ticketId, body });
        }}
      >
        <label>
          {t('ticket.mail.body')}
          <textarea
            rows={5}
            required
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
            }}
          />
        </label>
        {send.error && <ErrorMessage error={send.error} />}
        <div className="actions">
          <button type="submit" disabled={send.isPending || body.trim() === ''}>
            {t('ticket.mail.send')}
          </button>
        </div>
      </form>
      {outbox.error && <ErrorMessage error={outbox.error} />}
      {outbox.data && outbox.data.length > 0 && (
        <ul className="outbox">
          {outbox.data.map((mail) => (
            <li key={mail.id}>
              {t('ticket.mail.to', {
                to: mail.to,
                date: formatDateTime(mail.createdAt, i18n.language),
              })}{' '}
              <strong>{t(`ticket.mail.state.${mail.state}`)}</strong>
              {mail.automatic && (
                <>
                  {' '}
                  <span className="badge">
                    {t('ticket.mail.automatic', {
                      event: t(
                        `settings.mailTemplates.events.${mail.automatic as MailTemplateEvent}`,
                      ),
                    })}
                  </span>{' '}
                  <span>{mail.subject}</span>
                </>
              )}
              {mail.lastError && mail.state !== 'sent' && (
                <span className="muted"> {mail.lastError}</span>
              )}
              {(mail.state === 'failed' || mail.state === 'unknown') && (
                <>
                  {mail.state === 'unknown' && (
                    <span className="muted"> {t('ticket.mail.resendUnknownHint')}</span>
                  )}{' '}
                  <button
                    type="button"
                    disabled={resend.isPending}
                    onClick={() => {
                      resend.mutate({ id: mail.id });
                    }}
                  >
                    {t('ticket.mail.resend')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {resend.error && <ErrorMessage error={resend.error} />}
    </section>
  );
}
