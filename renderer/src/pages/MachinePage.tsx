import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Machine } from '@deskside/core';
import { ApiError } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { Facts } from '../components/Facts';
import { InventorySections } from '../features/inventory/InventorySections';
import { InventoryHistory } from '../features/inventory-changes/InventoryHistory';
import { AttachToTicket } from '../features/machines/AttachToTicket';
import { ChecksPanel } from '../features/checks/ChecksPanel';
import { FleetQueuedChecks } from '../features/fleet-checks/FleetQueuedChecks';
import { FleetEnrolPanel, FleetRevokePanel } from '../features/machines/FleetEnrolPanel';
import { machineLabel } from '../features/machines/labels';
import { MachineStatusBadge } from '../features/machines/MachineStatus';
import { MachineTickets } from '../features/machines/MachineTickets';
import { HostKeyChanged, SshDetails, SshLoginForm } from '../features/machines/ssh/SshMachinePanel';
import { formatDateTime } from '../i18n/format';

/** Refusals that a login of the analyst's own answers. */
const LOGIN_ERRORS: readonly string[] = ['ssh_login_missing', 'ssh_auth_refused'];

export function MachinePage() {
  const { t, i18n } = useTranslation();
  const id = useParams().id ?? '';
  const machine = useApiQuery('machines.get', { id });
  const ssh = machine.data?.ssh ?? null;
  // Over SSH, nothing is collected before this analyst has a login of their own.
  const snapshot = useApiQuery(
    'machines.inventory',
    { id },
    { enabled: machine.isSuccess && ssh?.login !== 'none' },
  );
  // Collecting the inventory contacts the machine: the query refreshes its last contact.
  const status = useApiQuery('machines.status', { id }, { enabled: ssh !== null });
  const needsLogin =
    ssh !== null &&
    (ssh.login === 'none' ||
      (snapshot.error instanceof ApiError && LOGIN_ERRORS.includes(snapshot.error.code)));
  const keyChanged = ssh !== null && status.data?.state === 'certificate_changed';
  // A machine whose agent is in the fleet: checks go over NATS (asked or queued).
  const fleet = useApiQuery('machines.fleetPresence', {});
  const inFleet = fleet.data?.some((p) => p.machineId === id) ?? false;

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
            <MachineStatusBadge id={machine.data.id} ssh={ssh !== null} />
            <button
              type="button"
              onClick={() => void snapshot.refetch()}
              disabled={snapshot.isFetching || (ssh !== null && ssh.login === 'none')}
            >
              {t('inventory.refresh')}
            </button>
          </header>
          {ssh && keyChanged && status.data && (
            <HostKeyChanged
              machine={machine.data}
              ssh={ssh}
              status={status.data}
              onConfirmed={() => void snapshot.refetch()}
            />
          )}
          <section className="panel" aria-label={t('machinePage.status')}>
            <Facts items={facts(machine.data, t, i18n.language)} />
          </section>
          {ssh && <SshDetails machine={machine.data} ssh={ssh} />}
          {machine.data.transport === 'agent-https' && fleet.isSuccess && !inFleet && (
            <FleetEnrolPanel machineId={machine.data.id} />
          )}
          {machine.data.transport === 'agent-https' && inFleet && (
            <FleetRevokePanel machineId={machine.data.id} />
          )}
          {ssh && needsLogin && (
            <SshLoginForm
              machine={machine.data}
              ssh={ssh}
              onLoggedIn={() => void snapshot.refetch()}
            />
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
          {ssh?.login === 'none' && <p className="muted">{t('ssh.inventoryNeedsLogin')}</p>}
          {snapshot.data && ssh?.login !== 'none' && (
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
          <InventoryHistory machineId={machine.data.id} fetched={snapshot.data?.snapshotId} />
          <ChecksPanel
            machineId={machine.data.id}
            transport={machine.data.transport}
            fleet={inFleet}
          />
          {inFleet && <FleetQueuedChecks request={{ machineId: machine.data.id }} />}
          <MachineTickets id={machine.data.id} />
        </>
      )}
    </main>
  );
}

/** When the console last reached the machine, and how: the agent's address and certificate. */
function facts(machine: Machine, t: TFunction, language: string): [string, ReactNode][] {
  return [
    [
      t('machines.lastContact'),
      machine.lastContactAt ? formatDateTime(machine.lastContactAt, language) : t('machines.never'),
    ],
    [t('machines.reachedThrough'), t(`transport.${machine.transport}`)],
    ...(machine.transport === 'agent-https' && machine.fingerprint
      ? ([
          [t('machines.address'), `${machine.address ?? ''}:${machine.port ?? ''}`],
          [
            t('machines.fingerprint'),
            <code key="fp" className="hash">
              {machine.fingerprint}
            </code>,
          ],
        ] as [string, ReactNode][])
      : []),
  ];
}
