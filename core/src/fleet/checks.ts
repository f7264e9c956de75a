/**
 * Checks over NATS: what a console sends an agent (or the whole fleet) and what comes back.
 * Every message is validated with these schemas on both sides; an agent refuses anything
 * else with a `refused` reply and runs nothing.
 */
import { z } from 'zod';
import { CheckRunEventSchema, RunChecksRequestSchema } from '../checks/protocol';
import { CheckRunSchema } from '../checks/check-runs';
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

/** Where a queued check stands: waiting for its agent, answered, refused or past its expiry. */
export const FleetQueuedCheckStateSchema = z.enum(['waiting', 'done', 'refused', 'expired']);
export type FleetQueuedCheckState = z.infer<typeof FleetQueuedCheckStateSchema>;

/** A check queued for a fleet agent that was away, as every analyst of the desk sees it. */
export const FleetQueuedCheckSchema = z.object({
  requestId: z.uuid(),
  machineId: FleetIdSchema,
  ticketId: z.number().int().positive().nullable(),
  checks: RunChecksRequestSchema.shape.checks,
  queuedBy: z.string(),
  queuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  state: FleetQueuedCheckStateSchema,
  settledAt: z.iso.datetime().nullable(),
  /** The agent's results, once `done`. */
  run: CheckRunSchema.nullable(),
  /** Why it was refused or could not be attached. */
  problem: z.string().nullable(),
  /** The evidence its results became on the ticket, once attached. */
  evidenceId: z.string().nullable(),
});
export type FleetQueuedCheck = z.infer<typeof FleetQueuedCheckSchema>;

/** `machines.fleetQueuedChecks`: the checks queued for one machine, or for one ticket. */
export const FleetQueuedChecksRequestSchema = z.union([
  z.object({ machineId: FleetIdSchema }).strict(),
  z.object({ ticketId: z.number().int().positive() }).strict(),
]);
export type FleetQueuedChecksRequest = z.infer<typeof FleetQueuedChecksRequestSchema>;

/** What one agent answered (or did not) to checks asked over NATS. */
export const FleetAgentOutcomeSchema = z.object({
  agentId: FleetIdSchema,
  state: z.enum(['done', 'refused', 'timeout', 'cancelled']),
  /** Its results as a run of checks; null unless `done`. */
  run: CheckRunSchema.nullable(),
  /** Why it refused, for `refused`. */
  refusal: z.object({ code: FleetCheckRefusalCodeSchema, message: z.string() }).nullable(),
});
export type FleetAgentOutcome = z.infer<typeof FleetAgentOutcomeSchema>;

/** Timeouts an analyst may give: half a second to two minutes per agent. */
const AgentTimeoutMsSchema = z.number().int().min(500).max(120_000);

/** `machines.fleetRunChecks`: checks on a fleet machine, asked now or queued until it is back. */
export const FleetRunChecksInputSchema = z
  .object({
    machineId: FleetIdSchema,
    checks: RunChecksRequestSchema.shape.checks,
    /** Run from a ticket: a queued check's results are attached there. */
    ticketId: z.number().int().positive().optional(),
    /** How long an online agent has to answer before the checks are queued (default 10 s). */
    timeoutMs: AgentTimeoutMsSchema.optional(),
  })
  .strict();
export type FleetRunChecksInput = z.input<typeof FleetRunChecksInputSchema>;

/**
 * What happened: `asked` (the agent was online and answered, or refused: `outcome`) or
 * `queued` (it was offline or did not answer in time: `queued`, waiting for it).
 */
export const FleetRunChecksResultSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('asked'), outcome: FleetAgentOutcomeSchema }),
  z.object({ via: z.literal('queued'), queued: FleetQueuedCheckSchema }),
]);
export type FleetRunChecksResult = z.infer<typeof FleetRunChecksResultSchema>;

/** Which fleet machines a scatter-gather asks. */
export const FleetSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  /** Machines of people of a department (the directory's `machines`). */
  z
    .object({ kind: z.literal('department'), department: z.string().trim().min(1).max(200) })
    .strict(),
  /** Machines whose profile has this model. */
  z.object({ kind: z.literal('model'), model: z.string().trim().min(1).max(200) }).strict(),
  /** Machines whose name or id starts with a prefix (the desk's naming convention as a tag). */
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(100) }).strict(),
]);
export type FleetSelection = z.infer<typeof FleetSelectionSchema>;

export const FleetScatterStartInputSchema = z
  .object({
    selection: FleetSelectionSchema,
    checks: RunChecksRequestSchema.shape.checks,
    /** How long each agent has to answer (default 10 s). */
    perAgentTimeoutMs: AgentTimeoutMsSchema.optional(),
  })
  .strict();
export type FleetScatterStartInput = z.input<typeof FleetScatterStartInputSchema>;

export const FleetScatterRefSchema = z.object({ id: z.uuid() }).strict();

/** A scatter-gather as it runs and once it ended: the outcomes that came in so far. */
export const FleetScatterSchema = z.object({
  id: z.uuid(),
  state: z.enum(['running', 'done', 'cancelled']),
  selection: FleetSelectionSchema,
  /** The machines asked, in order. */
  machineIds: z.array(FleetIdSchema),
  /** One per machine that answered (or, once ended, timed out or was cancelled). */
  outcomes: z.array(FleetAgentOutcomeSchema),
  startedAt: z.iso.datetime(),
  durationMs: z.number().int().nonnegative().nullable(),
});
export type FleetScatter = z.infer<typeof FleetScatterSchema>;
