import { useTranslation } from 'react-i18next';
import type { Priority, SlaBadge as Badge } from '@deskside/core';

/** Breached, at risk or paused; nothing when the ticket is on track or done. */
export function SlaBadge({ badge }: { badge: Badge }) {
  const { t } = useTranslation();
  if (badge === 'on_track' || badge === 'none') return null;
  return <span className={`sla-badge sla-${badge}`}>{t(`queue.sla.${badge}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span className={`priority-badge p${priority}`} title={t(`queue.priorityName.${priority}`)}>
      {t('queue.priorityShort', { priority })}
    </span>
  );
}
