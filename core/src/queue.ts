import { z } from 'zod';
import { ChannelSchema, TicketSchema } from './ticket';
import { GroupIdSchema } from './workflow/assignment';
import { CategoryIdSchema } from './workflow/categories';
import { OPEN_STATUSES, TicketStatusSchema } from './workflow/lifecycle';
import { PrioritySchema } from './workflow/priority';

export const QueueSortSchema = z.enum(['priority', 'sla', 'created', 'updated', 'id']);

export const QueueQuerySchema = z.object({
  /** Assigned to the analyst at this console. */
  mine: z.boolean().default(false),
  /** Assigned to a group the analyst at this console belongs to. */
  myGroups: z.boolean().default(false),
  groupId: GroupIdSchema.optional(),
  status: z
    .array(TicketStatusSchema)
    .min(1)
    .default([...OPEN_STATUSES]),
  priority: z.array(PrioritySchema).min(1).optional(),
  channel: z.array(ChannelSchema).min(1).optional(),
  /** A category and everything under it. */
  category: CategoryIdSchema.optional(),
  /** Only tickets whose SLA is at risk or breached. */
  slaAtRisk: z.boolean().default(false),
  /** Words to find in the summary, description or timeline, in any language. */
  search: z.string().trim().max(200).default(''),
  /**
   * Without a search: most urgent first (priority). With one: newest first (created), which
   * the full-text index answers without collecting every match.
   */
  sort: QueueSortSchema.optional(),
  /** Ascending for priority and SLA, descending (newest first) for the others. */
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type QueueQuery = z.input<typeof QueueQuerySchema>;
export type QueryQueueParsed = z.output<typeof QueueQuerySchema>;

export const QueuePageSchema = z.object({
  tickets: z.array(TicketSchema),
  hasMore: z.boolean(),
});
export type QueuePage = z.infer<typeof QueuePageSchema>;
