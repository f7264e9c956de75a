import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthDraft, TargetDraft } from './ssh-form';

const AUTH_KINDS: readonly AuthDraft['kind'][] = ['key', 'agent', 'password'];

/** Where an SSH server listens and whom to log in as. */
export function SshTargetFields({
  legend,
  draft,
  onChange,
}: {
  legend: string;
  draft: TargetDraft;
  onChange: (draft: TargetDraft) => void;
}) {
  const { t } = useTranslation();
  const field = (name: keyof TargetDraft) => (e: ChangeEvent<HTMLInputElement>) => {
    onChange({ ...draft, [name]: e.target.value });
  };
  return (
    <fieldset className="inline-field">
      <legend>{legend}</legend>
      <label>
        {t('ssh.host')}
        <input
          value={draft.host}
          onChange={field('host')}
          autoComplete="off"
          spellCheck={false}
          required
        />
      </label>
      <label>
        {t('ssh.port')}
        <input
          value={draft.port}
          onChange={field('port')}
          inputMode="numeric"
          pattern="[0-9]{1,5}"
          size={6}
          required
        />
      </label>
      <label>
        {t('ssh.username')}
        <input
          value={draft.username}
          onChange={field('username')}
          autoComplete="off"
          spellCheck={false}
          required
        />
      </label>
    </fieldset>
  );
}

/**
 * How the analyst logs in: a private key (pasted or read from its file, with its passphrase),
 * the ssh-agent, or a password. A key once entered is not shown again, only that there is one.
 */
export function SshAuthFields({
  legend,
  draft,
  onChange,
}: {
  legend: string;
  draft: AuthDraft;
  onChange: (draft: AuthDraft) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const socketHint = useId();
  const [editingKey, setEditingKey] = useState(draft.privateKey === '');
  const set = (change: Partial<AuthDraft>) => {
    onChange({ ...draft, ...change });
  };

  const readKeyFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void file.text().then((privateKey) => {
      set({ privateKey, keyFile: file.name });
      setEditingKey(false);
    });
  };

  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="choices">
        {AUTH_KINDS.map((kind) => (
          <label className="checkbox" key={kind}>
            <input
              type="radio"
              name={name}
              checked={draft.kind === kind}
              onChange={() => {
                set({ kind });
              }}
            />
            {t(`ssh.auth.${kind}`)}
          </label>
        ))}
      </div>
      {draft.kind === 'key' && (
        <>
          {editingKey || draft.privateKey === '' ? (
            <>
              <label>
                {t('ssh.auth.pasteKey')}
                <textarea
                  className="secret-key"
                  value={draft.privateKey}
                  onChange={(e) => {
                    set({ privateKey: e.target.value, keyFile: null });
                  }}
                  onBlur={() => {
                    if (draft.privateKey.trim() !== '') setEditingKey(false);
                  }}
                  rows={3}
                  autoComplete="off"
                  spellCheck={false}
                  required
                />
              </label>
              <label>
                {t('ssh.auth.chooseFile')}
                <input type="file" onChange={readKeyFile} />
              </label>
            </>
          ) : (
            <p className="key-entered">
              <span role="status">
                {draft.keyFile
                  ? t('ssh.auth.keyFromFile', { file: draft.keyFile })
                  : t('ssh.auth.keyEntered')}
              </span>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  set({ privateKey: '', keyFile: null });
                  setEditingKey(true);
                }}
              >
                {t('ssh.auth.replaceKey')}
              </button>
            </p>
          )}
          <label>
            {t('ssh.auth.passphrase')}
            <input
              type="password"
              value={draft.passphrase}
              onChange={(e) => {
                set({ passphrase: e.target.value });
              }}
              autoComplete="off"
            />
          </label>
        </>
      )}
      {draft.kind === 'agent' && (
        <>
          <label>
            {t('ssh.auth.socket')}
            <input
              value={draft.socket}
              onChange={(e) => {
                set({ socket: e.target.value });
              }}
              aria-describedby={socketHint}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          <small id={socketHint} className="muted">
            {t('ssh.auth.socketHint')}
          </small>
        </>
      )}
      {draft.kind === 'password' && (
        <label>
          {t('ssh.auth.passwordField')}
          <input
            type="password"
            value={draft.password}
            onChange={(e) => {
              set({ password: e.target.value });
            }}
            autoComplete="off"
            required
          />
        </label>
      )}
    </fieldset>
  );
}
