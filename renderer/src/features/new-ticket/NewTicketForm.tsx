import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelSchema, type Channel, type Ticket } from '@deskside/core';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { KbSuggestions } from '../kb/KbSuggestions';
import { useChosenArticles } from '../kb/use-chosen-articles';

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
  const articles = useChosenArticles();
  const channelId = useId();
  const create = useApiMutation('tickets.create', {
    onSuccess: async (ticket) => {
      await articles.linkTo(ticket.id);
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
      <KbSuggestions text={summary} chosen={articles.articleIds} onToggle={articles.toggle} />
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
