import { useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  FailingCheck,
  GroupTicketsPage,
  ReportDimension,
  ReportFilters,
} from '@deskside/core';
import type { ApiError } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime, formatNumber } from '../../i18n/format';

const PAGE = 50;

/** A page of the tickets behind a line of the report, each a link to its page, with a pager. */
function TicketsBehind({
  label,
  page,
  offset,
  setOffset,
  onClose,
}: {
  label: string;
  page: { data?: GroupTicketsPage; error: ApiError | null };
  offset: number;
  setOffset: Dispatch<SetStateAction<number>>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
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
  const [offset, setOffset] = useState(0);
  const page = useApiQuery(
    'reports.groupTickets',
    { filters, dimension, key: groupKey, limit: PAGE, offset },
    { keepPrevious: true },
  );
  return <TicketsBehind {...{ label, page, offset, setOffset, onClose }} />;
}

/** The tickets behind one check failing on several machines (same code, same location). */
export function CheckTickets({
  filters,
  check,
  label,
  onClose,
}: {
  filters: ReportFilters;
  check: Pick<FailingCheck, 'checkId' | 'code' | 'location'>;
  label: string;
  onClose: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const page = useApiQuery(
    'reports.checkTickets',
    { filters, ...check, limit: PAGE, offset },
    { keepPrevious: true },
  );
  return <TicketsBehind {...{ label, page, offset, setOffset, onClose }} />;
}
