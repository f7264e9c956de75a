import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AGENT_PORT, type Machine } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AgentAddressFields, MachineNameField } from './PairingCodeInput';

/**
 * One step for an agent that took this desk's enrolment file: the address. The console
 * checks the agent's proof for the certificate it presents before it pins it; no code.
 */
export function AddEnrolledMachineForm({ onAdded }: { onAdded: (machine: Machine) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(String(DEFAULT_AGENT_PORT));
  const [name, setName] = useState('');
  const add = useApiMutation('machines.addEnrolled', { onSuccess: onAdded });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    add.mutate({ address, port: Number(port), ...(name.trim() ? { name: name.trim() } : {}) });
  };

  return (
    <div className="panel form">
      <h2>{t('enrolment.addTitle')}</h2>
      <p className="muted">{t('enrolment.addIntro')}</p>
      <form onSubmit={submit} aria-label={t('enrolment.addTitle')}>
        <AgentAddressFields address={address} port={port} onAddress={setAddress} onPort={setPort} />
        <MachineNameField name={name} onChange={setName} />
        {add.error && <ErrorMessage error={add.error} />}
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? t('machines.adding') : t('enrolment.add')}
        </button>
      </form>
    </div>
  );
}
