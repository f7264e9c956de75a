import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { QueuePage } from '@deskside/core';
import { useApi } from '../../api/hooks';
import { queueQuery, type QueueFilters } from './queue-params';

/** Rows fetched at a time; the list asks for the next page as its end comes into view. */
export const QUEUE_PAGE_SIZE = 100;
/** The contract's deepest offset: beyond it, narrow the queue with filters or search. */
const MAX_OFFSET = 100_000;

/**
 * The queue, page by page. Its key starts with the method's name, so the live channel's
 * invalidation of `tickets.queue` refreshes it like any other read.
 */
export function useQueue(filters: QueueFilters) {
  const api = useApi();
  const first = queueQuery(filters, { limit: QUEUE_PAGE_SIZE, offset: 0 });
  return useInfiniteQuery({
    queryKey: ['tickets.queue', first],
    queryFn: ({ pageParam }): Promise<QueuePage> =>
      api.call('tickets.queue', { ...first, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last: QueuePage, pages: QueuePage[]) => {
      const offset = pages.length * QUEUE_PAGE_SIZE;
      return last.hasMore && offset <= MAX_OFFSET ? offset : undefined;
    },
    // A new filter or search keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
