import { useId, useState, type ChangeEvent, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SshProbeResult } from '@deskside/core';
import { useApiMutation } from '../../../api/hooks';
import { Checkbox } from '../../../components/Checkbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { sameFingerprint } from './ssh-form';

/** What an analyst runs on a Linux machine to read its host key's fingerprint. */
export const HOST_KEY_COMMAND = 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub';

/**
 * A host key presented on first contact, to compare with the one read on the machine itself
 * (or found in a known_hosts file) before the analyst confirms it.
 */
export function HostKeyCheck({
  probed,
  submitLabel,
  pending,
  error,
  onConfirm,
}: {
  probed: SshProbeResult;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const where = `${probed.host}:${probed.port}`;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (confirmed) onConfirm();
  };

  return (
    <form onSubmit={submit} aria-label={t('ssh.confirmTitle', { host: where })}>
      <h3>{t('ssh.confirmTitle', { host: where })}</h3>
      <p>
        {probed.hop === 'jump'
          ? t('ssh.presentedJump', { host: where })
          : t('ssh.presentedMachine', { host: where })}
      </p>
      <p className="fingerprint" aria-label={t('ssh.hostKey')}>
        {probed.fingerprint}
      </p>
      <p>
        {t('ssh.compareIntro')} <code className="hash">{HOST_KEY_COMMAND}</code>
      </p>
      <KnownHostsImport
        probed={probed}
        onMatch={() => {
          setConfirmed(true);
        }}
      />
      <Checkbox checked={confirmed} onChange={setConfirmed}>
        {t('ssh.confirmMatch')}
      </Checkbox>
      {Boolean(error) && <ErrorMessage error={error} />}
      <button type="submit" disabled={!confirmed || pending}>
        {submitLabel}
      </button>
    </form>
  );
}

/** The fingerprints a known_hosts file (pasted or chosen) holds for the host, compared. */
function KnownHostsImport({ probed, onMatch }: { probed: SshProbeResult; onMatch: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const lookUp = useApiMutation('machines.knownHosts');
  const where = `${probed.host}:${probed.port}`;
  const textId = useId();

  const readFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void file.text().then((content) => {
      setText(content);
      lookUp.mutate({ text: content, host: probed.host, port: probed.port });
    });
  };

  const found = lookUp.data?.fingerprints ?? null;
  const matching = found?.find((fingerprint) => sameFingerprint(fingerprint, probed.fingerprint));
  let outcome: ReactNode = null;
  if (found && matching) {
    outcome = (
      <div className="known-hosts-match">
        <p>{t('ssh.knownHosts.match', { host: where })}</p>
        <p className="hash">{matching}</p>
        <button type="button" className="secondary" onClick={onMatch}>
          {t('ssh.knownHosts.useMatch')}
        </button>
      </div>
    );
  } else if (found && found.length > 0) {
    outcome = (
      <div className="error">
        <p>{t('ssh.knownHosts.different', { host: where })}</p>
        <ul className="hash">
          {found.map((fingerprint) => (
            <li key={fingerprint}>{fingerprint}</li>
          ))}
        </ul>
      </div>
    );
  } else if (found) {
    outcome = <p>{t('ssh.knownHosts.none', { host: where })}</p>;
  }

  return (
    <details className="known-hosts">
      <summary>{t('ssh.knownHosts.title')}</summary>
      <label htmlFor={textId}>{t('ssh.knownHosts.paste')}</label>
      <textarea
        id={textId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          lookUp.reset();
        }}
        rows={3}
        spellCheck={false}
      />
      <label>
        {t('ssh.knownHosts.file')}
        <input type="file" onChange={readFile} />
      </label>
      <button
        type="button"
        disabled={text.trim() === '' || lookUp.isPending}
        onClick={() => {
          lookUp.mutate({ text, host: probed.host, port: probed.port });
        }}
      >
        {t('ssh.knownHosts.lookUp', { host: where })}
      </button>
      <div aria-live="polite">{outcome}</div>
      {lookUp.error && <ErrorMessage error={lookUp.error} />}
    </details>
  );
}
