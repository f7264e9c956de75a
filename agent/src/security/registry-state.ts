import * as z from 'zod/mini';
import { ConsoleIdSchema } from '@deskside/core';
import { sha256Hex } from '../server/identity';
import { generateConsoleId, generateCredential } from './secrets';

// zod/mini: read while the agent idles (README, "Keeping the idle agent small").
const Sha256HexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const ConsoleRecordSchema = z.object({
  id: ConsoleIdSchema,
  name: z.string(),
  /** SHA-256 of the credential: the credential itself is never stored. */
  credentialSha256: Sha256HexSchema,
  pairedAt: z.iso.datetime(),
  /** The address the pairing request came from. */
  pairedFrom: z.string(),
  revokedAt: z.nullable(z.iso.datetime()),
  /** The enrolment whose one-time claim paired this console (absent: a pairing code). */
  enrolmentId: z.optional(z.string()),
});
export type ConsoleRecord = z.infer<typeof ConsoleRecordSchema>;

const PendingCodeSchema = z.object({
  codeSha256: Sha256HexSchema,
  /** A name given with `pair --name`; it names the console that uses the code. */
  label: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  attemptsLeft: z.int().check(z.minimum(0)),
});
export type PendingCode = z.infer<typeof PendingCodeSchema>;

/** A desk this agent was enrolled with (`deskside-agent enrol`): see enrolment-state.ts. */
const EnrolmentRecordSchema = z.object({
  id: z.string(),
  deskName: z.string(),
  label: z.string(),
  /** The key that signed the enrolment file. */
  keyId: z.string(),
  /** The file's signature: the same file again is no change, another one with its id is refused. */
  signature: z.string(),
  /** The secret the agent proves it holds, bound to its certificate. */
  secret: z.string(),
  expiresAt: z.iso.datetime(),
  enrolledAt: z.iso.datetime(),
  /** SHA-256 of each one-time claim the desk may use. */
  claims: z.array(Sha256HexSchema),
  /** Claims used on this agent already. */
  usedClaims: z.array(Sha256HexSchema),
});
export type EnrolmentRecord = z.infer<typeof EnrolmentRecordSchema>;

/** consoles.json in the agent's data folder. */
export const RegistryStateSchema = z.object({
  version: z.literal(1),
  consoles: z.array(ConsoleRecordSchema),
  pairingCodes: z.array(PendingCodeSchema),
  /** Absent in files written before enrolment files existed. */
  enrolments: z.optional(z.array(EnrolmentRecordSchema)),
});
export type RegistryState = z.infer<typeof RegistryStateSchema>;

export const emptyRegistryState = (): RegistryState => ({
  version: 1,
  consoles: [],
  pairingCodes: [],
});

/**
 * Wrong codes a pending code survives. A wrong code cannot tell which pending code it was
 * aimed at, so each one costs every pending code an attempt.
 */
export const PAIRING_ATTEMPTS = 5;
/** Codes pending at once; more is a mistake (or someone scripting `pair`). */
export const MAX_PENDING_CODES = 20;

const live = (state: RegistryState, now: Date): PendingCode[] =>
  state.pairingCodes.filter((pending) => Date.parse(pending.expiresAt) > now.getTime());

export class PendingCodeLimitError extends Error {
  constructor() {
    super(
      `${MAX_PENDING_CODES} pairing codes are already waiting to be used; wait for them to expire`,
    );
  }
}

export function addPendingCode(
  state: RegistryState,
  options: { code: string; label: string | null; now: Date; ttlMs: number },
): RegistryState {
  const pending = live(state, options.now);
  if (pending.length >= MAX_PENDING_CODES) throw new PendingCodeLimitError();
  const code: PendingCode = {
    codeSha256: sha256Hex(options.code),
    label: options.label,
    createdAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + options.ttlMs).toISOString(),
    attemptsLeft: PAIRING_ATTEMPTS,
  };
  return { ...state, pairingCodes: [...pending, code] };
}

/** A new console with a fresh credential: the agent keeps only the credential's hash. */
export function newConsole(
  state: RegistryState,
  options: { name: string; remoteAddress: string; now: Date; enrolmentId?: string },
): { record: ConsoleRecord; credential: string } {
  const taken = new Set(state.consoles.map((known) => known.id));
  let id = generateConsoleId();
  while (taken.has(id)) id = generateConsoleId();
  const credential = generateCredential();
  const record: ConsoleRecord = {
    id,
    name: options.name,
    credentialSha256: sha256Hex(credential),
    pairedAt: options.now.toISOString(),
    pairedFrom: options.remoteAddress,
    revokedAt: null,
    ...(options.enrolmentId ? { enrolmentId: options.enrolmentId } : {}),
  };
  return { record, credential };
}

export type ExchangeResult =
  { ok: true; console: ConsoleRecord; credential: string } | { ok: false };

/**
 * Uses a pairing code: a live code is removed and a console with a new credential is added;
 * a wrong (or expired, or used) code costs every pending code an attempt.
 */
export function exchangeCode(
  state: RegistryState,
  options: { code: string; consoleName: string | undefined; remoteAddress: string; now: Date },
): { next: RegistryState; result: ExchangeResult } {
  const pending = live(state, options.now);
  const digest = sha256Hex(options.code);
  const match = pending.find((candidate) => candidate.codeSha256 === digest);
  // Nothing waiting, nothing to count against: the state stays as it is (and is not written).
  if (!match && state.pairingCodes.length === 0) return { next: state, result: { ok: false } };
  if (!match) {
    const pairingCodes = pending
      .map((candidate) => ({ ...candidate, attemptsLeft: candidate.attemptsLeft - 1 }))
      .filter((candidate) => candidate.attemptsLeft > 0);
    return { next: { ...state, pairingCodes }, result: { ok: false } };
  }
  const { record, credential } = newConsole(state, {
    name: match.label ?? options.consoleName ?? 'console',
    remoteAddress: options.remoteAddress,
    now: options.now,
  });
  return {
    next: {
      ...state,
      consoles: [...state.consoles, record],
      pairingCodes: pending.filter((candidate) => candidate !== match),
    },
    result: { ok: true, console: record, credential },
  };
}

export class UnknownConsoleError extends Error {
  constructor(id: string) {
    super(`No console with id ${JSON.stringify(id)} is paired with this agent`);
  }
}

/** Marks a console revoked; its credential stops working at once. */
export function revokeConsole(
  state: RegistryState,
  id: string,
  now: Date,
): { next: RegistryState; result: ConsoleRecord } {
  const existing = state.consoles.find((known) => known.id === id);
  if (!existing) throw new UnknownConsoleError(id);
  const revoked = { ...existing, revokedAt: existing.revokedAt ?? now.toISOString() };
  return {
    next: {
      ...state,
      consoles: state.consoles.map((known) => (known === existing ? revoked : known)),
    },
    result: revoked,
  };
}

export const pendingCodes = live;
