import { z } from 'zod';
import { WireErrorSchema } from '../errors';
import { MachineIdSchema, TransportKindSchema } from '../machine';
import { RunChecksRequestSchema } from './protocol';
import { CheckIdSchema, CheckResultSchema } from './result';

// The console's runs of catalog checks on machines (queued, running, done, cancelled), as
// the analyst follows them. Not in ./index: the agent, which imports that, knows nothing of
// the console's machine list.

/** The console's "run these checks on that machine": each check validated by its schema. */
export const RunMachineChecksInputSchema = z
  .object({ id: MachineIdSchema, checks: RunChecksRequestSchema.shape.checks })
  .strict();
export type RunMachineChecksInput = z.input<typeof RunMachineChecksInputSchema>;

/** The results of one run of checks on one machine, as the analyst sees them. */
export const MachineCheckRunSchema = z.object({
  machineId: MachineIdSchema,
  machineName: z.string(),
  transport: TransportKindSchema,
  ranAt: z.iso.datetime(),
  results: z.array(CheckResultSchema),
});
export type MachineCheckRun = z.infer<typeof MachineCheckRunSchema>;

export const CheckRunIdSchema = z.uuid();

/** Where one check of a run is: waiting for a slot, running, or ended with its result. */
export const CheckRunItemSchema = z.object({
  checkId: CheckIdSchema,
  /** The parameters it runs with, defaults filled in. */
  params: z.record(z.string(), z.unknown()),
  state: z.enum(['queued', 'running', 'done']),
  result: CheckResultSchema.nullable(),
});
export type CheckRunItem = z.infer<typeof CheckRunItemSchema>;

export const CheckRunStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type CheckRunState = z.infer<typeof CheckRunStateSchema>;

/**
 * A run of checks the console follows for the analyst: started, then watched as each check
 * starts and ends, and cancellable until it ends. `version` grows with every change, so a
 * follower asks only for what is newer than what it has.
 */
export const CheckRunSchema = z.object({
  runId: CheckRunIdSchema,
  machineId: MachineIdSchema,
  machineName: z.string(),
  transport: TransportKindSchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  state: CheckRunStateSchema,
  version: z.number().int().nonnegative(),
  checks: z.array(CheckRunItemSchema),
  /** Why a `failed` run could not finish (the machine could not be reached, say). */
  error: WireErrorSchema.nullable(),
});
export type CheckRun = z.infer<typeof CheckRunSchema>;

export const CheckRunRefSchema = z.object({ runId: CheckRunIdSchema }).strict();

/** Answers once the run is newer than `afterVersion`, or has ended, or after a while. */
export const FollowCheckRunInputSchema = z
  .object({ runId: CheckRunIdSchema, afterVersion: z.number().int().min(-1).default(-1) })
  .strict();
