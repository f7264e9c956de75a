import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { AddMachineForm } from '../features/machines/AddMachineForm';
import { machineLabel } from '../features/machines/labels';
import { MachineStatusBadge } from '../features/machines/MachineStatus';
import { formatDateTime } from '../i18n/format';

export function MachinesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const machines = useApiQuery('machines.list', {});

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
        <AddMachineForm
          onAdded={(machine) => {
            void navigate(`/machines/${machine.id}`);
          }}
        />
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
            </tr>
          </thead>
          <tbody>
            {machines.data.map((machine) => (
              <tr key={machine.id}>
                <td>
                  <Link to={`/machines/${machine.id}`}>{machineLabel(machine, t)}</Link>
                </td>
                <td>{machine.hostname ?? '—'}</td>
                <td>
                  {machine.address ? `${machine.address}:${machine.port}` : t('transport.local')}
                </td>
                <td>
                  {machine.lastContactAt
                    ? formatDateTime(machine.lastContactAt, i18n.language)
                    : t('machines.never')}
                </td>
                <td>
                  <MachineStatusBadge id={machine.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
