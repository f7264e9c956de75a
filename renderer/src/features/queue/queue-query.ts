/**
 * The queue's filters and the console's query for them: plain values, with no schema built,
 * so the page's entry (boot.ts) can ask for the queue before core's schemas are evaluated.
 * Reading filters back from an address, which checks them, is queue-params.ts.
 */
import type { Channel, Priority, QueueQuery, QueueSortSchema, TicketStatus } from '@deskside/core';
import { OPEN_STATUSES } from '@deskside/core/schema-free';
import type { z } from 'zod';

export type QueueSort = z.infer<typeof QueueSortSchema>;
export type SortDirection = 'asc' | 'desc';

export interface QueueFilters {
  mine: boolean;
  myGroups: boolean;
  slaAtRisk: boolean;
  /** Empty: the open queue. */
  status: TicketStatus[];
  priority: Priority[];
  channel: Channel[];
  category: string | null;
  search: string;
  sort: QueueSort | null;
  direction: SortDirection | null;
}

export const DEFAULT_FILTERS: QueueFilters = {
  mine: false,
  myGroups: false,
  slaAtRisk: false,
  status: [],
  priority: [],
  channel: [],
  category: null,
  search: '',
  sort: null,
  direction: null,
};

/** Only what differs from the defaults goes into the address. */
export function paramsFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.mine) params.set('mine', '1');
  if (filters.myGroups) params.set('groups', '1');
  if (filters.slaAtRisk) params.set('sla', '1');
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.priority.length > 0) params.set('priority', filters.priority.join(','));
  if (filters.channel.length > 0) params.set('channel', filters.channel.join(','));
  if (filters.category) params.set('category', filters.category);
  if (filters.search.trim()) params.set('q', filters.search);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.direction) params.set('dir', filters.direction);
  return params;
}

/** Rows fetched at a time after the first page, as the list's end comes into view. */
export const QUEUE_PAGE_SIZE = 100;

/**
 * Rows of the first page: what a tall window shows with the list's overscan. A small first
 * answer is parsed and shown sooner as the console opens; the rest follow at once, a page of
 * QUEUE_PAGE_SIZE at a time.
 */
export const QUEUE_FIRST_PAGE_SIZE = 40;

/** Which rows a page of the queue holds. */
export interface QueuePageRange {
  offset: number;
  limit: number;
}

export const FIRST_QUEUE_RANGE: QueuePageRange = { offset: 0, limit: QUEUE_FIRST_PAGE_SIZE };

/** The contract's deepest offset: beyond it, narrow the queue with filters or search. */
const MAX_OFFSET = 100_000;

/** The rows after `page`, when the console said there are more and the contract reaches them. */
export function nextQueueRange(page: QueuePageRange, hasMore: boolean): QueuePageRange | undefined {
  const offset = page.offset + page.limit;
  return hasMore && offset <= MAX_OFFSET ? { offset, limit: QUEUE_PAGE_SIZE } : undefined;
}

/** The queue's first page for these filters: what the page asks for when it opens. */
export const firstQueuePage = (filters: QueueFilters): QueueQuery =>
  queueQuery(filters, FIRST_QUEUE_RANGE);

/** The console's query for one page of the queue. */
export function queueQuery(
  filters: QueueFilters,
  page: { limit: number; offset: number },
): QueueQuery {
  return {
    mine: filters.mine,
    myGroups: filters.myGroups,
    slaAtRisk: filters.slaAtRisk,
    status: filters.status.length > 0 ? filters.status : [...OPEN_STATUSES],
    ...(filters.priority.length > 0 ? { priority: filters.priority } : {}),
    ...(filters.channel.length > 0 ? { channel: filters.channel } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    search: filters.search.trim(),
    ...(filters.sort ? { sort: filters.sort } : {}),
    ...(filters.direction ? { direction: filters.direction } : {}),
    limit: page.limit,
    offset: page.offset,
  };
}

/** Whether the analyst has narrowed the queue (an empty result then says "no match"). */
export function isFiltered(filters: QueueFilters): boolean {
  return paramsFromFilters({ ...filters, sort: null, direction: null }).size > 0;
}

/** Adds or removes one value of a list filter. */
export function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}
