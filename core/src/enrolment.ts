import { z } from 'zod';
import { ConsoleIdSchema, ConsoleNameSchema, ConsoleTokenSchema } from './pairing';
import { DEFAULT_AGENT_PORT } from './agent-route-table';
import { MachineAddressSchema, MachineNameSchema, PortSchema } from './machine';

/**
 * Pre-provisioned pairing. The desk issues an **enrolment file**; a software-distribution tool
 * puts it on many PCs next to the agent, and each agent then lets the desk pair with it
 * without anyone reading a code aloud.
 *
 * What the file holds, and why:
 * - `secret`, shared by every PC of the rollout: an agent proves it holds it, bound to its
 *   own certificate fingerprint (`proof`, an HMAC over the fingerprint and a challenge of the
 *   desk's), before the desk pins that certificate. A machine in the middle of first contact
 *   presents a certificate of its own and cannot make that proof without the file.
 * - `claims`: the SHA-256 of each one-time claim the desk may use, one per machine
 *   (`maxMachines` of them). Only the desk can make a claim (from a seed it never writes into
 *   the file), and it makes one only after checking an agent's proof, so holding the file
 *   lets nobody pair a console of their own with another PC of the rollout.
 * - `deskKey` and `signature`: an Ed25519 signature over the rest, with a key made for this
 *   enrolment and dropped once the file is signed; any change to the file breaks it.
 */
export const ENROLMENT_FORMAT = 'deskside-enrolment';
export const ENROLMENT_VERSION = 1;
/** The most machines one file may enrol; issue several files for a larger rollout. */
export const MAX_ENROLMENT_MACHINES = 2000;
/** The longest an enrolment file may stay valid. */
export const MAX_ENROLMENT_DAYS = 90;

const Base64Url32Schema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url (43 characters)');
const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 in lower-case hex');
export const EnrolmentIdSchema = z.uuid();
export const DeskKeyIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'A key id is 32 hex digits');

/** The desk the file is for: its name as the console shows it, and the key it signed with. */
export const EnrolmentDeskSchema = z.strictObject({
  name: ConsoleNameSchema,
});

export const EnrolmentDeskKeySchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  /** The first half of the SHA-256 of the raw public key, in hex. */
  keyId: DeskKeyIdSchema,
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Base64Url32Schema,
});

/** Every field of the file but its signature: what the signature covers (canonical JSON). */
export const EnrolmentBodySchema = z.strictObject({
  format: z.literal(ENROLMENT_FORMAT),
  version: z.literal(ENROLMENT_VERSION),
  id: EnrolmentIdSchema,
  desk: EnrolmentDeskSchema,
  /** What the rollout is, e.g. "Finance laptops, spring 2027"; agents list the desk by it. */
  label: ConsoleNameSchema,
  issuedAt: z.iso.datetime(),
  /** After this, agents refuse the file and the desk adds no machine with it. */
  expiresAt: z.iso.datetime(),
  maxMachines: z.number().int().min(1).max(MAX_ENROLMENT_MACHINES),
  deskKey: EnrolmentDeskKeySchema,
  secret: Base64Url32Schema,
  claims: z.array(Sha256HexSchema).min(1).max(MAX_ENROLMENT_MACHINES),
});
export type EnrolmentBody = z.infer<typeof EnrolmentBodySchema>;

export const EnrolmentFileSchema = EnrolmentBodySchema.extend({
  /** Ed25519 over the canonical JSON of every other field, base64url (64 bytes). */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'An Ed25519 signature in base64url'),
})
  .strict()
  .refine((file) => file.claims.length === file.maxMachines, {
    message: 'An enrolment file holds one claim per machine',
    path: ['claims'],
  })
  .refine((file) => Date.parse(file.expiresAt) > Date.parse(file.issuedAt), {
    message: 'An enrolment file expires after it was issued',
    path: ['expiresAt'],
  });
export type EnrolmentFile = z.infer<typeof EnrolmentFileSchema>;

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

/** The text the desk's key signs: the canonical JSON of the body after this line. */
export const ENROLMENT_SIGNED_PREFIX = 'deskside-enrolment-v1\n';
