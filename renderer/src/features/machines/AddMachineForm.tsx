import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AGENT_PORT, type Machine, type ProbeResult } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  AgentAddressFields,
  FingerprintConfirm,
  MachineNameField,
  PairingCodeInput,
} from './PairingCodeInput';

type Credential = 'code' | 'token';
const CREDENTIALS: readonly Credential[] = ['code', 'token'];

/**
 * Two steps: connect and show the certificate the agent presents; then the analyst
 * compares it with what the user reads from the agent, enters the pairing code the user
 * reads out (or a pre-provisioned console token), and adds.
 */
export function AddMachineForm({ onAdded }: { onAdded: (machine: Machine) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(String(DEFAULT_AGENT_PORT));
  const [probed, setProbed] = useState<ProbeResult | null>(null);
  const [name, setName] = useState('');
  const [credential, setCredential] = useState<Credential>('code');
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const hintId = useId();
  const probe = useApiMutation('machines.probe', { onSuccess: setProbed });
  const add = useApiMutation('machines.add', { onSuccess: onAdded });
  const pair = useApiMutation('machines.pair', { onSuccess: onAdded });
  const adding = credential === 'code' ? pair : add;

  const connect = (event: SubmitEvent) => {
    event.preventDefault();
    setProbed(null);
    setConfirmed(false);
    probe.mutate({ address, port: Number(port) });
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!probed) return;
    const machine = {
      address: probed.address,
      port: probed.port,
      fingerprint: probed.fingerprint,
      ...(name.trim() ? { name: name.trim() } : {}),
    };
    if (credential === 'code') pair.mutate({ ...machine, code });
    else add.mutate({ ...machine, token: token.trim() });
  };

  return (
    <div className="panel form">
      <h2>{t('machines.add')}</h2>
      <p className="muted">{t('machines.addIntro')}</p>
      <form onSubmit={connect} aria-label={t('machines.connect')} className="inline">
        <AgentAddressFields address={address} port={port} onAddress={setAddress} onPort={setPort} />
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
          <fieldset>
            <legend>{t('machines.credential')}</legend>
            {CREDENTIALS.map((kind) => (
              <label className="checkbox" key={kind}>
                <input
                  type="radio"
                  name="credential"
                  checked={credential === kind}
                  onChange={() => {
                    setCredential(kind);
                  }}
                />
                {kind === 'code' ? t('machines.withCode') : t('machines.withToken')}
              </label>
            ))}
          </fieldset>
          {credential === 'code' ? (
            <PairingCodeInput code={code} onChange={setCode} />
          ) : (
            <>
              <label>
                {t('machines.token')}
                <input
                  value={token}
                  onChange={(e) => {
                    setToken(e.target.value);
                  }}
                  aria-describedby={hintId}
                  type="password"
                  autoComplete="off"
                  required
                />
              </label>
              <small id={hintId} className="muted">
                {t('machines.tokenHint')}
              </small>
            </>
          )}
          <MachineNameField name={name} onChange={setName} />
          <FingerprintConfirm confirmed={confirmed} onChange={setConfirmed} />
          {adding.error && <ErrorMessage error={adding.error} />}
          <button type="submit" disabled={!confirmed || adding.isPending}>
            {adding.isPending ? t('machines.adding') : t('machines.confirmAdd')}
          </button>
        </form>
      )}
    </div>
  );
}
