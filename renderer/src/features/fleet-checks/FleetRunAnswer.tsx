import { useTranslation } from 'react-i18next';
import type { FleetRunChecksResult } from '@deskside/core';
import type { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';
import { CheckRunView } from '../checks/CheckResults';

/** What asking a fleet machine over NATS gave: its results, its refusal, or a queued check. */
export function FleetRunAnswer({
  mutation,
}: {
  mutation: { isPending: boolean; error: ApiError | null; data: FleetRunChecksResult | undefined };
}) {
  const { t, i18n } = useTranslation();
  if (mutation.isPending) {
    return (
      <p role="status" className="muted">
        {t('fleetChecks.asking')}
      </p>
    );
  }
  if (mutation.error) return <ErrorMessage error={mutation.error} />;
  const answer = mutation.data;
  if (!answer) return null;
  if (answer.via === 'queued') {
    return (
      <p role="status">
        {t('fleetChecks.queuedNow', {
          date: formatDateTime(answer.queued.expiresAt, i18n.language),
        })}
      </p>
    );
  }
  const { outcome } = answer;
  if (outcome.run) {
    return (
      <>
        <p role="status">{t('fleetChecks.askedNow')}</p>
        <CheckRunView run={outcome.run} />
      </>
    );
  }
  return (
    <p role="alert">
      {t('fleetChecks.refusedNow', { reason: outcome.refusal?.message ?? outcome.state })}
    </p>
  );
}
