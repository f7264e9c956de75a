import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConsoleTokenSchema } from '@deskside/core';
import type { Authenticator, Caller } from './context';
import { sha256Hex } from './identity';
import {
  SIGNED_SCHEME,
  SignedRequestVerifier,
  keyIdOf,
  type KnownKey,
  type SignedRefusal,
} from '../security/signed-requests';

/** The credential of an `Authorization: Bearer <credential>` header, or null. */
export function bearerCredential(header: string | undefined): string | null {
  // The scheme name is case-insensitive (RFC 9110); the credential is not.
  const match = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Checks a credential against the pre-provisioned console token in constant time. */
export class TokenVerifier {
  private readonly expectedDigest: Buffer;

  constructor(token: string) {
    this.expectedDigest = Buffer.from(sha256Hex(ConsoleTokenSchema.parse(token)), 'hex');
  }

  verify(credential: string): boolean {
    return timingSafeEqual(Buffer.from(sha256Hex(credential), 'hex'), this.expectedDigest);
  }

  /** The key signed requests use with this token (signed-requests.ts `requestKey`). */
  get key(): Buffer {
    return this.expectedDigest;
  }

  verifyAuthorizationHeader(header: string | undefined): boolean {
    const credential = bearerCredential(header);
    return credential !== null && this.verify(credential);
  }
}

export type TokenSource = { kind: 'environment'; name: string } | { kind: 'file'; file: string };

function parseToken(text: string, where: string): string {
  const result = ConsoleTokenSchema.safeParse(text.trim());
  if (!result.success) {
    throw new Error(
      `The console token in ${where} is not valid: ${result.error.issues[0]?.message}`,
    );
  }
  return result.data;
}

/**
 * A pre-provisioned console token (mass deployment) from the environment or from a file
 * named on the command line or in the config file; null when neither gives one, and the
 * agent then admits only consoles paired with `deskside-agent pair`.
 */
export async function loadConsoleToken(options: {
  env: NodeJS.ProcessEnv;
  tokenFile: string | undefined;
}): Promise<{ token: string; source: TokenSource } | null> {
  const fromEnv = options.env.DESKSIDE_AGENT_TOKEN;
  // Set but empty is a mistake in the deployment, not a request for no token.
  if (fromEnv !== undefined) {
    return {
      token: parseToken(fromEnv, 'DESKSIDE_AGENT_TOKEN'),
      source: { kind: 'environment', name: 'DESKSIDE_AGENT_TOKEN' },
    };
  }
  if (options.tokenFile) {
    const text = await readFile(options.tokenFile, 'utf8');
    return {
      token: parseToken(text, options.tokenFile),
      source: { kind: 'file', file: options.tokenFile },
    };
  }
  return null;
}

/** The console id of callers holding the pre-provisioned token. */
export const PROVISIONED_CONSOLE_ID = 'provisioned';

/** Something that knows paired consoles by their credential (the console registry). */
export interface PairedConsoles {
  authenticate(credential: string): Promise<Caller | null>;
  /** The key of the paired, unrevoked console whose key has this id. */
  findKey(keyId: string): Promise<KnownKey<Caller> | null>;
}

/**
 * Authenticates a caller by a request the desk signed (signed-requests.ts) with the key of
 * the pre-provisioned token or of a paired console, or by the credential itself as a Bearer
 * token (what deployment scripts holding the token use; the desk never stores it).
 */
export function consoleAuthenticator(options: {
  provisioned: TokenVerifier | null;
  paired: PairedConsoles | null;
  /** This agent's certificate fingerprint: a signature names the one agent it is for. */
  agentFingerprint: string;
  /** Told why a signed request was refused (the log says it; the caller only gets 401). */
  onRefused?: (why: SignedRefusal) => void;
  now?: () => number;
  /** How long a signature stays usable (signed-requests.ts has the default). */
  signatureWindowMs?: number;
}): Authenticator {
  const provisioned = options.provisioned
    ? { keyId: keyIdOf(options.provisioned.key), key: options.provisioned.key }
    : null;
  const signed = new SignedRequestVerifier<Caller>({
    agentFingerprint: options.agentFingerprint,
    findKey: async (keyId) =>
      provisioned?.keyId === keyId
        ? { key: provisioned.key, caller: { consoleId: PROVISIONED_CONSOLE_ID } }
        : ((await options.paired?.findKey(keyId)) ?? null),
    ...(options.now ? { now: options.now } : {}),
    ...(options.signatureWindowMs ? { windowMs: options.signatureWindowMs } : {}),
  });
  return {
    authenticate: async (req) => {
      const header = req.headers.authorization;
      if (header?.startsWith(`${SIGNED_SCHEME} `)) {
        const verdict = await signed.verify(header, {
          method: req.method ?? '',
          target: req.url ?? '',
        });
        if (!verdict.ok) {
          options.onRefused?.(verdict.why);
          return null;
        }
        return { ...verdict.caller, analyst: verdict.analyst, bodySha256: verdict.bodySha256 };
      }
      const credential = bearerCredential(header);
      if (credential === null) return null;
      if (options.provisioned?.verify(credential)) return { consoleId: PROVISIONED_CONSOLE_ID };
      return (await options.paired?.authenticate(credential)) ?? null;
    },
  };
}

/** Authenticates callers holding the one pre-provisioned console token. */
export const tokenAuthenticator = (
  verifier: TokenVerifier,
  agentFingerprint = 'in-process',
): Authenticator => consoleAuthenticator({ provisioned: verifier, paired: null, agentFingerprint });
