import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { Machine } from '@deskside/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { AddEnrolledMachineForm } from '../features/machines/AddEnrolledMachineForm';
import { AddMachineForm } from '../features/machines/AddMachineForm';
import type { PairedState } from '../features/machines/FleetEnrolPanel';
import { EnrolmentFiles } from '../features/machines/EnrolmentFiles';
import { machineLabel } from '../features/machines/labels';
import { FleetScatterPanel } from '../features/fleet-checks/FleetScatterPanel';
import { FleetPresenceBadge } from '../features/machines/FleetPresence';
import { MachineStatusBadge } from '../features/machines/MachineStatus';
import { AddSshMachineForm } from '../features/machines/ssh/AddSshMachineForm';
import { formatDateTime } from '../i18n/format';

type AddWay = 'agent' | 'enrolled' | 'ssh';
const ADD_WAYS: readonly AddWay[] = ['agent', 'enrolled', 'ssh'];

/** Where the machine is: its address, and for SSH whom the console logs in as. */
function whereLabel(machine: Machine, t: TFunction): string {
  if (!machine.address) return t('transport.local');
  const at = `${machine.address}:${machine.port ?? ''}`;
  return machine.ssh ? `${machine.ssh.username}@${at}` : at;
}

export function MachinesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [way, setWay] = useState<AddWay>('agent');
  const machines = useApiQuery('machines.list', {});
  // Fleet mode: online and last seen over NATS (an empty list without it).
  const fleet = useApiQuery('machines.fleetPresence', {});
  const fleetById = new Map(fleet.data?.map((presence) => [presence.machineId, presence]));
  // A pairing's answer says whether the machine joined the fleet: its page shows it.
  const openMachine = (machine: Machine & PairedState) => {
    const state: PairedState = machine.fleetEnrolment
      ? { fleetEnrolment: machine.fleetEnrolment }
      : {};
    void navigate(`/machines/${machine.id}`, { state });
  };

  return (
    <main>
      <header className="page-header">
        <h1>{t('machines.title')}</h1>
        {!adding && (
          <button
            type="button"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('machines.add')}
          </button>
        )}
      </header>
      {adding && (
        <>
          <fieldset className="add-way">
            <legend>{t('ssh.chooseWay')}</legend>
            {ADD_WAYS.map((option) => (
              <label className="checkbox" key={option}>
                <input
                  type="radio"
                  name="add-way"
                  checked={way === option}
                  onChange={() => {
                    setWay(option);
                  }}
                />
                {t(`ssh.way.${option}`)}
              </label>
            ))}
          </fieldset>
          {way === 'agent' && <AddMachineForm onAdded={openMachine} />}
          {way === 'enrolled' && <AddEnrolledMachineForm onAdded={openMachine} />}
          {way === 'ssh' && <AddSshMachineForm onAdded={openMachine} />}
        </>
      )}
      {machines.error && (
        <ErrorMessage error={machines.error} onRetry={() => void machines.refetch()} />
      )}
      {machines.data && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('machines.name')}</th>
              <th scope="col">{t('machines.hostname')}</th>
              <th scope="col">{t('machines.address')}</th>
              <th scope="col">{t('machines.lastContact')}</th>
              <th scope="col">{t('machinePage.status')}</th>
              <th scope="col">{t('machines.reachedThrough')}</th>
            </tr>
          </thead>
          <tbody>
            {machines.data.map((machine) => (
              <tr key={machine.id}>
                <td>
                  <Link to={`/machines/${machine.id}`}>{machineLabel(machine, t)}</Link>
                </td>
                <td>{machine.hostname ?? '—'}</td>
                <td>{whereLabel(machine, t)}</td>
                <td>
                  {machine.lastContactAt
                    ? formatDateTime(machine.lastContactAt, i18n.language)
                    : t('machines.never')}
                </td>
                <td>
                  <MachineStatusBadge id={machine.id} ssh={machine.transport === 'ssh'} />
                  {fleetById.has(machine.id) && (
                    <>
                      <br />
                      <FleetPresenceBadge presence={fleetById.get(machine.id)} />
                    </>
                  )}
                </td>
                <td>
                  {t(`transport.${machine.transport}`)}
                  {machine.ssh && (
                    <>
                      <br />
                      <span className="muted">{t(`ssh.login.${machine.ssh.login}`)}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fleetById.size > 0 && (
        <FleetScatterPanel
          machineNames={new Map(machines.data?.map((machine) => [machine.id, machine.name]))}
        />
      )}
      <EnrolmentFiles />
    </main>
  );
}
