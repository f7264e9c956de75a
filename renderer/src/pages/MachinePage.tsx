import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { Facts } from '../components/Facts';
import { InventorySections } from '../features/inventory/InventorySections';
import { AttachToTicket } from '../features/machines/AttachToTicket';
import { machineLabel } from '../features/machines/labels';
import { formatDateTime } from '../i18n/format';

export function MachinePage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const machine = useApiQuery('machines.get', { id });
  const snapshot = useApiQuery('machines.inventory', { id }, { enabled: machine.isSuccess });

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
            <button
              type="button"
              onClick={() => void snapshot.refetch()}
              disabled={snapshot.isFetching}
            >
              {t('inventory.refresh')}
            </button>
          </header>
          {machine.data.fingerprint && (
            <section className="panel">
              <Facts
                items={[
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
                ]}
              />
            </section>
          )}
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
        </>
      )}
    </main>
  );
}
