import { z } from 'zod';
import { JobSchema } from './jobs';

/**
 * What the console tells every open window (and, on PostgreSQL, every other console) after
 * a write commits, so queues and open tickets refresh without a reload.
 */
export const ChangeEventSchema = z.object({
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
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

/** A job's progress, for this console's own windows only (never sent through the database). */
export const JobEventSchema = z.object({
  type: z.literal('job.progress'),
  job: JobSchema,
  at: z.iso.datetime(),
});
export type JobEvent = z.infer<typeof JobEventSchema>;

/**
 * Fleet machines that came online or went offline (this console's FleetLink), for this
 * console's own windows: the machines list asks `machines.fleetPresence` again.
 */
export const FleetPresenceEventSchema = z.object({
  type: z.literal('fleet.presence'),
  machineIds: z.array(z.string()),
  at: z.iso.datetime(),
});
export type FleetPresenceEvent = z.infer<typeof FleetPresenceEventSchema>;

export const ConsoleEventSchema = z.discriminatedUnion('type', [
  ChangeEventSchema,
  JobEventSchema,
  FleetPresenceEventSchema,
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;

/** The renderer's side of the live channel: subscribe, get an unsubscribe function back. */
export interface EventBridge {
  subscribe(listener: (event: unknown) => void): () => void;
}
