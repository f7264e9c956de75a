import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine, SshProbeResult } from '@deskside/core';
import { useApiMutation } from '../../../api/hooks';
import { Checkbox } from '../../../components/Checkbox';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { MachineNameField } from '../PairingCodeInput';
import { HostKeyCheck } from './HostKeyCheck';
import { SshAuthFields, SshTargetFields } from './SshFields';
import {
  authOf,
  emptyAuth,
  emptyTarget,
  targetOf,
  type AuthDraft,
  type TargetDraft,
} from './ssh-form';

/**
 * Adds a machine without the agent: where its SSH server is and the analyst's login; then
 * the host key it presents, compared with the one on the machine and confirmed (a jump
 * host's first, then the machine's behind it); then the machine is added with that key.
 */
export function AddSshMachineForm({ onAdded }: { onAdded: (machine: Machine) => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<TargetDraft>(emptyTarget);
  const [auth, setAuth] = useState<AuthDraft>(emptyAuth);
  const [useJump, setUseJump] = useState(false);
  const [jumpTarget, setJumpTarget] = useState<TargetDraft>(emptyTarget);
  const [jumpAuth, setJumpAuth] = useState<AuthDraft>(emptyAuth);
  const [name, setName] = useState('');
  const [remember, setRemember] = useState(false);
  /** The jump host's key once the analyst confirmed it. */
  const [jumpKey, setJumpKey] = useState<string | null>(null);
  const [probed, setProbed] = useState<SshProbeResult | null>(null);
  const probe = useApiMutation('machines.probeSsh', {
    onSuccess: (result) => {
      setProbed(result);
    },
  });
  const add = useApiMutation('machines.addSsh', {
    onSuccess: (machine) => {
      onAdded(machine);
    },
  });

  const jumpHop = <K extends string | null>(hostKey: K) => ({
    target: targetOf(jumpTarget),
    auth: authOf(jumpAuth),
    hostKey,
  });
  const probeWith = (confirmedJumpKey: string | null) => {
    setProbed(null);
    add.reset();
    probe.mutate({
      target: targetOf(target),
      ...(useJump ? { jump: jumpHop(confirmedJumpKey) } : {}),
    });
  };
  /** Another server, or another way there: whatever was confirmed is asked again. */
  const restart = () => {
    setProbed(null);
    setJumpKey(null);
    probe.reset();
    add.reset();
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    probeWith(useJump ? jumpKey : null);
  };

  const confirm = () => {
    if (!probed) return;
    if (probed.hop === 'jump') {
      setJumpKey(probed.fingerprint);
      probeWith(probed.fingerprint);
      return;
    }
    add.mutate({
      ...(name.trim() ? { name: name.trim() } : {}),
      target: targetOf(target),
      auth: authOf(auth),
      hostKey: probed.fingerprint,
      ...(useJump && jumpKey ? { jump: jumpHop(jumpKey) } : {}),
      remember,
    });
  };

  return (
    <div className="panel form ssh-form">
      <h2>{t('ssh.addTitle')}</h2>
      <p className="muted">{t('ssh.addIntro')}</p>
      <form onSubmit={submit} aria-label={t('ssh.details')}>
        <SshTargetFields
          legend={t('ssh.machine')}
          draft={target}
          onChange={(draft) => {
            setTarget(draft);
            restart();
          }}
        />
        <SshAuthFields legend={t('ssh.auth.legendMachine')} draft={auth} onChange={setAuth} />
        <Checkbox
          checked={useJump}
          onChange={(checked) => {
            setUseJump(checked);
            restart();
          }}
        >
          {t('ssh.useJump')}
        </Checkbox>
        {useJump && (
          <>
            <SshTargetFields
              legend={t('ssh.jump')}
              draft={jumpTarget}
              onChange={(draft) => {
                setJumpTarget(draft);
                restart();
              }}
            />
            <SshAuthFields
              legend={t('ssh.auth.legendJump')}
              draft={jumpAuth}
              onChange={setJumpAuth}
            />
          </>
        )}
        <MachineNameField name={name} onChange={setName} />
        <Checkbox checked={remember} onChange={setRemember}>
          {t('ssh.remember')}
        </Checkbox>
        <p className="muted">{t('ssh.rememberHint')}</p>
        <button type="submit" disabled={probe.isPending}>
          {probe.isPending ? t('ssh.probing') : t('ssh.probe')}
        </button>
      </form>
      {probe.error && <ErrorMessage error={probe.error} />}
      {jumpKey && <p role="status">{t('ssh.jumpConfirmed', { fingerprint: jumpKey })}</p>}
      {probed && (
        <HostKeyCheck
          key={`${probed.hop} ${probed.fingerprint}`}
          probed={probed}
          submitLabel={
            probed.hop === 'jump'
              ? t('ssh.confirmJump')
              : add.isPending
                ? t('machines.adding')
                : t('machines.confirmAdd')
          }
          pending={add.isPending}
          error={probed.hop === 'machine' ? add.error : null}
          onConfirm={confirm}
        />
      )}
    </div>
  );
}
