import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AGENT_PORT, type Machine, type ProbeResult } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * Two steps: connect and show the certificate the agent presents; then the analyst
 * compares it with what the user reads from the agent, enters the token, and adds.
 */
export function AddMachineForm({ onAdded }: { onAdded: (machine: Machine) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(String(DEFAULT_AGENT_PORT));
  const [probed, setProbed] = useState<ProbeResult | null>(null);
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const probe = useApiMutation('machines.probe', [], { onSuccess: setProbed });
  const add = useApiMutation('machines.add', ['machines.list'], { onSuccess: onAdded });

  const connect = (event: SubmitEvent) => {
    event.preventDefault();
    setProbed(null);
    setConfirmed(false);
    probe.mutate({ address, port: Number(port) });
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!probed) return;
    add.mutate({
      address: probed.address,
      port: probed.port,
      fingerprint: probed.fingerprint,
      token: token.trim(),
      ...(name.trim() ? { name: name.trim() } : {}),
    });
  };

  return (
    <div className="panel form">
      <h2>{t('machines.add')}</h2>
      <p className="muted">{t('machines.addIntro')}</p>
      <form onSubmit={connect} aria-label={t('machines.connect')} className="inline">
        <label>
          {t('machines.address')}
          <input
            value={address}
            onChange={(e) => {
              setAddress(e.target.value);
            }}
            required
          />
        </label>
        <label>
          {t('machines.port')}
          <input
            value={port}
            onChange={(e) => {
              setPort(e.target.value);
            }}
            inputMode="numeric"
            required
          />
        </label>
        <button type="submit" disabled={probe.isPending}>
          {probe.isPending ? t('machines.connecting') : t('machines.connect')}
        </button>
      </form>
      {probe.error && <ErrorMessage error={probe.error} />}
      {probed && (
        <form onSubmit={submit} aria-label={t('machines.confirmAdd')}>
          <p>{t('machines.confirmIntro')}</p>
          <p className="fingerprint" aria-label={t('machines.fingerprint')}>
            {probed.fingerprint}
          </p>
          <p className="muted">{t('machines.agentVersion', { version: probed.agentVersion })}</p>
          <label>
            {t('machines.token')}
            <input
              value={token}
              onChange={(e) => {
                setToken(e.target.value);
              }}
              type="password"
              autoComplete="off"
              required
            />
            <small className="muted">{t('machines.tokenHint')}</small>
          </label>
          <label>
            {t('machines.nameOptional')}
            <input
              value={name}
              onChange={(e) => {
                setName(e.target.value);
              }}
              maxLength={120}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => {
                setConfirmed(e.target.checked);
              }}
            />
            {t('machines.confirmMatch')}
          </label>
          {add.error && <ErrorMessage error={add.error} />}
          <button type="submit" disabled={!confirmed || add.isPending}>
            {add.isPending ? t('machines.adding') : t('machines.confirmAdd')}
          </button>
        </form>
      )}
    </div>
  );
}
