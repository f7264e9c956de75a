import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine, MachineStatus } from '@deskside/core';
import { useApiMutation } from '../../../api/hooks';
import { Checkbox } from '../../../components/Checkbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Facts } from '../../../components/Facts';
import { HOST_KEY_COMMAND } from './HostKeyCheck';
import { SshAuthFields } from './SshFields';
import { authOf, changedHop, emptyAuth, sameFingerprint, type AuthDraft } from './ssh-form';

type SshInfo = NonNullable<Machine['ssh']>;

/** How the desk reaches an SSH machine, and this analyst's own login to it. */
export function SshDetails({ machine, ssh }: { machine: Machine; ssh: SshInfo }) {
  const { t } = useTranslation();
  const forget = useApiMutation('machines.forgetSshLogin');
  return (
    <section className="panel" aria-labelledby="ssh-details">
      <h2 id="ssh-details">{t('transport.ssh')}</h2>
      <Facts
        items={[
          [t('ssh.logsInAs'), `${ssh.username}@${machine.address ?? ''}:${machine.port ?? ''}`],
          [
            t('ssh.hostKey'),
            <code key="key" className="hash">
              {ssh.hostKey}
            </code>,
          ],
          [
            t('ssh.jump'),
            ssh.jump ? `${ssh.jump.username}@${ssh.jump.host}:${ssh.jump.port}` : t('ssh.noJump'),
          ],
          ...(ssh.jump
            ? ([
                [
                  t('ssh.jumpHostKey'),
                  <code key="jump-key" className="hash">
                    {ssh.jump.hostKey}
                  </code>,
                ],
              ] as [string, ReactNode][])
            : []),
          [
            t('ssh.yourLogin'),
            ssh.login === 'none'
              ? t('ssh.login.none')
              : `${t(`ssh.login.${ssh.login}`)} (${ssh.authKind ? t(`ssh.auth.${ssh.authKind}`) : '—'})`,
          ],
        ]}
      />
      {ssh.login !== 'none' && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={forget.isPending}
            onClick={() => {
              forget.mutate({ id: machine.id });
            }}
          >
            {t('ssh.forget')}
          </button>
        </div>
      )}
      {forget.error && <ErrorMessage error={forget.error} />}
    </section>
  );
}

/** The analyst's own login to a machine someone added: tried by the console, then kept. */
export function SshLoginForm({
  machine,
  ssh,
  onLoggedIn,
}: {
  machine: Machine;
  ssh: SshInfo;
  onLoggedIn: () => void;
}) {
  const { t } = useTranslation();
  const [auth, setAuth] = useState<AuthDraft>(emptyAuth);
  const [jumpAuth, setJumpAuth] = useState<AuthDraft>(emptyAuth);
  const [remember, setRemember] = useState(false);
  const login = useApiMutation('machines.sshLogin', { onSuccess: onLoggedIn });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    login.mutate({
      id: machine.id,
      auth: authOf(auth),
      ...(ssh.jump ? { jumpAuth: authOf(jumpAuth) } : {}),
      remember,
    });
  };

  const title = t('ssh.loginTitle', { user: ssh.username, host: machine.address ?? '' });
  return (
    <form className="panel form" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{t('ssh.loginIntro')}</p>
      <SshAuthFields legend={t('ssh.auth.legendMachine')} draft={auth} onChange={setAuth} />
      {ssh.jump && (
        <SshAuthFields
          legend={t('ssh.auth.legendJumpAt', {
            host: `${ssh.jump.username}@${ssh.jump.host}:${ssh.jump.port}`,
          })}
          draft={jumpAuth}
          onChange={setJumpAuth}
        />
      )}
      <Checkbox checked={remember} onChange={setRemember}>
        {t('ssh.remember')}
      </Checkbox>
      <p className="muted">{t('ssh.rememberHint')}</p>
      {login.error && <ErrorMessage error={login.error} />}
      <button type="submit" disabled={login.isPending}>
        {login.isPending ? t('ssh.loggingIn') : t('ssh.logIn')}
      </button>
    </form>
  );
}

/**
 * The machine (or its jump host) presents a host key other than the confirmed one. Shown
 * prominently; the new key is taken only when the analyst types it as read on the machine.
 */
export function HostKeyChanged({
  machine,
  ssh,
  status,
  onConfirmed,
}: {
  machine: Machine;
  ssh: SshInfo;
  status: Pick<MachineStatus, 'detail' | 'presentedFingerprint'>;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const problemId = useId();
  const confirm = useApiMutation('machines.confirmSshHostKey', { onSuccess: onConfirmed });
  const hop = changedHop(ssh, status.detail);
  const host =
    hop === 'jump' && ssh.jump
      ? `${ssh.jump.host}:${ssh.jump.port}`
      : `${machine.address ?? ''}:${machine.port ?? ''}`;
  const confirmedKey = hop === 'jump' && ssh.jump ? ssh.jump.hostKey : ssh.hostKey;
  const presented = status.presentedFingerprint;
  const matches = presented !== null && sameFingerprint(typed, presented);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setTried(true);
    if (!matches) return;
    confirm.mutate({ id: machine.id, hop, hostKey: presented });
  };

  return (
    <section className="host-key-changed" aria-labelledby="host-key-changed">
      <div role="alert">
        <h2 id="host-key-changed">{t('hostKeyChanged.title', { host })}</h2>
        <p>{t('hostKeyChanged.body')}</p>
      </div>
      <Facts
        items={[
          [
            t('hostKeyChanged.confirmedKey'),
            <code key="old" className="hash">
              {confirmedKey}
            </code>,
          ],
          [
            t('hostKeyChanged.presentedKey'),
            <code key="new" className="hash">
              {presented ?? '—'}
            </code>,
          ],
        ]}
      />
      <p>
        {t('hostKeyChanged.check')} <code className="hash">{HOST_KEY_COMMAND}</code>
      </p>
      {presented && (
        <form className="form" onSubmit={submit} aria-label={t('hostKeyChanged.confirm')}>
          <label>
            {t('hostKeyChanged.typeKey')}
            <input
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
              }}
              aria-invalid={tried && !matches}
              aria-describedby={tried && !matches ? problemId : undefined}
              autoComplete="off"
              spellCheck={false}
              className="hash"
            />
          </label>
          {tried && !matches && (
            <p id={problemId} role="alert" className="field-problem">
              {t('hostKeyChanged.mismatch')}
            </p>
          )}
          {confirm.error && <ErrorMessage error={confirm.error} />}
          <button type="submit" className="danger" disabled={confirm.isPending}>
            {confirm.isPending ? t('hostKeyChanged.confirming') : t('hostKeyChanged.confirm')}
          </button>
        </form>
      )}
    </section>
  );
}
