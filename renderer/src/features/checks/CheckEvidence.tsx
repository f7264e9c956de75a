import { useTranslation } from 'react-i18next';
import type { CheckResultsEvidence } from '@deskside/core';
import { CheckResultList } from './CheckResults';

/** Check results attached to a ticket, rendered from their codes and facts. */
export function CheckEvidence({ evidence }: { evidence: CheckResultsEvidence }) {
  const { t } = useTranslation();
  return (
    <>
      {evidence.content.state === 'cancelled' && (
        <p className="muted">{t('checks.evidence.cancelledRun')}</p>
      )}
      <CheckResultList results={evidence.content.results} />
    </>
  );
}
