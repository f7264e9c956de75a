import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';

/** Whether the machine works with this console right now, asked when shown. */
export function MachineStatusBadge({ id }: { id: string }) {
  const { t } = useTranslation();
  const status = useApiQuery('machines.status', { id });
  const state = status.data?.state;
  return (
    <span className={`machine-state machine-${state ?? 'checking'}`}>
      {state ? t(`machinePage.state.${state}`) : t('machinePage.checking')}
    </span>
  );
}
