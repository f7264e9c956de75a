import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { CategoryIdSchema, KbSortSchema, LanguageSchema, TagSchema } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useAddressParams } from '../app/use-address-params';
import { ErrorMessage } from '../components/ErrorMessage';
import { ArticleTags, ArticleUsage } from '../features/kb/ArticleMeta';
import { KbFilters, type KbFilterValues } from '../features/kb/KbFilters';
import { useDebounced } from '../features/kb/use-debounced';
import { formatDateTime } from '../i18n/format';

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 300;

/** A filter from the address, or nothing when it is not a valid one. */
const valid = <S extends z.ZodType>(schema: S, value: string): z.output<S> | undefined =>
  value ? schema.safeParse(value).data : undefined;

function EmptyKnowledgeBase() {
  const { t } = useTranslation();
  const starters = useApiMutation('kb.addStarterArticles');
  return (
    <div className="panel">
      <p>{t('kb.empty')}</p>
      {starters.error && <ErrorMessage error={starters.error} />}
      <button
        type="button"
        disabled={starters.isPending}
        onClick={() => {
          starters.mutate({});
        }}
      >
        {starters.isPending ? t('kb.addingStarters') : t('kb.addStarters')}
      </button>
    </div>
  );
}

/** The knowledge base: search, filters, and the articles, a page at a time. */
export function KbPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useAddressParams();
  const values: KbFilterValues = {
    search: params.get('q') ?? '',
    category: params.get('category') ?? '',
    tag: params.get('tag') ?? '',
    language: params.get('language') ?? '',
    sort: params.get('sort') ?? 'relevance',
  };
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const search = useDebounced(values.search.trim(), TYPING_PAUSE_MS);
  const query = {
    search,
    category: valid(CategoryIdSchema, values.category),
    tag: valid(TagSchema, values.tag),
    language: valid(LanguageSchema, values.language),
    sort: valid(KbSortSchema, values.sort),
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
  const articles = useApiQuery('kb.search', query, { keepPrevious: true });
  const filtered = Boolean(search || query.category || query.tag || query.language);

  const update = (changes: Partial<KbFilterValues> & { page?: number }) => {
    const next = { ...values, page: 0, ...changes };
    const keys = {
      q: next.search,
      category: next.category,
      tag: next.tag,
      language: next.language,
    };
    const entries = Object.entries({ ...keys, sort: next.sort === 'relevance' ? '' : next.sort });
    const kept = entries.filter(([, value]) => value !== '');
    if (next.page > 0) kept.push(['page', String(next.page)]);
    setParams(kept);
  };

  return (
    <main>
      <header className="page-header">
        <h1>{t('kb.title')}</h1>
        <Link className="button" to="/kb/new">
          {t('kb.newArticle')}
        </Link>
      </header>
      <KbFilters values={values} onChange={update} />
      {articles.error && (
        <ErrorMessage error={articles.error} onRetry={() => void articles.refetch()} />
      )}
      {articles.isPending && <p className="muted">{t('app.loading')}</p>}
      {articles.data?.articles.length === 0 &&
        (filtered || page > 0 ? (
          <p className="muted">{t('kb.noResults')}</p>
        ) : (
          <EmptyKnowledgeBase />
        ))}
      {articles.data && articles.data.articles.length > 0 && (
        <table className="list kb-table">
          <thead>
            <tr>
              <th scope="col">{t('kb.articleTitle')}</th>
              <th scope="col">{t('kb.about')}</th>
              <th scope="col">{t('kb.usage')}</th>
              <th scope="col">{t('kb.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {articles.data.articles.map((article) => (
              <tr key={article.id}>
                <td>
                  <Link to={`/kb/${article.id}`} lang={article.language}>
                    {article.title}
                  </Link>
                </td>
                <td>
                  <ArticleTags article={article} />
                </td>
                <td>
                  <ArticleUsage article={article} />
                </td>
                <td>{formatDateTime(article.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(page > 0 || articles.data?.hasMore) && (
        <nav className="actions pager" aria-label={t('kb.pages')}>
          <button
            type="button"
            className="secondary"
            disabled={page === 0}
            onClick={() => {
              update({ page: page - 1 });
            }}
          >
            {t('kb.previousPage')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!articles.data?.hasMore}
            onClick={() => {
              update({ page: page + 1 });
            }}
          >
            {t('kb.nextPage')}
          </button>
        </nav>
      )}
    </main>
  );
}
