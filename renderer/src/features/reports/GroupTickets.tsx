import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportDimension, ReportFilters } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime, formatNumber } from '../../i18n/format';

const PAGE = 50;

/** The tickets behind one group of the recurring report, each a link to its page. */
export function GroupTickets({
  filters,
  dimension,
  groupKey,
  label,
  onClose,
}: {
  filters: ReportFilters;
  dimension: ReportDimension;
  groupKey: string | null;
  label: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = useApiQuery(
    'reports.groupTickets',
    { filters, dimension, key: groupKey, limit: PAGE, offset },
    { keepPrevious: true },
  );
  return (
    <section className="panel group-tickets" aria-labelledby="group-tickets-heading">
      <header className="page-header">
        <h3 id="group-tickets-heading">{t('reports.groupTickets.title', { group: label })}</h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('reports.groupTickets.close')}
        </button>
      </header>
      {page.error && <ErrorMessage error={page.error} />}
      {page.data && (
        <>
          <p className="muted" role="status">
            {t('reports.groupTickets.count', {
              count: page.data.total,
              number: formatNumber(page.data.total, i18n.language),
            })}
          </p>
          <ul className="group-ticket-list">
            {page.data.tickets.map((ticket) => (
              <li key={ticket.id}>
                <Link to={`/tickets/${ticket.id}`}>{ticket.summary}</Link>{' '}
                <span className="muted">
                  {ticket.requester} · {formatDateTime(ticket.createdAt, i18n.language)} ·{' '}
                  {t(`status.${ticket.status}`)}
                </span>
              </li>
            ))}
          </ul>
          <div className="pager">
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => {
                setOffset(Math.max(0, offset - PAGE));
              }}
            >
              {t('reports.groupTickets.previous')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!page.data.hasMore}
              onClick={() => {
                setOffset(offset + PAGE);
              }}
            >
              {t('reports.groupTickets.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
