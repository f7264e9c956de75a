import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelSchema, type Channel, type Ticket } from '@deskside/core';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { KbSuggestions } from '../kb/KbSuggestions';

export function NewTicketForm({
  onCreated,
  onCancel,
}: {
  onCreated: (ticket: Ticket) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [requester, setRequester] = useState('');
  const [channel, setChannel] = useState<Channel>('phone');
  const [summary, setSummary] = useState('');
  const [description, setDescription] = useState('');
  const [articleIds, setArticleIds] = useState<number[]>([]);
  const channelId = useId();
  const api = useApi();
  const create = useApiMutation('tickets.create', ['tickets.list'], {
    onSuccess: async (ticket) => {
      // The ticket exists now: a failed link must not make the analyst create it twice. The
      // ticket page shows which articles are linked and links the rest.
      if (articleIds.length > 0) {
        await api.call('kb.link', { ticketId: ticket.id, articleIds }).catch(() => undefined);
      }
      onCreated(ticket);
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    create.mutate({ requester, channel, summary, description });
  };

  return (
    <form className="panel form" onSubmit={submit} aria-label={t('tickets.new')}>
      <h2>{t('tickets.new')}</h2>
      <label>
        {t('tickets.requester')}
        <input
          value={requester}
          onChange={(e) => {
            setRequester(e.target.value);
          }}
          required
          maxLength={200}
        />
      </label>
      <label htmlFor={channelId}>{t('tickets.channel')}</label>
      <select
        id={channelId}
        value={channel}
        onChange={(e) => {
          setChannel(ChannelSchema.parse(e.target.value));
        }}
      >
        {ChannelSchema.options.map((option) => (
          <option key={option} value={option}>
            {t(`channel.${option}`)}
          </option>
        ))}
      </select>
      <label>
        {t('tickets.summary')}
        <input
          value={summary}
          onChange={(e) => {
            setSummary(e.target.value);
          }}
          required
          maxLength={200}
        />
      </label>
      <KbSuggestions
        text={summary}
        chosen={articleIds}
        onToggle={(article) => {
          setArticleIds((ids) =>
            ids.includes(article.id) ? ids.filter((id) => id !== article.id) : [...ids, article.id],
          );
        }}
      />
      <label>
        {t('tickets.description')}
        <textarea
          value={description}
          onChange={(e) => {
            setDescription(e.target.value);
          }}
          rows={5}
        />
      </label>
      {create.error && <ErrorMessage error={create.error} />}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('tickets.creating') : t('tickets.create')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('tickets.cancel')}
        </button>
      </div>
    </form>
  );
}
