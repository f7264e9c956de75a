import { z } from 'zod';

/**
 * What the console tells every open window (and, on PostgreSQL, every other console) after
 * a write commits, so queues and open tickets refresh without a reload.
 */
export const ConsoleEventSchema = z.object({
  type: z.enum([
    'ticket.created',
    'ticket.changed',
    'people.changed',
    'data.imported',
    'kb.changed',
  ]),
  ticketId: z.number().int().positive().nullable(),
  at: z.iso.datetime(),
});
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;

/** The renderer's side of the live channel: subscribe, get an unsubscribe function back. */
export interface EventBridge {
  subscribe(listener: (event: unknown) => void): () => void;
}
