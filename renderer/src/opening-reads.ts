import type { EarlyRead } from './api/early-reads';
import { DEFAULT_FILTERS, firstQueuePage } from './features/queue/queue-query';

/** The hash router's path and query in an address (`#/tickets?status=new`). */
function hashRoute(hash: string): { path: string; search: URLSearchParams } {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  return { path, search: new URLSearchParams(query) };
}

/** Paths that show the queue: it is where the console opens (App.tsx redirects `/` to it). */
const QUEUE_PATHS = new Set(['', '/', '/tickets']);

/**
 * What the page at this address reads as it opens, exactly as it will ask for it: the
 * settings (for the language), the analyst's profile (the sidebar) and, on the queue, the
 * desk's configuration and the queue's first page. Only the unfiltered queue's: filters in
 * the address are checked with core's schemas, which the page's entry does not wait for, so
 * a filtered queue (a reload, a shared link) asks for itself once the console runs.
 */
export function openingReads(hash: string): EarlyRead[] {
  const reads: EarlyRead[] = [
    { method: 'settings.get', input: {} },
    { method: 'profile.get', input: {} },
  ];
  const { path, search } = hashRoute(hash);
  if (QUEUE_PATHS.has(path)) {
    reads.push({ method: 'workflow.config', input: {} });
    if (search.size === 0) {
      reads.push({ method: 'tickets.queue', input: firstQueuePage(DEFAULT_FILTERS) });
    }
  }
  return reads;
}
