import type { EnrolmentFile } from '@deskside/core';
import { EnrolmentFileError, claimDigest, enrolmentProof } from './enrolment-proof';
import {
  newConsole,
  type ConsoleRecord,
  type EnrolmentRecord,
  type RegistryState,
} from './registry-state';

/**
 * Enrolments in consoles.json: the desks whose files this agent took (`deskside-agent enrol`,
 * or enrolment.json beside the config file at `serve`), and the consoles their claims paired.
 */

export type EnrolOutcome = 'enrolled' | 'unchanged';

/** Records a checked enrolment file; the same file again changes nothing. */
export function addEnrolment(
  state: RegistryState,
  file: EnrolmentFile,
  now: Date,
): { next: RegistryState; result: { outcome: EnrolOutcome; enrolment: EnrolmentRecord } } {
  const enrolments = state.enrolments ?? [];
  const known = enrolments.find((enrolment) => enrolment.id === file.id);
  if (known) {
    if (known.signature !== file.signature) {
      throw new EnrolmentFileError(
        `This agent is enrolled already with another file of enrolment ${file.id}: the file was changed, or is not the desk's`,
      );
    }
    return { next: state, result: { outcome: 'unchanged', enrolment: known } };
  }
  const enrolment: EnrolmentRecord = {
    id: file.id,
    deskName: file.desk.name,
    label: file.label,
    keyId: file.deskKey.keyId,
    signature: file.signature,
    secret: file.secret,
    expiresAt: file.expiresAt,
    enrolledAt: now.toISOString(),
    claims: file.claims,
    usedClaims: [],
  };
  return {
    next: { ...state, enrolments: [...enrolments, enrolment] },
    result: { outcome: 'enrolled', enrolment },
  };
}

const live = (state: RegistryState, now: Date): EnrolmentRecord[] =>
  (state.enrolments ?? []).filter((enrolment) => Date.parse(enrolment.expiresAt) > now.getTime());

/** This agent's proof for each live enrolment, bound to its certificate and the challenge. */
export function enrolmentProofs(
  state: RegistryState,
  request: { fingerprint: string; challenge: string; now: Date },
): { enrolmentId: string; proof: string }[] {
  return live(state, request.now).map((enrolment) => ({
    enrolmentId: enrolment.id,
    proof: enrolmentProof(enrolment.secret, {
      enrolmentId: enrolment.id,
      fingerprint: request.fingerprint,
      challenge: request.challenge,
    }),
  }));
}

export type ClaimResult =
  | { ok: true; console: ConsoleRecord; credential: string }
  | { ok: false; why: 'unknown_enrolment' | 'expired' | 'bad_claim' | 'used_claim' };

/** Uses one of the desk's one-time claims for a new console, as a pairing code is used. */
export function claimEnrolment(
  state: RegistryState,
  options: {
    enrolmentId: string;
    claim: string;
    consoleName: string | undefined;
    remoteAddress: string;
    now: Date;
  },
): { next: RegistryState; result: ClaimResult } {
  const enrolments = state.enrolments ?? [];
  const enrolment = enrolments.find((known) => known.id === options.enrolmentId);
  const refuse = (why: Exclude<ClaimResult, { ok: true }>['why']) => ({
    next: state,
    result: { ok: false as const, why },
  });
  if (!enrolment) return refuse('unknown_enrolment');
  if (Date.parse(enrolment.expiresAt) <= options.now.getTime()) return refuse('expired');
  const digest = claimDigest(options.claim);
  if (!enrolment.claims.includes(digest)) return refuse('bad_claim');
  if (enrolment.usedClaims.includes(digest)) return refuse('used_claim');
  const { record, credential } = newConsole(state, {
    name: `${enrolment.deskName}: ${options.consoleName ?? enrolment.label}`.slice(0, 100),
    remoteAddress: options.remoteAddress,
    now: options.now,
    enrolmentId: enrolment.id,
  });
  const used = { ...enrolment, usedClaims: [...enrolment.usedClaims, digest] };
  return {
    next: {
      ...state,
      consoles: [...state.consoles, record],
      enrolments: enrolments.map((known) => (known === enrolment ? used : known)),
    },
    result: { ok: true, console: record, credential },
  };
}
