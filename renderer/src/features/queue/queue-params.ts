/**
 * The queue's filters live in the address (`#/tickets?status=new&sla=1`), so going back from
 * a ticket, reloading or sharing a link finds the same queue. Anything unknown in the address
 * is dropped, never sent to the console.
 */
import { z } from 'zod';
import {
  CategoryIdSchema,
  ChannelSchema,
  OPEN_STATUSES,
  PrioritySchema,
  QueueSortSchema,
  TicketStatusSchema,
  type Channel,
  type Priority,
  type QueueQuery,
  type TicketStatus,
} from '@deskside/core';

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

const MAX_SEARCH = 200;

/** The values of a comma-separated list that the schema accepts, each once, in order given. */
function listOf<T>(raw: string | null, schema: z.ZodType<T>): T[] {
  if (!raw) return [];
  const values = raw.split(',').flatMap((part) => {
    const parsed = schema.safeParse(/^\d+$/.test(part) ? Number(part) : part);
    return parsed.success ? [parsed.data] : [];
  });
  return [...new Set(values)];
}

const flag = (params: URLSearchParams, name: string) => params.get(name) === '1';

export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const category = CategoryIdSchema.safeParse(params.get('category'));
  const sort = QueueSortSchema.safeParse(params.get('sort'));
  const direction = z.enum(['asc', 'desc']).safeParse(params.get('dir'));
  return {
    mine: flag(params, 'mine'),
    myGroups: flag(params, 'groups'),
    slaAtRisk: flag(params, 'sla'),
    status: listOf(params.get('status'), TicketStatusSchema),
    priority: listOf(params.get('priority'), PrioritySchema),
    channel: listOf(params.get('channel'), ChannelSchema),
    category: category.success ? category.data : null,
    search: (params.get('q') ?? '').slice(0, MAX_SEARCH),
    sort: sort.success ? sort.data : null,
    direction: direction.success ? direction.data : null,
  };
}

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

/** Rows fetched at a time; the list asks for the next page as its end comes into view. */
export const QUEUE_PAGE_SIZE = 100;

/** The queue's first page for these filters: what the page asks for when it opens. */
export const firstQueuePage = (filters: QueueFilters): QueueQuery =>
  queueQuery(filters, { limit: QUEUE_PAGE_SIZE, offset: 0 });

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
