import {
  OPEN_STATUSES,
  categoryAndDescendants,
  searchTerms,
  type QueryQueueParsed,
  type QueuePage,
} from '@deskside/core';
import { ticketMatches } from '../database/search-index';
import { toTicket } from '../tickets/rows';
import type { WorkflowDeps } from '../tickets/ticket-writer';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/** The analyst's queue: filters, sorting and full-text search, one page at a time. */
export class QueueService {
  constructor(private readonly deps: WorkflowDeps) {}

  async page(q: QueryQueueParsed, analyst: string): Promise<QueuePage> {
    const { db, dialect } = this.deps.store;
    const config = await this.deps.config.get();
    let query = db.selectFrom('tickets').selectAll();

    // The open queue has an index of its own (is_open, priority, id).
    query = sameSet(q.status, OPEN_STATUSES)
      ? query.where('isOpen', '=', 1)
      : query.where('status', 'in', q.status);
    if (q.mine) query = query.where('assignee', '=', analyst);
    if (q.myGroups) {
      const mine = config.groups.filter((g) => g.members.includes(analyst)).map((g) => g.id);
      if (mine.length === 0) return { tickets: [], hasMore: false };
      query = query.where('groupId', 'in', mine);
    }
    if (q.groupId) query = query.where('groupId', '=', q.groupId);
    if (q.priority) query = query.where('priority', 'in', q.priority);
    if (q.channel) query = query.where('channel', 'in', q.channel);
    if (q.category) {
      const categories = categoryAndDescendants(config.categories, q.category);
      query = query.where('category', 'in', categories.length > 0 ? categories : [q.category]);
    }
    if (q.slaAtRisk) {
      query = query
        .where('slaAtRiskAt', 'is not', null)
        .where('slaAtRiskAt', '<=', this.deps.now().toISOString());
    }
    const terms = searchTerms(q.search);
    if (terms.length > 0) query = query.where(ticketMatches(dialect, terms));

    const sort = q.sort ?? (terms.length > 0 ? 'created' : 'priority');
    const direction = q.direction ?? (sort === 'priority' || sort === 'sla' ? 'asc' : 'desc');
    switch (sort) {
      case 'priority':
        query = query.orderBy('priority', direction).orderBy('id', 'asc');
        break;
      case 'sla':
        // NULLS LAST spelled out: SQLite and PostgreSQL put NULLs at opposite ends otherwise.
        query = query
          .orderBy('slaDueAt', (ob) => (direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
          .orderBy('id');
        break;
      case 'updated':
        query = query.orderBy('updatedAt', direction).orderBy('id', direction);
        break;
      case 'created':
      case 'id':
        query = query.orderBy('id', direction);
        break;
    }
    const rows = await query
      .limit(q.limit + 1)
      .offset(q.offset)
      .execute();
    return { tickets: rows.slice(0, q.limit).map(toTicket), hasMore: rows.length > q.limit };
  }
}
