import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSecurity, MailSettingsView, SaveMailSettingsInput } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

const SECURITIES: readonly MailSecurity[] = ['tls', 'starttls', 'none'];

interface ServerFields {
  host: string;
  port: string;
  security: MailSecurity;
  user: string;
  /** Empty: keep the password saved before. */
  password: string;
}

function Server({
  legend,
  value,
  passwordSet,
  onChange,
}: {
  legend: string;
  value: ServerFields;
  passwordSet: boolean;
  onChange: (next: ServerFields) => void;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<ServerFields>) => {
    onChange({ ...value, ...changes });
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label>
        {t('settings.mail.host')}
        <input
          type="text"
          required
          value={value.host}
          onChange={(e) => {
            set({ host: e.target.value });
          }}
        />
      </label>
      <label>
        {t('settings.mail.port')}
        <input
          type="number"
          min={1}
          max={65535}
          required
          value={value.port}
          onChange={(e) => {
            set({ port: e.target.value });
          }}
        />
      </label>
      <label>
        {t('settings.mail.security')}
        <select
          value={value.security}
          onChange={(e) => {
            set({ security: e.target.value as MailSecurity });
          }}
        >
          {SECURITIES.map((security) => (
            <option key={security} value={security}>
              {t(`settings.mail.securityKind.${security}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.mail.user')}
        <input
          type="text"
          autoComplete="off"
          value={value.user}
          onChange={(e) => {
            set({ user: e.target.value });
          }}
        />
      </label>
      <label>
        {t('settings.mail.password')}
        <input
          type="password"
          autoComplete="new-password"
          value={value.password}
          placeholder={passwordSet ? t('settings.mail.passwordKept') : ''}
          onChange={(e) => {
            set({ password: e.target.value });
          }}
        />
      </label>
    </fieldset>
  );
}

const serverFields = (
  saved: { host: string; port: number; security: MailSecurity; user: string } | null | undefined,
  port: number,
  security: MailSecurity,
): ServerFields => ({
  host: saved?.host ?? '',
  port: String(saved?.port ?? port),
  security: saved?.security ?? security,
  user: saved?.user ?? '',
  password: '',
});

function MailForm({ view }: { view: MailSettingsView }) {
  const { t } = useTranslation();
  const ids = useId();
  const saved = view.settings;
  const [enabled, setEnabled] = useState(saved?.enabled ?? false);
  const [imap, setImap] = useState(serverFields(saved?.imap, 993, 'tls'));
  const [folder, setFolder] = useState(saved?.imap.folder ?? 'INBOX');
  const [after, setAfter] = useState(saved?.imap.afterIntake.kind ?? 'seen');
  const [moveTo, setMoveTo] = useState(
    saved?.imap.afterIntake.kind === 'move' ? saved.imap.afterIntake.folder : '',
  );
  const [sending, setSending] = useState(saved?.smtp != null);
  const [smtp, setSmtp] = useState(serverFields(saved?.smtp, 587, 'starttls'));
  const [from, setFrom] = useState(saved?.smtp?.from ?? '');
  const save = useApiMutation('mail.saveSettings');
  const test = useApiMutation('mail.testConnection');

  const input = (): SaveMailSettingsInput => ({
    enabled,
    imap: {
      host: imap.host,
      port: Number(imap.port),
      security: imap.security,
      user: imap.user,
      ...(imap.password ? { password: imap.password } : {}),
      folder,
      afterIntake: after === 'move' ? { kind: 'move', folder: moveTo } : { kind: 'seen' },
    },
    smtp: sending
      ? {
          host: smtp.host,
          port: Number(smtp.port),
          security: smtp.security,
          user: smtp.user,
          ...(smtp.password ? { password: smtp.password } : {}),
          from,
        }
      : null,
  });
  const result = test.data;
  return (
    <form
      className="form"
      aria-label={t('settings.mail.title')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(input());
      }}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
          }}
        />
        {t('settings.mail.enabled')}
      </label>
      <Server
        legend={t('settings.mail.imap')}
        value={imap}
        passwordSet={view.imapPasswordSet}
        onChange={setImap}
      />
      <fieldset>
        <legend>{t('settings.mail.intake')}</legend>
        <label>
          {t('settings.mail.folder')}
          <input
            type="text"
            required
            value={folder}
            onChange={(e) => {
              setFolder(e.target.value);
            }}
          />
        </label>
        <label>
          {t('settings.mail.afterIntake')}
          <select
            value={after}
            onChange={(e) => {
              setAfter(e.target.value === 'move' ? 'move' : 'seen');
            }}
          >
            <option value="seen">{t('settings.mail.markSeen')}</option>
            <option value="move">{t('settings.mail.move')}</option>
          </select>
        </label>
        {after === 'move' && (
          <label>
            {t('settings.mail.moveTo')}
            <input
              type="text"
              required
              value={moveTo}
              onChange={(e) => {
                setMoveTo(e.target.value);
              }}
            />
          </label>
        )}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={sending}
          onChange={(e) => {
            setSending(e.target.checked);
          }}
        />
        {t('settings.mail.sending')}
      </label>
      {sending && (
        <>
          <Server
            legend={t('settings.mail.smtp')}
            value={smtp}
            passwordSet={view.smtpPasswordSet}
            onChange={setSmtp}
          />
          <label>
            {t('settings.mail.from')}
            <input
              type="email"
              required
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
              }}
            />
          </label>
        </>
      )}
      {save.error && <ErrorMessage error={save.error} />}
      {test.error && <ErrorMessage error={test.error} />}
      <div role="status" aria-live="polite" id={`${ids}-result`}>
        {save.isSuccess && <p>{t('settings.mail.saved')}</p>}
        {result && (
          <ul>
            <li>
              {t('settings.mail.imap')}:{' '}
              {result.imap.ok
                ? t('settings.mail.connected')
                : t('settings.mail.failed', { error: result.imap.error ?? '' })}
            </li>
            {result.smtp && (
              <li>
                {t('settings.mail.smtp')}:{' '}
                {result.smtp.ok
                  ? t('settings.mail.connected')
                  : t('settings.mail.failed', { error: result.smtp.error ?? '' })}
              </li>
            )}
          </ul>
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {t('settings.mail.save')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={test.isPending}
          aria-describedby={`${ids}-result`}
          onClick={() => {
            test.mutate({ settings: input() });
          }}
        >
          {t('settings.mail.test')}
        </button>
      </div>
    </form>
  );
}

/** The desk's mailbox (read into tickets) and SMTP server, as this console keeps them. */
export function MailSettings() {
  const { t } = useTranslation();
  const view = useApiQuery('mail.settings', {});
  return (
    <section className="panel" aria-labelledby="mail-title">
      <h2 id="mail-title">{t('settings.mail.title')}</h2>
      <p className="muted">{t('settings.mail.intro')}</p>
      {view.error && <ErrorMessage error={view.error} />}
      {view.data && <MailForm key={JSON.stringify(view.data)} view={view.data} />}
    </section>
  );
}
