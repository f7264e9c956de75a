import { sql } from 'kysely';
import {
  categoryAndDescendants,
  searchTerms,
  suggestionTerms,
  type ArticleSummary,
  type KbPage,
  type KbSearchQueryParsed,
} from '@deskside/core';
import { kbMatches } from '../database/kb-search-index';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { helpfulness, selectSummaries, toSummaries } from './article-rows';

/** Finding articles: the list's search and filters, and suggestions for a ticket summary. */
export class KbSearchService {
  constructor(private readonly deps: WorkflowDeps) {}

  async search(q: KbSearchQueryParsed): Promise<KbPage> {
    const { db, dialect } = this.deps.store;
    const terms = searchTerms(q.search);
    const sort = q.sort === 'relevance' && terms.length === 0 ? 'updated' : q.sort;
    const rankByMatch = terms.length > 0 && (sort === undefined || sort === 'relevance');
    let query = selectSummaries(db).$if(terms.length > 0, (qb) =>
      qb
        .innerJoin(kbMatches(dialect, terms, 'all').as('m'), 'm.articleId', 'kbArticles.id')
        .$if(rankByMatch, (ranked) => ranked.orderBy(sql`m.score`)),
    );
    if (q.category) {
      const config = await this.deps.config.get();
      const categories = categoryAndDescendants(config.categories, q.category);
      query = query.where(
        'kbArticles.category',
        'in',
        categories.length > 0 ? categories : [q.category],
      );
    }
    if (q.tag) {
      const tagged = db.selectFrom('kbArticleTags').select('articleId').where('tag', '=', q.tag);
      query = query.where('kbArticles.id', 'in', tagged);
    }
    if (q.language) query = query.where('kbArticles.language', '=', q.language);
    switch (sort) {
      case 'usage':
        query = query.orderBy('usageCount', 'desc');
        break;
      case 'helpful':
        query = query.orderBy(helpfulness, 'desc').orderBy('usageCount', 'desc');
        break;
      case 'updated':
        query = query.orderBy('kbArticles.updatedAt', 'desc');
        break;
      case 'relevance':
      case undefined:
        // Ranked by the match above; without a search the newest edits come first.
        if (!rankByMatch) query = query.orderBy('kbArticles.updatedAt', 'desc');
        break;
    }
    const rows = await query
      .orderBy('kbArticles.id', 'desc')
      .limit(q.limit + 1)
      .offset(q.offset)
      .execute();
    return {
      articles: await toSummaries(db, rows.slice(0, q.limit)),
      hasMore: rows.length > q.limit,
    };
  }

  /**
   * Articles for a ticket summary as it is typed: any of its meaningful words may match,
   * the best matches first, and among equals the article that helped most often.
   */
  async suggest(text: string, limit: number): Promise<ArticleSummary[]> {
    const { db, dialect } = this.deps.store;
    const terms = suggestionTerms(text);
    if (terms.length === 0) return [];
    const rows = await selectSummaries(db)
      .innerJoin(kbMatches(dialect, terms, 'any').as('m'), 'm.articleId', 'kbArticles.id')
      .orderBy(sql`m.score`)
      .orderBy(helpfulness, 'desc')
      .orderBy('kbArticles.id', 'desc')
      .limit(limit)
      .execute();
    return toSummaries(db, rows);
  }
}
