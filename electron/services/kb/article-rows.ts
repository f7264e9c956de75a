/**
 * Reading articles with what they are worth: their tags and how they served (tickets linked,
 * helped, did not help). One query shape for the list, search, suggestions and the ticket page.
 */
import { sql } from 'kysely';
import { ArticleSummarySchema, type ArticleSummary } from '@deskside/core';
import type { Db } from '../database/open';
import { notFound } from '../database/versioned';

/** kb_links counted per article: uses, and the verdicts given. */
function usagePerArticle(db: Db) {
  return db
    .selectFrom('kbLinks')
    .select((eb) => [
      'articleId',
      eb.fn.countAll<number | string>().as('uses'),
      eb.fn
        .sum<number | string>(eb.case().when('helped', '=', 1).then(1).else(0).end())
        .as('helped'),
      eb.fn
        .sum<number | string>(eb.case().when('helped', '=', 0).then(1).else(0).end())
        .as('notHelped'),
    ])
    .groupBy('articleId')
    .as('served');
}

/** Articles with their usage columns; filter, join, order and page it, then `toSummaries`. */
export function selectSummaries(db: Db) {
  return db
    .selectFrom('kbArticles')
    .leftJoin(usagePerArticle(db), 'served.articleId', 'kbArticles.id')
    .select((eb) => [
      'kbArticles.id',
      'kbArticles.version',
      'kbArticles.title',
      'kbArticles.language',
      'kbArticles.category',
      'kbArticles.updatedBy',
      'kbArticles.updatedAt',
      eb.fn.coalesce('served.uses', sql<number>`0`).as('usageCount'),
      eb.fn.coalesce('served.helped', sql<number>`0`).as('helpedCount'),
      eb.fn.coalesce('served.notHelped', sql<number>`0`).as('notHelpedCount'),
    ]);
}

/** Ranks "most helpful": helped minus did not help, in SQL both databases read alike. */
export const helpfulness = sql`coalesce(served.helped, 0) - coalesce(served.not_helped, 0)`;

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number];

export async function tagsOf(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return tags;
  const rows = await db
    .selectFrom('kbArticleTags')
    .select(['articleId', 'tag'])
    .where('articleId', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const row of rows) tags.get(row.articleId)?.push(row.tag);
  return tags;
}

/** Rows of `selectSummaries` as the contract's summaries (PostgreSQL counts arrive as text). */
export async function toSummaries(db: Db, rows: readonly SummaryRow[]): Promise<ArticleSummary[]> {
  const tags = await tagsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    ArticleSummarySchema.parse({
      ...row,
      usageCount: Number(row.usageCount),
      helpedCount: Number(row.helpedCount),
      notHelpedCount: Number(row.notHelpedCount),
      tags: tags.get(row.id) ?? [],
    }),
  );
}

export async function summaryOf(db: Db, id: number): Promise<ArticleSummary> {
  const row = await selectSummaries(db).where('kbArticles.id', '=', id).executeTakeFirst();
  if (!row) throw articleNotFound(id);
  const [summary] = await toSummaries(db, [row]);
  return summary!;
}

export const articleNotFound = (id: number) => notFound('kbArticles', id);
