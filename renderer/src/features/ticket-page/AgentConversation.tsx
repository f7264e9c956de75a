import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { TicketDetail, TimelineEntry } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';

const AgentChat = z.object({
  channel: z.literal('agent'),
  direction: z.enum(['inbound', 'outbound']),
  works: z.boolean().optional(),
  rating: z.number().optional(),
});

/** The messages exchanged with the employee through their computer's agent, oldest first. */
export function agentMessages(timeline: TimelineEntry[]) {
  return timeline.flatMap((entry) => {
    if (entry.kind !== 'chat') return [];
    const data = AgentChat.safeParse(entry.data);
    return data.success ? [{ entry, ...data.data }] : [];
  });
}

/**
 * For a ticket that came from an employee's agent: the conversation with the employee and a
 * box to write to them (the message reaches their help page, even if their computer is away).
 */
export function AgentConversation({ detail }: { detail: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const send = useApiMutation('tickets.messageAgent', {
    onSuccess: () => {
      setBody('');
    },
  });
  if (detail.ticket.channel !== 'agent') return null;
  const messages = agentMessages(detail.timeline);
  return (
    <section className="agent-conversation" aria-labelledby="agent-conversation-title">
      <h2 id="agent-conversation-title">{t('ticket.agentConversation.title')}</h2>
      {messages.length === 0 ? (
        <p className="muted">{t('ticket.agentConversation.empty')}</p>
      ) : (
        <ol className="timeline">
          {messages.map(({ entry, direction, works, rating }) => (
            <li key={entry.id} className={`timeline-entry agent-${direction}`}>
              <div className="timeline-head">
                <strong>
                  {direction === 'inbound'
                    ? t('ticket.agentConversation.fromEmployee')
                    : t('ticket.agentConversation.fromDesk', { name: entry.author })}
                </strong>
                <span className="muted">{formatDateTime(entry.at, i18n.language)}</span>
              </div>
              {works && <p>{t('ticket.agentConversation.works')}</p>}
              {rating !== undefined && <p>{t('ticket.agentConversation.rating', { rating })}</p>}
              {entry.body && <p className="timeline-body">{entry.body}</p>}
            </li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim()) send.mutate({ ticketId: detail.ticket.id, body });
        }}
      >
        <label htmlFor="agent-message">{t('ticket.agentConversation.label')}</label>
        <textarea
          id="agent-message"
          rows={3}
          value={body}
          maxLength={5000}
          onChange={(event) => {
            setBody(event.target.value);
          }}
        />
        <button type="submit" disabled={send.isPending || !body.trim()}>
          {send.isPending ? t('ticket.saving') : t('ticket.agentConversation.send')}
        </button>
      </form>
      {send.error && <ErrorMessage error={send.error} />}
    </section>
  );
}
