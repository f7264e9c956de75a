/**
 * Requests signed by the desk. A console never sends an agent a reusable credential: each
 * request carries an HMAC-SHA256 signature, made with the key the agent and the desk share
 * since pairing, over everything that makes the request what it is (the agent it is for, the
 * analyst asking, the time, a one-off nonce, the method, the target and the body's hash).
 * On a shared PostgreSQL desk only the database holds the key and signs (a security-definer
 * function, electron/services/machines/desk-credentials.ts builds the same message in SQL);
 * on the embedded SQLite store the console signs with the key it keeps sealed.
 *
 * The key is the SHA-256 of the credential pairing gave (or of the pre-provisioned token):
 * exactly what the agent keeps of it, so consoles paired before requests were signed need
 * nothing new from the agent.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNED_SCHEME = 'Deskside-Signed';
const MESSAGE_VERSION = 'deskside-signed-request-v1';
/** How far a signature's time may be from the agent's clock, either way, unless configured. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
/** The SHA-256 of no body at all (what a GET's signature names). */
export const EMPTY_BODY_SHA256 = createHash('sha256').update('').digest('hex');

/** The key an agent and the desk share for one pairing: SHA-256 of its credential. */
export function requestKey(credential: string): Buffer {
  return createHash('sha256').update(credential, 'utf8').digest();
}

/** Names a key without giving it away: the first half of its own SHA-256, in hex. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export function bodySha256(body: Uint8Array | null): string {
  return body === null ? EMPTY_BODY_SHA256 : createHash('sha256').update(body).digest('hex');
}

export interface SignedFields {
  keyId: string;
  /** The analyst asking, as the desk knows them (a login, or the OS user on one PC). */
  analyst: string;
  /** Seconds since 1970 when the desk signed. */
  time: number;
  nonce: string;
  /** SHA-256 of the body, in hex; the agent checks the body it reads against it. */
  bodySha256: string;
}

export interface SignedTarget {
  /** The agent's certificate fingerprint (SHA-256, as Node prints it): one agent only. */
  agentFingerprint: string;
  method: string;
  /** Path and query, as sent. */
  target: string;
}

/**
 * The exact text signed: one field per line. An analyst's name is percent-encoded, so it can
 * hold no line break (logins on a desk are plain already, and stay as they are).
 */
export function signedMessage(fields: SignedFields, request: SignedTarget): string {
  return [
    MESSAGE_VERSION,
    fields.keyId,
    request.agentFingerprint,
    encodeAnalyst(fields.analyst),
    String(fields.time),
    fields.nonce,
    request.method,
    request.target,
    fields.bodySha256,
  ].join('\n');
}

function encodeAnalyst(analyst: string): string {
  return encodeURIComponent(analyst).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function signature(key: Buffer, fields: SignedFields, request: SignedTarget): string {
  return createHmac('sha256', key).update(signedMessage(fields, request), 'utf8').digest('hex');
}

/** The Authorization header of one request with `body`, signed with `key` now. */
export function signRequest(
  key: Buffer,
  analyst: string,
  request: SignedTarget & { body: Uint8Array | null },
  now: Date = new Date(),
): string {
  const fields: SignedFields = {
    keyId: keyIdOf(key),
    analyst,
    time: Math.floor(now.getTime() / 1000),
    nonce: randomBytes(16).toString('hex'),
    bodySha256: bodySha256(request.body),
  };
  return formatAuthorization(fields, signature(key, fields, request));
}

export function formatAuthorization(fields: SignedFields, sig: string): string {
  return `${SIGNED_SCHEME} key=${fields.keyId},analyst=${encodeAnalyst(fields.analyst)},time=${fields.time},nonce=${fields.nonce},body=${fields.bodySha256},signature=${sig}`;
}

const HEADER =
  /^Deskside-Signed key=([0-9a-f]{32}),analyst=([A-Za-z0-9%._~-]{1,256}),time=([0-9]{1,12}),nonce=([0-9a-f]{32}),body=([0-9a-f]{64}),signature=([0-9a-f]{64})$/;

/** The fields and signature of a Deskside-Signed Authorization header, or null. */
export function parseAuthorization(
  header: string | undefined,
): { fields: SignedFields; signature: string } | null {
  const match = HEADER.exec(header ?? '');
  if (!match) return null;
  const [, keyId = '', analyst = '', time = '', nonce = '', body = '', sig = ''] = match;
  let decoded: string;
  try {
    decoded = decodeURIComponent(analyst);
  } catch {
    return null;
  }
  // Only one spelling of each name is accepted, so the signature covers the name as sent.
  if (encodeAnalyst(decoded) !== analyst) return null;
  return {
    fields: { keyId, analyst: decoded, time: Number(time), nonce, bodySha256: body },
    signature: sig,
  };
}

/** Remembers the nonces of the signatures still inside the window, so each is used once. */
export class NonceLedger {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 200_000) {}

  /** False when `nonce` was used already; otherwise records it until `expiresAt`. */
  use(nonce: string, expiresAt: number, now: number): boolean {
    for (const [old, until] of this.seen) {
      if (until > now && this.seen.size < this.maxEntries) break;
      this.seen.delete(old);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }
}

export interface KnownKey<C> {
  key: Buffer;
  caller: C;
}

export type SignedRefusal =
  'not_signed' | 'unknown_key' | 'bad_signature' | 'outside_window' | 'replayed';

export type SignedVerdict<C> =
  { ok: true; caller: C; analyst: string; bodySha256: string } | { ok: false; why: SignedRefusal };

/**
 * Checks a signed request to one agent: a key the agent knows, a signature that matches, a
 * time inside the window and a nonce not used before. Answers the key's caller, the analyst
 * and the body hash the request's body must then have, or why it is refused.
 */
export class SignedRequestVerifier<C> {
  private readonly nonces = new NonceLedger();
  private readonly now: () => number;
  private readonly windowMs: number;

  constructor(
    private readonly options: {
      agentFingerprint: string;
      findKey: (keyId: string) => Promise<KnownKey<C> | null>;
      now?: () => number;
      windowMs?: number;
    },
  ) {
    this.now = options.now ?? Date.now;
    this.windowMs = options.windowMs ?? SIGNATURE_WINDOW_MS;
  }

  async verify(
    header: string | undefined,
    request: { method: string; target: string },
  ): Promise<SignedVerdict<C>> {
    const parsed = parseAuthorization(header);
    if (!parsed) return { ok: false, why: 'not_signed' };
    const { fields } = parsed;
    const known = await this.options.findKey(fields.keyId);
    if (!known) return { ok: false, why: 'unknown_key' };
    const expected = Buffer.from(
      signature(known.key, fields, { ...request, agentFingerprint: this.options.agentFingerprint }),
      'hex',
    );
    if (!timingSafeEqual(expected, Buffer.from(parsed.signature, 'hex'))) {
      return { ok: false, why: 'bad_signature' };
    }
    const now = this.now();
    const signedAt = fields.time * 1000;
    if (Math.abs(now - signedAt) > this.windowMs) return { ok: false, why: 'outside_window' };
    if (!this.nonces.use(fields.nonce, signedAt + this.windowMs, now)) {
      return { ok: false, why: 'replayed' };
    }
    return {
      ok: true,
      caller: known.caller,
      analyst: fields.analyst,
      bodySha256: fields.bodySha256,
    };
  }
}
