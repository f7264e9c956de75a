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
    // A machine's or a model's baseline set or cleared: machine pages compare with it.
    'baselines.changed',
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

/**
 * Checks queued over NATS that this console settled or attached (its collector), for its own
 * windows: the machine page and the ticket ask `machines.fleetQueuedChecks` again.
 */
export const FleetChecksEventSchema = z.object({
  type: z.literal('fleet.checks'),
  machineIds: z.array(z.string()),
  at: z.iso.datetime(),
});
export type FleetChecksEvent = z.infer<typeof FleetChecksEventSchema>;

/** A scatter-gather of this console moved on (an agent answered, or it ended). */
export const FleetScatterEventSchema = z.object({
  type: z.literal('fleet.scatter'),
  scatterId: z.string(),
  at: z.iso.datetime(),
});
export type FleetScatterEvent = z.infer<typeof FleetScatterEventSchema>;

export const ConsoleEventSchema = z.discriminatedUnion('type', [
  ChangeEventSchema,
  JobEventSchema,
  FleetPresenceEventSchema,
  FleetChecksEventSchema,
  FleetScatterEventSchema,
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;

/** The renderer's side of the live channel: subscribe, get an unsubscribe function back. */
export interface EventBridge {
  subscribe(listener: (event: unknown) => void): () => void;
}
