import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '@deskside/core';
import { formatNumber } from '../../i18n/format';
import { categoryLabel } from './labels';

/** Language, category and tags of an article, compact, for lists. */
export function ArticleTags({ article }: { article: ArticleSummary }) {
  const { t } = useTranslation();
  return (
    <span className="kb-meta">
      <span className="badge" lang={article.language}>
        {t(`languages.${article.language}`)}
      </span>
      {article.category && <span className="badge">{categoryLabel(t, article.category)}</span>}
      {article.tags.map((tag) => (
        <span key={tag} className="tag">
          #{tag}
        </span>
      ))}
    </span>
  );
}

/** How an article has served: uses, helped, did not help. */
export function ArticleUsage({ article }: { article: ArticleSummary }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => formatNumber(n, i18n.language);
  return (
    <span className="kb-usage">
      <span>{t('kb.usedCount', { n: number(article.usageCount) })}</span>
      <span>{t('kb.helpedCount', { n: number(article.helpedCount) })}</span>
      <span>{t('kb.notHelpedCount', { n: number(article.notHelpedCount) })}</span>
    </span>
  );
}
