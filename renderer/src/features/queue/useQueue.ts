import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  type QueryClient,
} from '@tanstack/react-query';
import type { QueuePage } from '@deskside/core';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../api/hooks';
import { filtersFromParams } from './queue-params';
import {
  FIRST_QUEUE_RANGE,
  firstQueuePage,
  nextQueueRange,
  type QueueFilters,
  type QueuePageRange,
} from './queue-query';

/**
 * Rows fetched this recently (by the route, as the console opens) are not fetched again when
 * the page mounts; changes after that arrive through the live channel, which refreshes them.
 */
const FRESH_MS = 5_000;

/**
 * The queue, page by page. Its key starts with the method's name, so the live channel's
 * invalidation of `tickets.queue` refreshes it like any other read.
 */
function queueQueryOptions(api: ApiClient, filters: QueueFilters) {
  const first = firstQueuePage(filters);
  return infiniteQueryOptions({
    queryKey: ['tickets.queue', first],
    queryFn: ({ pageParam }): Promise<QueuePage> =>
      api.call('tickets.queue', { ...first, ...pageParam }),
    initialPageParam: FIRST_QUEUE_RANGE,
    getNextPageParam: (last: QueuePage, _pages: QueuePage[], page: QueuePageRange) =>
      nextQueueRange(page, last.hasMore),
    staleTime: FRESH_MS,
  });
}

export function useQueue(filters: QueueFilters) {
  const api = useApi();
  return useInfiniteQuery({
    ...queueQueryOptions(api, filters),
    // A new filter or search keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** Starts fetching the queue's first page for the address's query before the page renders. */
export function prefetchQueue(
  api: ApiClient,
  queryClient: QueryClient,
  search: URLSearchParams,
): void {
  // A failure is not the prefetch's to show: the page's own query asks again and shows it.
  queryClient
    .infiniteQuery(queueQueryOptions(api, filtersFromParams(search)))
    .catch(() => undefined);
}
