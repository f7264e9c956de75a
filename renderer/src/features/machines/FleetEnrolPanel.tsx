import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { FleetEnrolmentOutcome } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

/** What pairing answered, handed to the machine's page as the route's state. */
export interface PairedState {
  fleetEnrolment?: FleetEnrolmentOutcome;
}

/** The outcome of a fleet enrolment in words: joined, or why the machine stays direct. */
export function FleetEnrolmentNote({ outcome }: { outcome: FleetEnrolmentOutcome }) {
  const { t } = useTranslation();
  if (outcome.enrolled) return <p role="status">{t('fleetEnrol.enrolled')}</p>;
  return (
    <p role="status" className="muted">
      {t(`fleetEnrol.reason.${outcome.reason}`)}
      {outcome.reason === 'delivery_failed' && <> ({outcome.detail})</>}
    </p>
  );
}

/**
 * For a paired agent machine not (yet) in the fleet, on a console in fleet mode: what its
 * pairing said about the fleet, and a button that enrols it (`machines.fleetEnrol`).
 */
export function FleetEnrolPanel({ machineId }: { machineId: string }) {
  const { t } = useTranslation();
  const paired = (useLocation().state as PairedState | null)?.fleetEnrolment ?? null;
  const settings = useApiQuery('settings.get', {});
  const enrol = useApiMutation('machines.fleetEnrol');
  if (!settings.data?.fleet) return null;
  const outcome = enrol.data?.fleetEnrolment ?? paired;
  return (
    <section className="panel" aria-label={t('fleetEnrol.title')}>
      <h2>{t('fleetEnrol.title')}</h2>
      {outcome && <FleetEnrolmentNote outcome={outcome} />}
      {enrol.error && <ErrorMessage error={enrol.error} />}
      {!outcome?.enrolled && (
        <button
          type="button"
          disabled={enrol.isPending}
          onClick={() => {
            enrol.mutate({ id: machineId });
          }}
        >
          {t('fleetEnrol.action')}
        </button>
      )}
    </section>
  );
}

/**
 * For a machine in the fleet: takes it out (`machines.fleetRevoke`) after the analyst
 * confirms. Its identities are revoked and the server cuts the agent off; the machine stays
 * paired directly.
 */
export function FleetRevokePanel({ machineId }: { machineId: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const revoke = useApiMutation('machines.fleetRevoke');
  const done = revoke.data;
  return (
    <section className="panel" aria-label={t('fleetEnrol.title')}>
      <h2>{t('fleetEnrol.title')}</h2>
      {done ? (
        <p role="status">
          {done.serverUpdated ? t('fleetEnrol.revoked') : t('fleetEnrol.revokedLater')}
          {done.detail && <> ({done.detail})</>}
        </p>
      ) : (
        <p className="muted">{t('fleetEnrol.inFleet')}</p>
      )}
      {revoke.error && <ErrorMessage error={revoke.error} />}
      {!done && !confirming && (
        <button
          type="button"
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('fleetEnrol.revoke')}
        </button>
      )}
      {!done && confirming && (
        <div role="group" aria-label={t('fleetEnrol.revoke')}>
          <p>{t('fleetEnrol.revokeConfirm')}</p>
          <button
            type="button"
            className="danger"
            disabled={revoke.isPending}
            onClick={() => {
              revoke.mutate({ id: machineId });
            }}
          >
            {t('fleetEnrol.revokeYes')}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('fleetEnrol.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
