import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/ErrorMessage';
import { Facts } from '../components/Facts';
import { ArticleMarkdown } from '../features/kb/ArticleMarkdown';
import { ArticleTags, ArticleUsage } from '../features/kb/ArticleMeta';
import { formatDateTime } from '../i18n/format';

export function KbArticlePage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const article = useApiQuery('kb.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const articleFacts = (): [string, ReactNode][] => {
    if (!article.data) return [];
    const { createdBy, createdAt, updatedBy, updatedAt, sourceTicketId } = article.data;
    const facts: [string, ReactNode][] = [
      [t('kb.written'), t('kb.byOn', { name: createdBy, date: date(createdAt) })],
      [t('kb.updated'), t('kb.byOn', { name: updatedBy, date: date(updatedAt) })],
      [t('kb.usage'), <ArticleUsage key="usage" article={article.data} />],
    ];
    if (sourceTicketId !== null) {
      facts.push([
        t('kb.source'),
        <Link key="source" to={`/tickets/${sourceTicketId}`}>
          {t('kb.ticketNumber', { id: sourceTicketId })}
        </Link>,
      ]);
    }
    return facts;
  };

  return (
    <main>
      <p>
        <Link to="/kb">← {t('kb.back')}</Link>
      </p>
      {article.error && (
        <ErrorMessage error={article.error} onRetry={() => void article.refetch()} />
      )}
      {article.data && (
        <>
          <header className="page-header">
            <h1 lang={article.data.language}>{article.data.title}</h1>
            <Link className="button" to={`/kb/${id}/edit`}>
              {t('kb.edit')}
            </Link>
          </header>
          <section className="panel" aria-label={t('kb.details')}>
            <ArticleTags article={article.data} />
            <Facts items={articleFacts()} />
          </section>
          <article className="panel" lang={article.data.language}>
            <ArticleMarkdown text={article.data.body} />
          </article>
          <h2>{t('kb.usedOn')}</h2>
          {article.data.uses.length === 0 ? (
            <p className="muted">{t('kb.notUsedYet')}</p>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t('kb.ticket')}</th>
                  <th scope="col">{t('kb.linked')}</th>
                  <th scope="col">{t('kb.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {article.data.uses.map((use) => (
                  <tr key={use.ticketId}>
                    <td>
                      <Link to={`/tickets/${use.ticketId}`}>
                        {t('kb.ticketNumber', { id: use.ticketId })} {use.summary}
                      </Link>{' '}
                      <span className="badge">{t(`status.${use.status}`)}</span>
                    </td>
                    <td>{t('kb.byOn', { name: use.linkedBy, date: date(use.linkedAt) })}</td>
                    <td>
                      {use.helped === null
                        ? t('kb.noVerdict')
                        : use.helped
                          ? t('kb.helped')
                          : t('kb.notHelped')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}
