import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Machine, ProbeResult } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FingerprintConfirm, PairingCodeInput } from '../machines/PairingCodeInput';

/**
 * Pairs a machine again: connect and show the certificate the agent presents now (saying
 * whether it is the one pinned), then the new pairing code the user reads out.
 */
export function RepairForm({ machine, onDone }: { machine: Machine; onDone: () => void }) {
  const { t } = useTranslation();
  const [probed, setProbed] = useState<ProbeResult | null>(null);
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const probe = useApiMutation('machines.probe', { onSuccess: setProbed });
  const repair = useApiMutation('machines.repair', {
    onSuccess: onDone,
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (probed) repair.mutate({ id: machine.id, code, fingerprint: probed.fingerprint });
  };
  const changed = probed !== null && probed.fingerprint !== machine.fingerprint;

  return (
    <div className="form repair">
      <h3>{t('settings.agents.repairTitle', { name: machine.name })}</h3>
      {!probed && (
        <button
          type="button"
          disabled={probe.isPending}
          onClick={() => {
            if (machine.address && machine.port) {
              probe.mutate({ address: machine.address, port: machine.port });
            }
          }}
        >
          {probe.isPending ? t('machines.connecting') : t('machines.connect')}
        </button>
      )}
      {probe.error && <ErrorMessage error={probe.error} />}
      {probed && (
        <form
          onSubmit={submit}
          aria-label={t('settings.agents.repairTitle', { name: machine.name })}
        >
          <p>{t('machines.confirmIntro')}</p>
          <p className="fingerprint" aria-label={t('machines.fingerprint')}>
            {probed.fingerprint}
          </p>
          <p className={changed ? 'field-error' : 'muted'} role={changed ? 'alert' : undefined}>
            {changed
              ? t('settings.agents.certificateChanged')
              : t('settings.agents.certificateSame')}
          </p>
          <PairingCodeInput code={code} onChange={setCode} />
          <FingerprintConfirm confirmed={confirmed} onChange={setConfirmed} />
          {repair.error && <ErrorMessage error={repair.error} />}
          <div className="actions">
            <button type="submit" disabled={!confirmed || repair.isPending}>
              {t('settings.agents.repairSubmit')}
            </button>
            <button type="button" className="secondary" onClick={onDone}>
              {t('tickets.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
