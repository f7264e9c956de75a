import * as z from 'zod/mini';
import { ConsoleNameSchema } from './pairing';

// zod/mini: the agent reads enrolment files, and its idle process holds no classic zod
// (README, "Keeping the idle agent small").

/**
 * Pre-provisioned pairing. The desk issues an **enrolment file**; a software-distribution tool
 * puts it on many PCs next to the agent, and each agent then lets the desk pair with it
 * without anyone reading a code aloud.
 *
 * What the file holds, and why:
 * - `secret`, shared by every PC of the rollout: an agent proves it holds it, bound to its
 *   own certificate fingerprint (an HMAC over the fingerprint and a challenge of the desk's),
 *   before the desk pins that certificate. A machine in the middle of first contact presents
 *   a certificate of its own and cannot make that proof without the file.
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
/** The text the desk's key signs: the canonical JSON of the body after this line. */
export const ENROLMENT_SIGNED_PREFIX = 'deskside-enrolment-v1\n';

export const Base64Url32Schema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url (43 characters)'));
export const Sha256HexSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, 'A SHA-256 in lower-case hex'));
export const EnrolmentIdSchema = z.uuid();
export const DeskKeyIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{32}$/, 'A key id is 32 hex digits'));

/** The desk the file is for, as the console names it. */
export const EnrolmentDeskSchema = z.strictObject({
  name: ConsoleNameSchema,
});

/** The key that signed the file. */
export const EnrolmentDeskKeySchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  /** The first half of the SHA-256 of the raw public key, in hex. */
  keyId: DeskKeyIdSchema,
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Base64Url32Schema,
});

const bodyShape = {
  format: z.literal(ENROLMENT_FORMAT),
  version: z.literal(ENROLMENT_VERSION),
  id: EnrolmentIdSchema,
  desk: EnrolmentDeskSchema,
  /** What the rollout is, e.g. "Finance laptops, spring 2027"; agents list the desk by it. */
  label: ConsoleNameSchema,
  issuedAt: z.iso.datetime(),
  /** After this, agents refuse the file and the desk adds no machine with it. */
  expiresAt: z.iso.datetime(),
  maxMachines: z.int().check(z.minimum(1), z.maximum(MAX_ENROLMENT_MACHINES)),
  deskKey: EnrolmentDeskKeySchema,
  secret: Base64Url32Schema,
  claims: z.array(Sha256HexSchema).check(z.minLength(1), z.maxLength(MAX_ENROLMENT_MACHINES)),
};

/** Every field of the file but its signature: what the signature covers (canonical JSON). */
export const EnrolmentBodySchema = z.strictObject(bodyShape);
export type EnrolmentBody = z.infer<typeof EnrolmentBodySchema>;

export const EnrolmentFileSchema = z
  .strictObject({
    ...bodyShape,
    /** Ed25519 over the canonical JSON of every other field, base64url (64 bytes). */
    signature: z
      .string()
      .check(z.regex(/^[A-Za-z0-9_-]{86}$/, 'An Ed25519 signature in base64url')),
  })
  .check(
    z.refine((file) => file.claims.length === file.maxMachines, {
      message: 'An enrolment file holds one claim per machine',
      path: ['claims'],
    }),
    z.refine((file) => Date.parse(file.expiresAt) > Date.parse(file.issuedAt), {
      message: 'An enrolment file expires after it was issued',
      path: ['expiresAt'],
    }),
  );
export type EnrolmentFile = z.infer<typeof EnrolmentFileSchema>;
