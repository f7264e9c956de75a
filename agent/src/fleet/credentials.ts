/**
 * The agent's fleet identity: a NATS `.creds` file (the user JWT the desk signed and the
 * user's NKey seed), kept readable by its owner only. `connect.ts` connects with it.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decode, parseCreds, type User } from '@nats-io/jwt';
import { fromSeed } from '@nats-io/nkeys';

/** A `.creds` file that cannot be used, in words the person installing the agent can act on. */
export class FleetCredentialsError extends Error {
  override readonly name = 'FleetCredentialsError';
}

export interface FleetCredentials {
  /** The file's text, as the NATS client reads it. */
  text: string;
  /** The agent id the identity was issued for (from the JWT's name, `agent-<id>`). */
  agentId: string;
  /** The user's public key, by which the desk revokes it. */
  publicKey: string;
  /** When the identity stops working, if it does. */
  expiresAt: Date | null;
}

const MAX_CREDS_BYTES = 16 * 1024;
const AGENT_NAME = /^agent-([A-Za-z0-9_-]{1,64})$/;

/** Reads and checks a `.creds` file: owner-only permissions, a user JWT and its own seed. */
export async function readFleetCredentials(
  file: string,
  now: Date = new Date(),
): Promise<FleetCredentials> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (info.size > MAX_CREDS_BYTES) {
    throw new FleetCredentialsError(`${file} is too large for a fleet credentials file`);
  }
  // Windows has no POSIX modes: there the file's folder (the service's data folder) guards it.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new FleetCredentialsError(
      `The fleet credentials file ${file} may be read by others (mode ${(info.mode & 0o777).toString(8)}): run \`chmod 600 ${file}\``,
    );
  }
  return parseFleetCredentials(await readFile(file, 'utf8'), file, now);
}

/** Why a credentials file could not be read, in words. */
function unreadable(file: string, error: unknown): FleetCredentialsError {
  const code = (error as NodeJS.ErrnoException).code;
  return new FleetCredentialsError(
    code === 'ENOENT'
      ? `The fleet credentials file ${file} does not exist`
      : `The fleet credentials file ${file} cannot be read (${code ?? 'unknown error'})`,
    { cause: error },
  );
}

/**
 * The text of a `.creds` file as the desk handed it over (any mode: it is checked, then kept
 * owner-only by `writeFleetCredentials`).
 */
export async function readHandedOverCredentials(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** Checks a `.creds` text; `source` names it in errors. */
export async function parseFleetCredentials(
  text: string,
  source: string,
  now: Date = new Date(),
): Promise<FleetCredentials> {
  const bad = (why: string) =>
    new FleetCredentialsError(
      `${source} is not a usable fleet credentials file: ${why}. Ask the desk for a new one.`,
    );
  let parsed;
  try {
    parsed = await parseCreds(new TextEncoder().encode(text));
  } catch (error) {
    throw bad(`it holds no NATS user JWT and seed (${(error as Error).message})`);
  }
  let claims;
  try {
    claims = decode<User>(parsed.jwt);
  } catch (error) {
    throw bad(`its JWT cannot be read (${(error as Error).message})`);
  }
  if (claims.nats.type !== 'user') throw bad('its JWT is not a user JWT');
  let publicKey;
  try {
    publicKey = fromSeed(new TextEncoder().encode(parsed.key)).getPublicKey();
  } catch (error) {
    throw bad(`its seed is damaged (${(error as Error).message})`);
  }
  if (publicKey !== claims.sub) throw bad('its seed does not belong to its JWT');
  const agent = AGENT_NAME.exec(claims.name);
  if (!agent?.[1]) throw bad(`it was issued to "${claims.name}", not to an agent`);
  const expiresAt = claims.exp ? new Date(claims.exp * 1000) : null;
  if (expiresAt && expiresAt <= now) throw bad(`it expired on ${expiresAt.toISOString()}`);
  return { text, agentId: agent[1], publicKey, expiresAt };
}

/**
 * Writes a file readable and writable by its owner only (0600): written beside it, then
 * renamed over it, so a reader sees the old file or the new one, never half of one. A missing
 * folder is made, for its owner only too.
 */
export async function writeOwnerOnlyFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const beside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(beside, text, { mode: 0o600, flag: 'wx' });
    // `mode` is subject to the umask: tighten it whatever the umask said.
    await chmod(beside, 0o600);
    await rename(beside, file);
  } catch (error) {
    await rm(beside, { force: true });
    throw error;
  }
}

/** Writes a `.creds` file readable and writable by its owner only (0600), replacing any. */
export async function writeFleetCredentials(file: string, text: string): Promise<void> {
  await writeOwnerOnlyFile(file, text);
}
