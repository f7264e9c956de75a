/**
 * The two HMACs of enrolled pairing (core/src/enrolment-file.ts): the agent's proof that it
 * holds an enrolment file, bound to its certificate, and the desk's one-time claims. Node's
 * crypto only, so a serving agent holds nothing more for them.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const PROOF_VERSION = 'deskside-enrolment-proof-v1';
const CLAIM_VERSION = 'deskside-enrolment-claim-v1';

/** An enrolment file that cannot be used, with a sentence saying why. */
export class EnrolmentFileError extends Error {
  override readonly name = 'EnrolmentFileError';
}

/** The one-time claim number `index` of an enrolment, from the desk's seed (base64url). */
export function claimToken(seed: Buffer, index: number): string {
  return createHmac('sha256', seed)
    .update(`${CLAIM_VERSION}\n${index}`, 'utf8')
    .digest('base64url');
}

export const claimDigest = (claim: string): string =>
  createHash('sha256').update(claim, 'utf8').digest('hex');

/**
 * The agent's proof that it holds the enrolment's secret, bound to its own certificate and
 * the desk's challenge: HMAC-SHA256 in hex.
 */
export function enrolmentProof(
  secret: string,
  request: { enrolmentId: string; fingerprint: string; challenge: string },
): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(
      [PROOF_VERSION, request.enrolmentId, request.fingerprint, request.challenge].join('\n'),
      'utf8',
    )
    .digest('hex');
}

/** Compares two hex digests in constant time; false when either is malformed. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}
