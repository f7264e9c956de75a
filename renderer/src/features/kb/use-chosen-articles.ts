import { useState } from 'react';
import type { ArticleSummary } from '@deskside/core';
import { useApi } from '../../api/hooks';

/**
 * The articles chosen from the suggestions while a ticket is being written, linked once the
 * ticket exists. A failed link is let go: the ticket must not be created twice for it, and
 * the ticket page shows which articles are linked and links the rest.
 */
export function useChosenArticles() {
  const api = useApi();
  const [articleIds, setArticleIds] = useState<number[]>([]);
  const toggle = (article: ArticleSummary) => {
    setArticleIds((ids) =>
      ids.includes(article.id) ? ids.filter((id) => id !== article.id) : [...ids, article.id],
    );
  };
  const linkTo = async (ticketId: number) => {
    if (articleIds.length === 0) return;
    await api.call('kb.link', { ticketId, articleIds }).catch(() => undefined);
  };
  return { articleIds, toggle, linkTo };
}
