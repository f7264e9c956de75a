import { useTranslation } from 'react-i18next';
import type { PairingState } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';

/** For working on a machine, this computer and a paired agent that answers are both online. */
const shownState = (state: PairingState) =>
  state === 'local' || state === 'paired' ? 'online' : state;

/** Whether the machine works with this console right now, asked when shown. */
export function MachineStatusBadge({ id }: { id: string }) {
  const { t } = useTranslation();
  const status = useApiQuery('machines.status', { id });
  const state = status.data ? shownState(status.data.state) : 'checking';
  return (
    <span className={`machine-state machine-${state}`} title={status.data?.detail ?? undefined}>
      {state === 'checking' ? t('machinePage.checking') : t(`machinePage.state.${state}`)}
    </span>
  );
}
