import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';

/** The tickets about a machine, and those holding evidence from it, newest first. */
export function MachineTickets({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const tickets = useApiQuery('machines.tickets', { id });
  return (
    <section aria-labelledby="machine-tickets">
      <h2 id="machine-tickets">{t('machinePage.tickets')}</h2>
      {tickets.error && <ErrorMessage error={tickets.error} />}
      {tickets.data?.length === 0 && <p className="muted">{t('machinePage.noTickets')}</p>}
      {tickets.data && tickets.data.length > 0 && (
        <ul className="machine-tickets">
          {tickets.data.map((ticket) => (
            <li key={ticket.id}>
              <Link to={`/tickets/${ticket.id}`}>{ticket.summary}</Link>{' '}
              <span className="muted">
                {t('tickets.ticketTitle', { id: ticket.id })} · {ticket.requester} ·{' '}
                {t(`status.${ticket.status}`)} · {formatDateTime(ticket.createdAt, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
