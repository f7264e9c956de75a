import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

export function AttachToTicket({ snapshotId }: { snapshotId: string }) {
  const { t } = useTranslation();
  const tickets = useApiQuery('tickets.list', {});
  const [ticketId, setTicketId] = useState('');
  const selectId = useId();
  const attach = useApiMutation('tickets.attachInventory', ['tickets.get', 'tickets.list']);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    attach.mutate({ ticketId: Number(ticketId), snapshotId });
  };

  if (tickets.error) return <ErrorMessage error={tickets.error} />;
  if (!tickets.data) return null;
  if (tickets.data.length === 0) return <p className="muted">{t('attach.noTickets')}</p>;

  return (
    <form className="panel form inline" onSubmit={submit} aria-label={t('attach.title')}>
      <h3>{t('attach.title')}</h3>
      <label htmlFor={selectId}>{t('attach.ticket')}</label>
      <select
        id={selectId}
        value={ticketId}
        onChange={(e) => {
          setTicketId(e.target.value);
        }}
        required
      >
        <option value="">{t('attach.choose')}</option>
        {tickets.data.map((ticket) => (
          <option key={ticket.id} value={ticket.id}>
            #{ticket.id} {ticket.summary}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!ticketId || attach.isPending}>
        {attach.isPending ? t('attach.attaching') : t('attach.submit')}
      </button>
      {attach.error && <ErrorMessage error={attach.error} />}
      {attach.data && (
        <p role="status">
          {t('attach.done', { id: attach.data.ticketId })}{' '}
          <Link to={`/tickets/${attach.data.ticketId}`}>{t('attach.open')}</Link>
        </p>
      )}
    </form>
  );
}
