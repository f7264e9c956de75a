import { useTranslation } from 'react-i18next';
import { AuditActionSchema, type AuditEntry } from '@deskside/core';
import { formatDateTime } from '../../i18n/format';
import { detailText } from './audit-csv';

/** An action's name in the analyst's language; one a newer console recorded, as recorded. */
export function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation();
  const known = AuditActionSchema.safeParse(action);
  return known.success ? t(`audit.actions.${known.data}`) : action;
}

function Details({ details }: { details: AuditEntry['details'] }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return '—';
  return (
    <dl className="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{detailText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The entries shown, newest first: when, who, from which PC, what, on what, and how. */
export function AuditEntries({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="list audit-log">
      <caption className="visually-hidden">{t('audit.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.columns.at')}</th>
          <th scope="col">{t('audit.columns.analyst')}</th>
          <th scope="col">{t('audit.columns.pc')}</th>
          <th scope="col">{t('audit.columns.action')}</th>
          <th scope="col">{t('audit.columns.subject')}</th>
          <th scope="col">{t('audit.columns.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.at} title={entry.at}>
                {formatDateTime(entry.at, i18n.language)}
              </time>
            </td>
            <td>{entry.analyst}</td>
            <td>{entry.pc}</td>
            <td>
              <ActionLabel action={entry.action} />
            </td>
            <td>{entry.subject || '—'}</td>
            <td>
              <Details details={entry.details} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
