import { useTranslation } from 'react-i18next';
import type { FleetQueuedCheck, FleetQueuedChecksRequest } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { CheckResultList } from '../checks/CheckResults';
import { checkName } from '../checks/result-text';

/**
 * Read again this often while on screen: another console may settle a waiting check (this
 * console's own settling arrives at once, as a `fleet.checks` event).
 */
const REFRESH_MS = 5_000;

function QueuedCheck({ item }: { item: FleetQueuedCheck }) {
  const { t, i18n } = useTranslation();
  const names = item.checks.map((check) => checkName(t, check.checkId)).join(', ');
  const results = item.run?.checks.flatMap((check) => (check.result ? [check.result] : [])) ?? [];
  return (
    <li className="check-item fleet-queued">
      <div className="check-head">
        <span className={`check-status fleet-queued-${item.state}`}>
          {t(`fleetChecks.state.${item.state}`)}
        </span>
        <strong>{names}</strong>
        <span className="muted">
          {t('fleetChecks.queuedBy', {
            analyst: item.queuedBy,
            date: formatDateTime(item.queuedAt, i18n.language),
          })}
        </span>
      </div>
      {item.state === 'waiting' && (
        <p className="muted">
          {t('fleetChecks.waiting', { date: formatDateTime(item.expiresAt, i18n.language) })}
        </p>
      )}
      {item.state === 'expired' && (
        <p className="muted">
          {t('fleetChecks.expired', { date: formatDateTime(item.expiresAt, i18n.language) })}
        </p>
      )}
      {item.state === 'refused' && (
        <p className="muted">{t('fleetChecks.refused', { reason: item.problem ?? '' })}</p>
      )}
      {item.state === 'done' && item.settledAt && (
        <p className="muted">
          {t('fleetChecks.ranAt', { date: formatDateTime(item.settledAt, i18n.language) })}
          {item.ticketId !== null &&
            ` ${item.evidenceId ? t('fleetChecks.attached') : t('fleetChecks.attaching')}`}
        </p>
      )}
      {results.length > 0 && <CheckResultList results={results} />}
    </li>
  );
}

/**
 * The checks queued over NATS for a machine or a ticket: waiting (until when), then their
 * results. Nothing when there are none.
 */
export function FleetQueuedChecks({ request }: { request: FleetQueuedChecksRequest }) {
  const { t } = useTranslation();
  const queued = useApiQuery('machines.fleetQueuedChecks', request, {
    refetchEveryMs: REFRESH_MS,
  });
  if (queued.error) return <ErrorMessage error={queued.error} />;
  if (!queued.data || queued.data.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="fleet-queued-title">
      <h2 id="fleet-queued-title">{t('fleetChecks.queuedTitle')}</h2>
      <ul className="check-list" aria-label={t('fleetChecks.queuedTitle')}>
        {queued.data.map((item) => (
          <QueuedCheck key={item.requestId} item={item} />
        ))}
      </ul>
    </section>
  );
}
