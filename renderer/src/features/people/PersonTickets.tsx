import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';

/** The tickets the person called about, newest first, each opening its page. */
export function PersonTickets({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const tickets = useApiQuery('people.tickets', { id });
  return (
    <section className="panel" aria-labelledby="person-tickets">
      <h2 id="person-tickets">{t('people.tickets.title')}</h2>
      {tickets.error && <ErrorMessage error={tickets.error} />}
      {tickets.data?.length === 0 && <p className="muted">{t('people.tickets.none')}</p>}
      {tickets.data && tickets.data.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('people.tickets.ticket')}</th>
              <th scope="col">{t('people.tickets.status')}</th>
              <th scope="col">{t('people.tickets.created')}</th>
            </tr>
          </thead>
          <tbody>
            {tickets.data.map((ticket) => (
              <tr key={ticket.id}>
                <td>
                  <Link to={`/tickets/${ticket.id}`}>
                    {t('tickets.ticketTitle', { id: ticket.id })}: {ticket.summary}
                  </Link>
                </td>
                <td>{t(`status.${ticket.status}`)}</td>
                <td>{formatDateTime(ticket.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
