import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@deskside/core';
import { formatDateTime } from '../../i18n/format';
import { describeEntry } from './timeline-text';

/** Everything that happened to the ticket, oldest first; entries are never changed. */
export function Timeline({
  entries,
  groupName,
}: {
  entries: TimelineEntry[];
  groupName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline-entry kind-${entry.kind}`}>
          <div className="timeline-head">
            <strong>{describeEntry(entry, { t, locale: i18n.language, groupName })}</strong>
            <span className="muted">
              {t('ticket.timeline.byOn', {
                name: entry.author,
                date: formatDateTime(entry.at, i18n.language),
              })}
            </span>
          </div>
          {entry.body && <p className="timeline-body">{entry.body}</p>}
        </li>
      ))}
    </ol>
  );
}
