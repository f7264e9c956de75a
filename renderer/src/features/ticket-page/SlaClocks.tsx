import { useTranslation } from 'react-i18next';
import type { SlaClock, SlaStatus } from '@deskside/core';
import { formatDuration, formatRelative } from '../../i18n/format';

function Clock({ name, clock, now }: { name: string; clock: SlaClock; now: Date }) {
  const { t, i18n } = useTranslation();
  const duration = (minutes: number) => formatDuration(Math.round(minutes) * 60, i18n.language);
  return (
    <div className={`sla-clock sla-clock-${clock.state}`}>
      <dt>{name}</dt>
      <dd>
        <span className={`sla-state sla-${clock.state}`}>
          {t(`ticket.sla.state.${clock.state}`)}
        </span>{' '}
        {clock.dueAt && !clock.finished && (
          <span>
            {t(clock.breached ? 'ticket.sla.wasDue' : 'ticket.sla.due', {
              when: formatRelative(clock.dueAt, now, i18n.language),
            })}
          </span>
        )}
        <span className="muted sla-detail">
          {t('ticket.sla.elapsed', {
            elapsed: duration(clock.elapsedMinutes),
            target: duration(clock.targetMinutes),
          })}
        </span>
      </dd>
    </div>
  );
}

/** The two clocks: first response and resolution, in business time. */
export function SlaClocks({ sla, now }: { sla: SlaStatus; now: Date }) {
  const { t } = useTranslation();
  return (
    <section className="sla-clocks" aria-label={t('ticket.sla.title')}>
      <dl>
        <Clock name={t('ticket.sla.firstResponse')} clock={sla.firstResponse} now={now} />
        <Clock name={t('ticket.sla.resolution')} clock={sla.resolution} now={now} />
      </dl>
    </section>
  );
}
