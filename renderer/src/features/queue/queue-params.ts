/**
 * The queue's filters live in the address (`#/tickets?status=new&sla=1`), so going back from
 * a ticket, reloading or sharing a link finds the same queue. Anything unknown in the address
 * is dropped, never sent to the console.
 */
import { z } from 'zod';
import {
  CategoryIdSchema,
  ChannelSchema,
  PrioritySchema,
  QueueSortSchema,
  TicketStatusSchema,
} from '@deskside/core';
import type { QueueFilters } from './queue-query';

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
