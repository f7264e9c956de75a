import { z } from 'zod';
import { ConsoleIdSchema, ConsoleNameSchema, ConsoleTokenSchema } from './pairing';
import { DEFAULT_AGENT_PORT } from './agent-route-table';
import { MachineAddressSchema, MachineNameSchema, PortSchema } from './machine';
import {
  Base64Url32Schema,
  DeskKeyIdSchema,
  EnrolmentIdSchema,
  MAX_ENROLMENT_DAYS,
  MAX_ENROLMENT_MACHINES,
  Sha256HexSchema,
} from './enrolment-file';

/**
 * Enrolled pairing's routes and the console's API for enrolment files; the file itself is
 * in enrolment-file.ts (zod/mini, as the agent reads it).
 */

// --- The agent's routes for enrolled pairing -------------------------------------------

/** The desk asks an agent to prove it holds an enrolment's secret, for this challenge. */
export const EnrolmentProofRequestSchema = z.strictObject({
  challenge: z.string().regex(/^[0-9a-f]{64}$/, 'A challenge is 32 random bytes in hex'),
});
export type EnrolmentProofRequest = z.infer<typeof EnrolmentProofRequestSchema>;

/** One proof per enrolment the agent holds and that has not expired. */
export const EnrolmentProofResponseSchema = z.object({
  /** The certificate the proofs are bound to, as the agent knows its own. */
  fingerprint: z.string(),
  proofs: z.array(
    z.object({
      enrolmentId: EnrolmentIdSchema,
      /** HMAC-SHA256 with the enrolment's secret over the fingerprint and the challenge, hex. */
      proof: Sha256HexSchema,
    }),
  ),
});
export type EnrolmentProofResponse = z.infer<typeof EnrolmentProofResponseSchema>;

/** A one-time claim the desk made for this agent: answered as a pairing code is. */
export const EnrolmentClaimRequestSchema = z.strictObject({
  enrolmentId: EnrolmentIdSchema,
  claim: Base64Url32Schema,
  consoleName: z.optional(ConsoleNameSchema),
});
export type EnrolmentClaimRequest = z.infer<typeof EnrolmentClaimRequestSchema>;

export const EnrolmentClaimResponseSchema = z.object({
  consoleId: ConsoleIdSchema,
  credential: ConsoleTokenSchema,
  hostname: z.string(),
});

// --- The console's API -----------------------------------------------------------------

export const IssueEnrolmentInputSchema = z.object({
  label: ConsoleNameSchema,
  /** Days from now until the file expires. */
  validDays: z.number().int().min(1).max(MAX_ENROLMENT_DAYS).default(14),
  maxMachines: z.number().int().min(1).max(MAX_ENROLMENT_MACHINES).default(100),
});
export type IssueEnrolmentInput = z.input<typeof IssueEnrolmentInputSchema>;

/** An enrolment as the desk lists it: never its secret or claims. */
export const EnrolmentSchema = z.object({
  id: EnrolmentIdSchema,
  label: z.string(),
  keyId: DeskKeyIdSchema,
  issuedBy: z.string(),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  maxMachines: z.number().int(),
  /** Machines the desk added with it so far. */
  usedMachines: z.number().int(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: z.string().nullable(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const IssuedEnrolmentSchema = z.object({
  enrolment: EnrolmentSchema,
  /** The file to hand to the software-distribution tool, as JSON text. */
  fileText: z.string(),
});
export type IssuedEnrolment = z.infer<typeof IssuedEnrolmentSchema>;

export const AddEnrolledMachineInputSchema = z.object({
  name: MachineNameSchema.optional(),
  address: MachineAddressSchema,
  port: PortSchema.default(DEFAULT_AGENT_PORT),
});
export type AddEnrolledMachineInput = z.input<typeof AddEnrolledMachineInputSchema>;
