import { DesksideError, type LinkedArticle } from '@deskside/core';
import type { Db } from '../database/open';
import { loadTicketRow, type WorkflowDeps } from '../tickets/ticket-writer';
import { articleNotFound, selectSummaries, toSummaries } from './article-rows';

/** The articles linked to a ticket, the first linked first, with the verdict given there. */
export async function articlesOfTicket(db: Db, ticketId: number): Promise<LinkedArticle[]> {
  const rows = await selectSummaries(db)
    .innerJoin('kbLinks as link', 'link.articleId', 'kbArticles.id')
    .select(['link.linkedBy', 'link.linkedAt', 'link.helped'])
    .where('link.ticketId', '=', ticketId)
    .orderBy('link.linkedAt')
    .orderBy('kbArticles.id')
    .execute();
  const summaries = await toSummaries(db, rows);
  return rows.map((row, i) => ({
    article: summaries[i]!,
    linkedBy: row.linkedBy,
    linkedAt: row.linkedAt,
    helped: row.helped === null ? null : row.helped === 1,
  }));
}

/** Articles used on tickets: linking one counts a use; the analyst says whether it helped. */
export class KbLinkService {
  constructor(private readonly deps: WorkflowDeps) {}

  async forTicket(ticketId: number): Promise<LinkedArticle[]> {
    await loadTicketRow(this.deps.store.db, ticketId);
    return articlesOfTicket(this.deps.store.db, ticketId);
  }

  /** Links articles to a ticket; one already linked stays as it was. */
  link(ticketId: number, articleIds: readonly number[], actor: string): Promise<LinkedArticle[]> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      await loadTicketRow(trx, ticketId);
      const found = await trx
        .selectFrom('kbArticles')
        .select('id')
        .where('id', 'in', articleIds)
        .execute();
      const missing = articleIds.find((id) => !found.some((row) => row.id === id));
      if (missing !== undefined) throw articleNotFound(missing);
      await trx
        .insertInto('kbLinks')
        .values(
          articleIds.map((articleId) => ({ articleId, ticketId, linkedBy: actor, linkedAt: now })),
        )
        .onConflict((oc) => oc.columns(['articleId', 'ticketId']).doNothing())
        .execute();
      publish({ type: 'kb.changed', ticketId, at: now });
      return articlesOfTicket(trx, ticketId);
    });
  }

  /** Takes back a link made by mistake; the article's use on that ticket no longer counts. */
  unlink(ticketId: number, articleId: number): Promise<LinkedArticle[]> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      const removed = await trx
        .deleteFrom('kbLinks')
        .where('ticketId', '=', ticketId)
        .where('articleId', '=', articleId)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw notLinked(ticketId, articleId);
      publish({ type: 'kb.changed', ticketId, at: now });
      return articlesOfTicket(trx, ticketId);
    });
  }

  /** Whether the article helped on this ticket; said again, the new verdict replaces the old. */
  feedback(
    input: { ticketId: number; articleId: number; helped: boolean },
    actor: string,
  ): Promise<LinkedArticle[]> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) => {
      const updated = await trx
        .updateTable('kbLinks')
        .set({ helped: input.helped ? 1 : 0, feedbackBy: actor, feedbackAt: now })
        .where('ticketId', '=', input.ticketId)
        .where('articleId', '=', input.articleId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw notLinked(input.ticketId, input.articleId);
      publish({ type: 'kb.changed', ticketId: input.ticketId, at: now });
      return articlesOfTicket(trx, input.ticketId);
    });
  }
}

const notLinked = (ticketId: number, articleId: number) =>
  new DesksideError(
    'not_found',
    `Article ${articleId} is not linked to ticket ${ticketId}; link it to the ticket first`,
  );
