import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

/** Picks a ticket to attach something to, and says where it went. */
export function TicketPicker({
  title,
  submitLabel,
  pending,
  error,
  attachedTo,
  onAttach,
}: {
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  attachedTo: number | null;
  onAttach: (ticketId: number) => void;
}) {
  const { t } = useTranslation();
  const tickets = useApiQuery('tickets.list', {});
  const [ticketId, setTicketId] = useState('');
  const selectId = useId();

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onAttach(Number(ticketId));
  };

  if (tickets.error) return <ErrorMessage error={tickets.error} />;
  if (!tickets.data) return null;
  if (tickets.data.length === 0) return <p className="muted">{t('attach.noTickets')}</p>;

  return (
    <form className="panel form inline" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
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
      <button type="submit" disabled={!ticketId || pending}>
        {pending ? t('attach.attaching') : submitLabel}
      </button>
      {Boolean(error) && <ErrorMessage error={error} />}
      {attachedTo !== null && (
        <p role="status">
          {t('attach.done', { id: attachedTo })}{' '}
          <Link to={`/tickets/${attachedTo}`}>{t('attach.open')}</Link>
        </p>
      )}
    </form>
  );
}
