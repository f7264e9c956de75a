import { z } from 'zod';
import { FingerprintSchema } from './fingerprint';
import { MachineIdSchema, PairingCodeInputSchema } from './machine';

/**
 * Where a console stands with an agent it added:
 * paired: the agent answers and accepts this console's credential;
 * refused: the agent answers but no longer accepts the credential (revoked, or its list reset);
 * unreachable: nothing answers at the address;
 * certificate_changed: something answers there with another certificate than the pinned one
 * (the agent was reinstalled, or someone is in between): the console sends it nothing.
 */
export const PairingStateSchema = z.enum([
  'local',
  'paired',
  'refused',
  'unreachable',
  'certificate_changed',
]);
export type PairingState = z.infer<typeof PairingStateSchema>;

export const MachineStatusSchema = z.object({
  id: MachineIdSchema,
  state: PairingStateSchema,
  agentVersion: z.string().nullable(),
  /** The certificate presented now, when it is not the pinned one. */
  presentedFingerprint: z.string().nullable(),
  /** Why the agent could not be used, in the console's words. */
  detail: z.string().nullable(),
  checkedAt: z.iso.datetime(),
});
export type MachineStatus = z.infer<typeof MachineStatusSchema>;

/** An agent machine's id: this computer is not paired and cannot be removed. */
export const AgentMachineIdSchema = z.uuid('This computer is not an agent machine');

/**
 * Pairs an agent machine again with a new code (after its consoles were revoked or the agent
 * reinstalled). The certificate is the one the analyst confirmed now, which may be new.
 */
export const RepairMachineInputSchema = z.object({
  id: AgentMachineIdSchema,
  code: PairingCodeInputSchema,
  fingerprint: FingerprintSchema,
});
export type RepairMachineInput = z.input<typeof RepairMachineInputSchema>;

export const RemoveMachineInputSchema = z.object({ id: AgentMachineIdSchema }).strict();
