import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  MAIL_TEMPLATE_EVENTS,
  TEMPLATE_PLACEHOLDERS,
  type Language,
  type MailTemplate,
  type ApiInput,
  type MailTemplateEvent,
} from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { LanguageOptions } from '../kb/LanguageOptions';
import { useDebounced } from '../kb/use-debounced';

function TemplateForm({ template }: { template: MailTemplate }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [enabled, setEnabled] = useState(template.enabled);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [ticket, setTicket] = useState('');
  const save = useApiMutation('mail.saveTemplate');
  const ticketId = Number(ticket);
  // The preview follows typing, not each key; debounced as text, so it settles once.
  const settled = useDebounced(
    JSON.stringify({
      event: template.event,
      language: template.language,
      subject,
      body,
      ...(Number.isInteger(ticketId) && ticketId > 0 ? { ticketId } : {}),
    }),
    300,
  );
  const draft = JSON.parse(settled) as ApiInput<'mail.previewTemplate'>;
  const preview = useApiQuery('mail.previewTemplate', draft, {
    enabled: draft.subject.trim() !== '' && draft.body.trim() !== '',
    keepPrevious: true,
  });
  return (
    <form
      className="form"
      aria-label={t('settings.mailTemplates.title')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ event: template.event, language: template.language, enabled, subject, body });
      }}
    >
      <p className="muted">
        {template.isDefault || !template.updatedAt
          ? t('settings.mailTemplates.isDefault')
          : t('settings.mailTemplates.updated', {
              by: template.updatedBy ?? '',
              date: formatDateTime(template.updatedAt, i18n.language),
            })}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
          }}
        />
        {t('settings.mailTemplates.enabled')}
      </label>
      <div className="field">
        <label htmlFor={`${ids}-subject`}>{t('settings.mailTemplates.subject')}</label>
        <input
          id={`${ids}-subject`}
          type="text"
          required
          lang={template.language}
          value={subject}
          onChange={(e) => {
            setSubject(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-body`}>{t('settings.mailTemplates.body')}</label>
        <textarea
          id={`${ids}-body`}
          rows={10}
          required
          lang={template.language}
          aria-describedby={`${ids}-placeholders`}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
          }}
        />
      </div>
      <p id={`${ids}-placeholders`} className="muted">
        {t('settings.mailTemplates.placeholders')}{' '}
        {TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ')}
      </p>
      <label>
        {t('settings.mailTemplates.previewTicket')}
        <input
          type="number"
          min={1}
          value={ticket}
          onChange={(e) => {
            setTicket(e.target.value);
          }}
        />
      </label>
      <section aria-labelledby={`${ids}-preview`} className="mail-preview">
        <h3 id={`${ids}-preview`}>{t('settings.mailTemplates.preview')}</h3>
        {preview.error && <ErrorMessage error={preview.error} />}
        <div role="status" aria-live="polite" lang={template.language}>
          {preview.data && (
            <>
              <p>
                <strong>{preview.data.subject}</strong>
              </p>
              <pre className="mail-preview-body">{preview.data.body}</pre>
            </>
          )}
        </div>
      </section>
      {save.error && <ErrorMessage error={save.error} />}
      <div role="status" aria-live="polite">
        {save.isSuccess && <p>{t('settings.mailTemplates.saved')}</p>}
      </div>
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t('settings.mailTemplates.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * The desk's automatic messages: one template per event and language, each switched on or
 * off, with a live preview (sample data, or a ticket of the desk) before it is saved.
 */
export function MailTemplates() {
  const { t } = useTranslation();
  const ids = useId();
  const [event, setEvent] = useState<MailTemplateEvent>('received');
  const [language, setLanguage] = useState<Language>('en');
  const templates = useApiQuery('mail.templates', {});
  const template = templates.data?.find((x) => x.event === event && x.language === language);
  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('settings.mailTemplates.title')}</h2>
      <p className="muted">{t('settings.mailTemplates.intro')}</p>
      <div className="form inline">
        <label>
          {t('settings.mailTemplates.event')}
          <select
            value={event}
            onChange={(e) => {
              setEvent(e.target.value as MailTemplateEvent);
            }}
          >
            {MAIL_TEMPLATE_EVENTS.map((name) => (
              <option key={name} value={name}>
                {t(`settings.mailTemplates.events.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.mailTemplates.language')}
          <select
            value={language}
            onChange={(e) => {
              const next = LANGUAGES.find((x) => x === e.target.value);
              if (next) setLanguage(next);
            }}
          >
            <LanguageOptions />
          </select>
        </label>
      </div>
      {templates.error && <ErrorMessage error={templates.error} />}
      {template && (
        <TemplateForm key={`${template.event}:${template.language}`} template={template} />
      )}
    </section>
  );
}
