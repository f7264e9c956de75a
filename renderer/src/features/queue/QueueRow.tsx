import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { slaBadge, type Ticket } from '@deskside/core';
import { formatRelative } from '../../i18n/format';
import { PriorityBadge, SlaBadge } from './SlaBadge';

export const rowId = (ticketId: number) => `queue-ticket-${ticketId}`;

interface QueueRowProps {
  ticket: Ticket;
  /** Who has it: the analyst, else the group's name. */
  owner: string;
  position: number;
  setSize: number;
  active: boolean;
  now: Date;
  top: number;
  onOpen: (ticket: Ticket) => void;
}

/** One ticket of the queue: an option of the list, placed by the virtualiser. */
export const QueueRow = memo(function QueueRow({
  ticket,
  owner,
  position,
  setSize,
  active,
  now,
  top,
  onOpen,
}: QueueRowProps) {
  const { t, i18n } = useTranslation();
  return (
    <div
      role="option"
      id={rowId(ticket.id)}
      aria-selected={active}
      aria-posinset={position}
      aria-setsize={setSize}
      className={active ? 'queue-row active' : 'queue-row'}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => {
        onOpen(ticket);
      }}
    >
      <span className="queue-id">{t('queue.ticketNumber', { id: ticket.id })}</span>
      <span className="queue-sla">
        <SlaBadge badge={slaBadge(ticket, now)} />
      </span>
      <PriorityBadge priority={ticket.priority} />
      <span className="queue-summary">{ticket.summary}</span>
      <span className="queue-requester">{ticket.requester}</span>
      <span className="queue-status">{t(`status.${ticket.status}`)}</span>
      <span className="queue-owner">{owner}</span>
      <span className="queue-updated">{formatRelative(ticket.updatedAt, now, i18n.language)}</span>
    </div>
  );
});
