import { useTranslation } from 'react-i18next';
import type { FleetMachinePresence } from '@deskside/core';
import { formatDateTime } from '../../i18n/format';

/**
 * A fleet machine's presence over NATS (fleet mode): online, or offline with when it was
 * last seen. Shown beside the machine's status; nothing for a machine outside the fleet.
 */
export function FleetPresenceBadge({ presence }: { presence: FleetMachinePresence | undefined }) {
  const { t, i18n } = useTranslation();
  if (!presence) return null;
  const label = presence.online
    ? t('machines.fleetOnline')
    : presence.lastSeenAt
      ? t('machines.fleetOffline', { time: formatDateTime(presence.lastSeenAt, i18n.language) })
      : t('machines.fleetOfflineNever');
  return (
    <span className={`machine-state machine-${presence.online ? 'online' : 'unreachable'}`}>
      {label}
    </span>
  );
}
