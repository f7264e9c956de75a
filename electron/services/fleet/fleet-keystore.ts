/**
 * Where the desk's fleet keys live: one file in the console's data folder, sealed by the
 * console's SecretBox (the OS keychain in the desktop app, a key file in browser mode) and
 * readable by the user only. Never in the database: on a shared PostgreSQL desk the keys stay
 * on the console of the administrator who turned fleet mode on, and only that console can
 * issue and revoke identities (see the docs, "Fleet mode").
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SecretBox } from '../secrets/secret-box';
import { FleetAuthority } from './fleet-authority';

export const FLEET_KEYS_FILE = 'fleet-keys.sealed';

/** The desk's fleet authority kept in `dataDir`, or null when fleet mode was never turned on. */
export async function loadFleetAuthority(
  dataDir: string,
  secrets: SecretBox,
): Promise<FleetAuthority | null> {
  const file = path.join(dataDir, FLEET_KEYS_FILE);
  let sealed: string;
  try {
    sealed = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let state: unknown;
  try {
    state = JSON.parse(secrets.open(sealed.trim()));
  } catch (error) {
    throw new Error(
      `The fleet keys in ${file} cannot be opened with this console's secrets (${(error as Error).message}); restore the file and its key from a backup`,
      { cause: error },
    );
  }
  return FleetAuthority.fromState(state);
}

/** Seals and writes the authority (after creating it, and after every revocation). */
export async function saveFleetAuthority(
  dataDir: string,
  secrets: SecretBox,
  authority: FleetAuthority,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, FLEET_KEYS_FILE);
  // Written beside it and renamed over it: a crash leaves the old keys or the new, never half.
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, secrets.seal(JSON.stringify(authority.toState())), {
    mode: 0o600,
    flag: 'wx',
  });
  await rename(temporary, file);
}
