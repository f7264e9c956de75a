/**
 * Checks over NATS: what a console sends an agent (or the whole fleet) and what comes back.
 * Every message is validated with these schemas on both sides; an agent refuses anything
 * else with a `refused` reply and runs nothing.
 */
import { z } from 'zod';
import { CheckRunEventSchema, RunChecksRequestSchema } from '../checks/protocol';
import { CheckResultSchema } from '../checks/result';
import { FleetIdSchema } from './subjects';

/** The request kind of checks: `deskside.agent.<id>.req.check`, `deskside.fleet.req.check`. */
export const FLEET_CHECK_KIND = 'check';

/** The most agents one fleet-wide request may name (its `targets`). */
export const MAX_FLEET_CHECK_TARGETS = 20_000;

/** A run of checks asked of one agent or of many. */
export const FleetCheckRequestSchema = z
  .object({
    /** Unique per request: an agent never runs the same request id twice. */
    requestId: z.uuid(),
    /** After this an agent no longer starts it (and stops it if running). */
    deadline: z.iso.datetime(),
    checks: RunChecksRequestSchema.shape.checks,
    /**
     * On the fleet-wide subject: the agents asked (the others stay silent). Absent: every
     * agent answers.
     */
    targets: z.array(FleetIdSchema).max(MAX_FLEET_CHECK_TARGETS).optional(),
    /** Publish progress events on the agent's progress subject while it runs. */
    progress: z.boolean().default(false),
    /** The ticket the results are for (queued requests; carried back with the results). */
    ticketId: z.number().int().positive().optional(),
  })
  .strict();
export type FleetCheckRequest = z.output<typeof FleetCheckRequestSchema>;
export type FleetCheckRequestInput = z.input<typeof FleetCheckRequestSchema>;

/** Why an agent refused a request, without running anything. */
export const FleetCheckRefusalCodeSchema = z.enum(['invalid', 'duplicate', 'expired', 'busy']);
export type FleetCheckRefusalCode = z.infer<typeof FleetCheckRefusalCodeSchema>;

export const FleetCheckReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('results'),
    requestId: z.uuid(),
    agentId: FleetIdSchema,
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    results: z.array(CheckResultSchema),
    ticketId: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('refused'),
    /** Null when the request was too malformed to hold one. */
    requestId: z.string().nullable(),
    agentId: FleetIdSchema,
    code: FleetCheckRefusalCodeSchema,
    message: z.string(),
    /** Which fields were wrong (`checks.0.params.host`), for `invalid`. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
]);
export type FleetCheckReply = z.infer<typeof FleetCheckReplySchema>;

/** One progress event of a running request, on `deskside.agent.<id>.check.progress`. */
export const FleetCheckProgressSchema = z.object({
  requestId: z.uuid(),
  agentId: FleetIdSchema,
  event: CheckRunEventSchema,
});
export type FleetCheckProgress = z.infer<typeof FleetCheckProgressSchema>;
