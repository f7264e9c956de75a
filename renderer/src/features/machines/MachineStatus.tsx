import { useTranslation } from 'react-i18next';
import type { PairingState } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';

/** For working on a machine, this computer and a paired agent that answers are both online. */
const shownState = (state: PairingState) =>
  state === 'local' || state === 'paired' ? 'online' : state;

/**
 * Whether the machine works with this console right now, asked when shown. Over SSH,
 * `refused` means this analyst has no working login, and the certificate is a host key.
 */
export function MachineStatusBadge({ id, ssh = false }: { id: string; ssh?: boolean }) {
  const { t } = useTranslation();
  const status = useApiQuery('machines.status', { id });
  const state = status.data ? shownState(status.data.state) : 'checking';
  let label: string;
  if (state === 'checking') label = t('machinePage.checking');
  else if (ssh && (state === 'refused' || state === 'certificate_changed')) {
    label = t(`ssh.state.${state}`);
  } else label = t(`machinePage.state.${state}`);
  return (
    <span className={`machine-state machine-${state}`} title={status.data?.detail ?? undefined}>
      {label}
    </span>
  );
}
