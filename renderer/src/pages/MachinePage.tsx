import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { Facts } from '../components/Facts';
import { InventorySections } from '../features/inventory/InventorySections';
import { AttachToTicket } from '../features/machines/AttachToTicket';
import { ChecksPanel } from '../features/checks/ChecksPanel';
import { machineLabel } from '../features/machines/labels';
import { MachineStatusBadge } from '../features/machines/MachineStatus';
import { MachineTickets } from '../features/machines/MachineTickets';
import { formatDateTime } from '../i18n/format';

export function MachinePage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const machine = useApiQuery('machines.get', { id });
  const snapshot = useApiQuery('machines.inventory', { id }, { enabled: machine.isSuccess });
  // Collecting the inventory contacts the machine: the query refreshes its last contact.

  return (
    <main>
      <p>
        <Link to="/machines">← {t('machines.back')}</Link>
      </p>
      {machine.error && <ErrorMessage error={machine.error} />}
      {machine.data && (
        <>
          <header className="page-header">
            <h1>{machineLabel(machine.data, t)}</h1>
            <MachineStatusBadge id={machine.data.id} />
            <button
              type="button"
              onClick={() => void snapshot.refetch()}
              disabled={snapshot.isFetching}
            >
              {t('inventory.refresh')}
            </button>
          </header>
          <section className="panel" aria-label={t('machinePage.status')}>
            <Facts
              items={[
                [
                  t('machines.lastContact'),
                  machine.data.lastContactAt
                    ? formatDateTime(machine.data.lastContactAt, i18n.language)
                    : t('machines.never'),
                ],
                ...(machine.data.fingerprint
                  ? ([
                      [
                        t('machines.address'),
                        `${machine.data.address ?? ''}:${machine.data.port ?? ''}`,
                      ],
                      [
                        t('machines.fingerprint'),
                        <code key="fp" className="hash">
                          {machine.data.fingerprint}
                        </code>,
                      ],
                    ] as [string, ReactNode][])
                  : []),
              ]}
            />
          </section>
          <h2>{t('inventory.title')}</h2>
          {snapshot.isFetching && (
            <p role="status" className="muted">
              {t('inventory.collecting')}
            </p>
          )}
          {snapshot.error && (
            <ErrorMessage error={snapshot.error} onRetry={() => void snapshot.refetch()} />
          )}
          {snapshot.data && (
            <>
              <p className="muted">
                {t('inventory.fetchedAt', {
                  date: formatDateTime(snapshot.data.fetchedAt, i18n.language),
                  transport: t(`transport.${snapshot.data.transport}`),
                })}
              </p>
              <AttachToTicket snapshotId={snapshot.data.snapshotId} />
              <InventorySections inventory={snapshot.data.inventory} />
            </>
          )}
          <ChecksPanel machineId={machine.data.id} />
          <MachineTickets id={machine.data.id} />
        </>
      )}
    </main>
  );
}
