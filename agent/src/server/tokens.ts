import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConsoleTokenSchema } from '@deskside/core';
import type { Authenticator } from './context';
import { sha256Hex } from './identity';

/** Checks a bearer token against the configured console token in constant time. */
export class TokenVerifier {
  private readonly expectedDigest: Buffer;

  constructor(token: string) {
    this.expectedDigest = Buffer.from(sha256Hex(ConsoleTokenSchema.parse(token)), 'hex');
  }

  verifyAuthorizationHeader(header: string | undefined): boolean {
    // The scheme name is case-insensitive (RFC 9110); the token is not.
    const match = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(header ?? '');
    if (!match?.[1]) return false;
    const given = Buffer.from(sha256Hex(match[1]), 'hex');
    return timingSafeEqual(given, this.expectedDigest);
  }
}

export type TokenSource =
  | { kind: 'environment'; name: string }
  | { kind: 'file'; file: string }
  | { kind: 'generated'; file: string };

const GENERATED_TOKEN_FILE = 'console-token';

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
 * The console token comes from the environment, from a file named on the command line, or,
 * when neither is given, from a token the agent generates once in its data folder.
 */
export async function loadConsoleToken(options: {
  env: NodeJS.ProcessEnv;
  tokenFile: string | undefined;
  dataDir: string;
}): Promise<{ token: string; source: TokenSource }> {
  const fromEnv = options.env.DESKSIDE_AGENT_TOKEN;
  // Set but empty is a mistake in the deployment, not a request for a generated token.
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
  const file = path.join(options.dataDir, GENERATED_TOKEN_FILE);
  try {
    return {
      token: parseToken(await readFile(file, 'utf8'), file),
      source: { kind: 'generated', file },
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another agent process on the same folder generated one first: use that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return {
      token: parseToken(await readFile(file, 'utf8'), file),
      source: { kind: 'generated', file },
    };
  }
  return { token, source: { kind: 'generated', file } };
}

/** The console id of callers holding the pre-provisioned token. */
export const PROVISIONED_CONSOLE_ID = 'provisioned';

/** Authenticates callers holding the one pre-provisioned console token. */
export function tokenAuthenticator(verifier: TokenVerifier): Authenticator {
  return {
    authenticate: (req) =>
      verifier.verifyAuthorizationHeader(req.headers.authorization)
        ? { consoleId: PROVISIONED_CONSOLE_ID }
        : null,
  };
}
