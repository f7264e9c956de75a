import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { NewTicketForm } from '../features/tickets/NewTicketForm';
import { formatDateTime } from '../i18n/format';

export function TicketsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const tickets = useApiQuery('tickets.list', {});

  return (
    <main>
      <header className="page-header">
        <h1>{t('tickets.title')}</h1>
        {!creating && (
          <button
            type="button"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('tickets.new')}
          </button>
        )}
      </header>
      {creating && (
        <NewTicketForm
          onCreated={(ticket) => {
            void navigate(`/tickets/${ticket.id}`);
          }}
          onCancel={() => {
            setCreating(false);
          }}
        />
      )}
      {tickets.error && (
        <ErrorMessage error={tickets.error} onRetry={() => void tickets.refetch()} />
      )}
      {tickets.isPending && <p className="muted">{t('app.loading')}</p>}
      {tickets.data?.length === 0 && <p className="muted">{t('tickets.empty')}</p>}
      {tickets.data && tickets.data.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('tickets.number')}</th>
              <th scope="col">{t('tickets.summary')}</th>
              <th scope="col">{t('tickets.requester')}</th>
              <th scope="col">{t('tickets.channel')}</th>
              <th scope="col">{t('tickets.status')}</th>
              <th scope="col">{t('tickets.created')}</th>
            </tr>
          </thead>
          <tbody>
            {tickets.data.map((ticket) => (
              <tr key={ticket.id}>
                <td>{ticket.id}</td>
                <td>
                  <Link to={`/tickets/${ticket.id}`}>{ticket.summary}</Link>
                </td>
                <td>{ticket.requester}</td>
                <td>{t(`channel.${ticket.channel}`)}</td>
                <td>{t(`status.${ticket.status}`)}</td>
                <td>{formatDateTime(ticket.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
