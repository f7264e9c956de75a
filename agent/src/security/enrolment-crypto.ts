/**
 * Enrolment files (core/src/enrolment-file.ts says what each field is for): made and signed
 * by the desk, checked by the agent; with the two HMACs of enrolled pairing
 * (enrolment-proof.ts). The desk imports this module as `@deskside/agent/enrolment`, so both
 * sides compute the same bytes.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import {
  ENROLMENT_FORMAT,
  ENROLMENT_SIGNED_PREFIX,
  ENROLMENT_VERSION,
  EnrolmentFileSchema,
  canonicalJson,
  type EnrolmentBody,
  type EnrolmentFile,
} from '@deskside/core';
import { EnrolmentFileError, claimDigest, claimToken } from './enrolment-proof';

export {
  EnrolmentFileError,
  claimDigest,
  claimToken,
  enrolmentProof,
  sameDigest,
} from './enrolment-proof';

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const DAY_MS = 86_400_000;

/** A key id: the first half of the SHA-256 of the raw public key, in hex. */
export function deskKeyId(rawPublicKey: Buffer): string {
  return createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 32);
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

const signedBytes = (body: EnrolmentBody): Buffer =>
  Buffer.from(ENROLMENT_SIGNED_PREFIX + canonicalJson(body), 'utf8');

export interface NewEnrolment {
  file: EnrolmentFile;
  /** The seed of the one-time claims: the desk keeps it, the file never holds it. */
  seed: Buffer;
}

/**
 * Makes and signs a new enrolment file. Its Ed25519 key is made for it and dropped once the
 * file is signed, so no other file can ever be signed with it.
 */
export function createEnrolment(options: {
  deskName: string;
  label: string;
  validDays: number;
  maxMachines: number;
  now?: Date;
}): NewEnrolment {
  const now = options.now ?? new Date();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const seed = randomBytes(32);
  const body: EnrolmentBody = {
    format: ENROLMENT_FORMAT,
    version: ENROLMENT_VERSION,
    id: randomUUID(),
    desk: { name: options.deskName },
    label: options.label,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + options.validDays * DAY_MS).toISOString(),
    maxMachines: options.maxMachines,
    deskKey: { algorithm: 'ed25519', keyId: deskKeyId(raw), publicKey: raw.toString('base64url') },
    secret: randomBytes(32).toString('base64url'),
    claims: Array.from({ length: options.maxMachines }, (_, index) =>
      claimDigest(claimToken(seed, index)),
    ),
  };
  return { file: signEnrolment(body, privateKey), seed };
}

/** Signs an enrolment body with an Ed25519 private key. */
export function signEnrolment(body: EnrolmentBody, privateKey: KeyObject | string): EnrolmentFile {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const signature = sign(null, signedBytes(body), key).toString('base64url');
  return { ...body, signature };
}

/** The file's text as it is handed out: pretty JSON, one field a line where it fits. */
export const enrolmentFileText = (file: EnrolmentFile): string =>
  `${JSON.stringify(file, null, 2)}\n`;

/**
 * Reads an enrolment file and checks it: its shape, its key id, its signature and its expiry.
 * Throws an EnrolmentFileError that says what is wrong.
 */
export function checkEnrolmentFile(text: string, now: Date = new Date()): EnrolmentFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EnrolmentFileError('This is not an enrolment file: it is not JSON');
  }
  const parsed = EnrolmentFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'file';
    throw new EnrolmentFileError(
      `This is not a valid enrolment file (${field}: ${issue?.message ?? 'invalid'})`,
    );
  }
  const file = parsed.data;
  const raw = Buffer.from(file.deskKey.publicKey, 'base64url');
  if (deskKeyId(raw) !== file.deskKey.keyId) {
    throw new EnrolmentFileError(
      'The enrolment file was changed: its key id does not match its key',
    );
  }
  const { signature, ...body } = file;
  let valid: boolean;
  try {
    valid = verify(
      null,
      signedBytes(body),
      publicKeyFromRaw(raw),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    // A key or signature Node cannot even read is as good as a wrong one.
    valid = false;
  }
  if (!valid) {
    throw new EnrolmentFileError(
      'The enrolment file was changed after the desk signed it: its signature does not match. Download it again from the console',
    );
  }
  if (Date.parse(file.expiresAt) <= now.getTime()) {
    throw new EnrolmentFileError(
      `The enrolment file expired at ${file.expiresAt}: issue a new one in the console`,
    );
  }
  return file;
}
