import { z } from 'zod';
import { CheckResultSchema, RunChecksRequestSchema } from './checks';
import { MachineIdSchema, TransportKindSchema } from './machine';

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
