import type { z } from 'zod';
import {
  ArticleSchema,
  ArticleUseSchema,
  DesksideError,
  canBecomeArticle,
  isCategory,
  starterArticles,
  type Article,
  type ArticleFieldsSchema,
  type CreateArticleInputSchema,
  type Ticket,
  type UpdateArticleInputSchema,
} from '@deskside/core';
import type { DialectName } from '../database/dialect';
import { indexArticle } from '../database/kb-search-index';
import type { Db } from '../database/open';
import { updateAtVersion } from '../database/versioned';
import { checkCategory } from '../tickets/field-rules';
import { loadTicketRow, type WorkflowDeps } from '../tickets/ticket-writer';
import { articleNotFound, summaryOf } from './article-rows';

type ArticleFields = z.output<typeof ArticleFieldsSchema>;

/** How many of the tickets an article was used on its page lists (the most recent). */
const USES_SHOWN = 20;

async function usesOf(db: Db, articleId: number) {
  const rows = await db
    .selectFrom('kbLinks')
    .innerJoin('tickets', 'tickets.id', 'kbLinks.ticketId')
    .select([
      'kbLinks.ticketId',
      'tickets.summary',
      'tickets.status',
      'kbLinks.linkedBy',
      'kbLinks.linkedAt',
      'kbLinks.helped',
    ])
    .where('kbLinks.articleId', '=', articleId)
    .orderBy('kbLinks.linkedAt', 'desc')
    .orderBy('kbLinks.ticketId', 'desc')
    .limit(USES_SHOWN)
    .execute();
  return rows.map((row) =>
    ArticleUseSchema.parse({ ...row, helped: row.helped === null ? null : row.helped === 1 }),
  );
}

export async function loadArticle(db: Db, id: number): Promise<Article> {
  const row = await db
    .selectFrom('kbArticles')
    .select(['body', 'sourceTicketId', 'createdBy', 'createdAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw articleNotFound(id);
  const [summary, uses] = await Promise.all([summaryOf(db, id), usesOf(db, id)]);
  return ArticleSchema.parse({ ...summary, ...row, uses });
}

async function writeTags(trx: Db, articleId: number, tags: readonly string[]): Promise<void> {
  await trx.deleteFrom('kbArticleTags').where('articleId', '=', articleId).execute();
  if (tags.length === 0) return;
  await trx
    .insertInto('kbArticleTags')
    .values(tags.map((tag) => ({ articleId, tag })))
    .execute();
}

async function insertArticle(
  trx: Db,
  dialect: DialectName,
  fields: ArticleFields,
  sourceTicketId: number | null,
  actor: string,
  now: string,
): Promise<number> {
  const { tags, ...columns } = fields;
  const { id } = await trx
    .insertInto('kbArticles')
    .values({
      ...columns,
      sourceTicketId,
      createdBy: actor,
      createdAt: now,
      updatedBy: actor,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeTags(trx, id, tags);
  await indexArticle(trx, dialect, { id, ...fields });
  return id;
}

/** Articles: written, edited, read; the desk's categories apply to them as to tickets. */
export class KbService {
  constructor(private readonly deps: WorkflowDeps) {}

  get(id: number): Promise<Article> {
    return loadArticle(this.deps.store.db, id);
  }

  /** A new article; written from a resolved ticket, it is linked to that ticket. */
  async create(input: z.output<typeof CreateArticleInputSchema>, actor: string): Promise<Article> {
    const now = this.deps.now().toISOString();
    const { sourceTicketId, ...fields } = input;
    return this.deps.store.write(async (trx, publish) => {
      checkCategory(await this.deps.config.get(trx), fields.category);
      if (sourceTicketId !== null) {
        const ticket = await loadTicketRow(trx, sourceTicketId);
        if (!canBecomeArticle({ status: ticket.status as Ticket['status'] })) {
          throw new DesksideError(
            'invalid_transition',
            `Ticket ${sourceTicketId} is not resolved: an article is written from a resolved or closed ticket`,
          );
        }
      }
      const id = await insertArticle(
        trx,
        this.deps.store.dialect,
        fields,
        sourceTicketId,
        actor,
        now,
      );
      if (sourceTicketId !== null) {
        await trx
          .insertInto('kbLinks')
          .values({ articleId: id, ticketId: sourceTicketId, linkedBy: actor, linkedAt: now })
          .execute();
      }
      publish({ type: 'kb.changed', ticketId: sourceTicketId, at: now });
      return loadArticle(trx, id);
    });
  }

  /** An edit names the version it started from; a stale one is refused, never merged. */
  async update(input: z.output<typeof UpdateArticleInputSchema>, actor: string): Promise<Article> {
    const now = this.deps.now().toISOString();
    const { id, expectedVersion, tags, ...columns } = input;
    return this.deps.store.write(async (trx, publish) => {
      checkCategory(await this.deps.config.get(trx), columns.category);
      await updateAtVersion(
        trx,
        'kbArticles',
        { id, expectedVersion },
        { ...columns, updatedBy: actor, updatedAt: now },
      );
      await writeTags(trx, id, tags);
      await indexArticle(trx, this.deps.store.dialect, { id, tags, ...columns });
      publish({ type: 'kb.changed', ticketId: null, at: now });
      return loadArticle(trx, id);
    });
  }

  /** Every tag in use, the most used first. */
  async tags(): Promise<{ tag: string; count: number }[]> {
    const rows = await this.deps.store.db
      .selectFrom('kbArticleTags')
      .select((eb) => ['tag', eb.fn.countAll<number | string>().as('count')])
      .groupBy('tag')
      .orderBy('count', 'desc')
      .orderBy('tag')
      .limit(500)
      .execute();
    return rows.map((row) => ({ tag: row.tag, count: Number(row.count) }));
  }

  /** Adds the articles Deskside ships with, except those already there (same title and language). */
  async addStarterArticles(actor: string): Promise<{ added: number }> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      const existing = await trx.selectFrom('kbArticles').select(['title', 'language']).execute();
      const have = new Set(existing.map((a) => `${a.language}\u0000${a.title}`));
      const config = await this.deps.config.get(trx);
      let added = 0;
      for (const article of starterArticles) {
        if (have.has(`${article.language}\u0000${article.title}`)) continue;
        // A desk that removed the category from its tree still gets the article, uncategorised.
        const category =
          article.category && isCategory(config.categories, article.category)
            ? article.category
            : null;
        await insertArticle(
          trx,
          this.deps.store.dialect,
          { ...article, category },
          null,
          actor,
          now,
        );
        added += 1;
      }
      if (added > 0) publish({ type: 'kb.changed', ticketId: null, at: now });
      return { added };
    });
  }
}
