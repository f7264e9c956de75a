import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ArticleSummary } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { ArticleMarkdown } from './ArticleMarkdown';
import { ArticleTags, ArticleUsage } from './ArticleMeta';
import { useDebounced } from './use-debounced';

const TYPING_PAUSE_MS = 300;

function ArticlePreview({ id }: { id: number }) {
  const { t } = useTranslation();
  const article = useApiQuery('kb.get', { id });
  if (!article.data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className="kb-preview" lang={article.data.language}>
      <ArticleMarkdown text={article.data.body} />
      <Link to={`/kb/${id}`}>{t('kb.openArticle')}</Link>
    </div>
  );
}

/**
 * Articles that may answer the problem described by `text` (a ticket summary as it is
 * typed), each readable in place and chosen for the ticket with one button. Used by the
 * new-ticket form and the ticket page; `chosen` and `onToggle` say what choosing means there.
 */
export function KbSuggestions({
  text,
  chosen,
  onToggle,
}: {
  text: string;
  chosen: readonly number[];
  onToggle: (article: ArticleSummary) => void;
}) {
  const { t } = useTranslation();
  const settled = useDebounced(text.trim(), TYPING_PAUSE_MS);
  const [open, setOpen] = useState<number | null>(null);
  const suggestions = useApiQuery(
    'kb.suggest',
    { text: settled },
    { enabled: settled.length > 0, keepPrevious: true },
  );
  const articles = settled.length > 0 ? (suggestions.data ?? []) : [];

  return (
    <section className="kb-suggestions" aria-label={t('kb.suggestions')}>
      <h3>{t('kb.suggestions')}</h3>
      {/* Announced as it changes, without moving the focus from what the analyst types. */}
      <p className="muted" role="status">
        {articles.length === 0
          ? t('kb.noSuggestions')
          : t('kb.suggestionsFound', { n: articles.length })}
      </p>
      <ul className="kb-list">
        {articles.map((article) => {
          const isChosen = chosen.includes(article.id);
          const isOpen = open === article.id;
          return (
            <li key={article.id} className={isChosen ? 'chosen' : undefined}>
              <div className="kb-row">
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={isOpen}
                  onClick={() => {
                    setOpen(isOpen ? null : article.id);
                  }}
                >
                  <span lang={article.language}>{article.title}</span>
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-pressed={isChosen}
                  aria-label={t('kb.useForTicketNamed', { title: article.title })}
                  onClick={() => {
                    onToggle(article);
                  }}
                >
                  {isChosen ? t('kb.chosen') : t('kb.useForTicket')}
                </button>
              </div>
              <ArticleTags article={article} />
              <ArticleUsage article={article} />
              {isOpen && <ArticlePreview id={article.id} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
