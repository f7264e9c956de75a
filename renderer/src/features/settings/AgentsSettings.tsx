import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { RepairForm } from './RepairForm';

function PairingStatus({ machine }: { machine: Machine }) {
  const { t } = useTranslation();
  const status = useApiQuery('machines.status', { id: machine.id });
  if (status.isPending) return <span className="muted">{t('settings.agents.checking')}</span>;
  if (status.error) return <ErrorMessage error={status.error} />;
  const { state, detail } = status.data;
  return (
    <span className={`pairing pairing-${state}`} title={detail ?? undefined}>
      {t(`settings.agents.state.${state}`)}
    </span>
  );
}

function AgentRow({ machine }: { machine: Machine }) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<'repair' | 'remove' | null>(null);
  const remove = useApiMutation('machines.remove');
  return (
    <>
      <tr>
        <th scope="row">{machine.name}</th>
        <td>
          {machine.address}:{machine.port}
        </td>
        <td>
          {machine.lastContactAt
            ? formatDateTime(machine.lastContactAt, i18n.language)
            : t('machines.never')}
        </td>
        <td>
          <PairingStatus machine={machine} />
        </td>
        <td className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setAction('repair');
            }}
          >
            {t('settings.agents.repair', { name: machine.name })}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setAction('remove');
            }}
          >
            {t('settings.agents.remove', { name: machine.name })}
          </button>
        </td>
      </tr>
      {action && (
        <tr>
          <td colSpan={5}>
            {action === 'repair' ? (
              <RepairForm
                machine={machine}
                onDone={() => {
                  setAction(null);
                }}
              />
            ) : (
              <div
                className="confirm"
                role="group"
                aria-label={t('settings.agents.remove', { name: machine.name })}
              >
                <p>{t('settings.agents.removeConfirm', { name: machine.name })}</p>
                {remove.error && <ErrorMessage error={remove.error} />}
                <div className="actions">
                  <button
                    type="button"
                    disabled={remove.isPending}
                    onClick={() => {
                      remove.mutate({ id: machine.id });
                    }}
                  >
                    {t('settings.agents.removeYes')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setAction(null);
                    }}
                  >
                    {t('settings.agents.keep')}
                  </button>
                </div>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** The agent machines this console added, whether each still accepts it, re-pair, remove. */
export function AgentsSettings() {
  const { t } = useTranslation();
  const machines = useApiQuery('machines.list', {});
  const agents = machines.data?.filter((m) => m.transport === 'agent-https') ?? [];
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('settings.agents.title')}</h2>
      <p className="muted">{t('settings.agents.intro')}</p>
      {machines.error && <ErrorMessage error={machines.error} />}
      {machines.data && agents.length === 0 && <p className="muted">{t('settings.agents.none')}</p>}
      {agents.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('machines.name')}</th>
              <th scope="col">{t('machines.address')}</th>
              <th scope="col">{t('machines.lastContact')}</th>
              <th scope="col">{t('settings.agents.pairing')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.groups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.map((machine) => (
              <AgentRow key={machine.id} machine={machine} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
