import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canBecomeArticle, type ArticleSummary, type Ticket } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SearchField } from '../../components/SearchField';
import { KbSuggestions } from './KbSuggestions';

/**
 * The knowledge base on a ticket's page: the articles linked to it and whether each helped,
 * suggestions from its summary (or a search) to link more, and, once it is resolved, writing
 * an article from it.
 */
export function TicketArticles({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [search, setSearch] = useState('');
  const linked = useApiQuery('kb.forTicket', { ticketId: ticket.id });
  const link = useApiMutation('kb.link');
  const unlink = useApiMutation('kb.unlink');
  const feedback = useApiMutation('kb.feedback');
  const linkedIds = (linked.data ?? []).map((l) => l.article.id);
  const error = linked.error ?? link.error ?? unlink.error ?? feedback.error;

  const toggle = (article: ArticleSummary) => {
    if (linkedIds.includes(article.id))
      unlink.mutate({ ticketId: ticket.id, articleId: article.id });
    else link.mutate({ ticketId: ticket.id, articleIds: [article.id] });
  };

  return (
    <section className="panel kb-ticket" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('kb.onTicket')}</h2>
      {error && <ErrorMessage error={error} />}
      {linked.data?.length === 0 && <p className="muted">{t('kb.noneLinked')}</p>}
      <ul className="kb-list">
        {linked.data?.map(({ article, helped }) => (
          <li key={article.id}>
            <div className="kb-row">
              <Link to={`/kb/${article.id}`} lang={article.language}>
                {article.title}
              </Link>
              <div
                className="actions"
                role="group"
                aria-label={t('kb.didItHelp', { title: article.title })}
              >
                {([true, false] as const).map((verdict) => (
                  <button
                    key={String(verdict)}
                    type="button"
                    className="secondary"
                    aria-pressed={helped === verdict}
                    disabled={feedback.isPending}
                    onClick={() => {
                      feedback.mutate({
                        ticketId: ticket.id,
                        articleId: article.id,
                        helped: verdict,
                      });
                    }}
                  >
                    {verdict ? t('kb.helped') : t('kb.notHelped')}
                  </button>
                ))}
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('kb.unlinkNamed', { title: article.title })}
                  onClick={() => {
                    unlink.mutate({ ticketId: ticket.id, articleId: article.id });
                  }}
                >
                  {t('kb.unlink')}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <SearchField label={t('kb.findToLink')} value={search} onChange={setSearch} />
      <KbSuggestions
        text={search.trim() ? search : ticket.summary}
        chosen={linkedIds}
        onToggle={toggle}
      />
      {canBecomeArticle(ticket) && (
        <p>
          <Link to={`/kb/new?fromTicket=${ticket.id}`}>{t('kb.writeFromTicket')}</Link>
        </p>
      )}
    </section>
  );
}
