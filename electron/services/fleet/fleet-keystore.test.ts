import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decode, type Account } from '@nats-io/jwt';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { createKeyFileSecretBox } from '../secrets/secret-box';
import { FleetAuthority } from './fleet-authority';
import { FLEET_KEYS_FILE, loadFleetAuthority, saveFleetAuthority } from './fleet-keystore';

const folders = temporaryFolders('deskside-fleet-keys-');
afterAll(folders.removeAll);

describe('fleet keys', () => {
  it('are sealed in the data folder, readable by the user only, and come back with their revocations', async () => {
    const dir = await folders.make();
    const secrets = createKeyFileSecretBox(dir);
    const authority = FleetAuthority.create('desk-a');
    const agent = await authority.issueAgent('pc-1');
    const revokedAt = new Date('2026-12-01T10:00:00Z');
    authority.revoke(agent.publicKey, revokedAt);
    await saveFleetAuthority(dir, secrets, authority);

    const file = path.join(dir, FLEET_KEYS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(authority.toState().operatorSeed);
    expect(text).not.toMatch(/S[OAU][A-Z2-7]{56}/);

    const again = await loadFleetAuthority(dir, createKeyFileSecretBox(dir));
    expect(again?.operatorPublicKey).toBe(authority.operatorPublicKey);
    expect(again?.fleetAccountPublicKey).toBe(authority.fleetAccountPublicKey);
    expect(again?.isRevoked(agent.publicKey)).toBe(true);
    const account = decode<Account>(await again!.fleetAccountJwt());
    expect(account.nats.revocations).toEqual({ [agent.publicKey]: revokedAt.getTime() / 1000 });
    expect(account.iss).toBe(authority.operatorPublicKey);
  });

  it('are absent until fleet mode is turned on', async () => {
    const dir = await folders.make();
    expect(await loadFleetAuthority(dir, createKeyFileSecretBox(dir))).toBeNull();
  });

  it('refuse to open with another console’s secrets, saying what to do', async () => {
    const dir = await folders.make();
    await saveFleetAuthority(dir, createKeyFileSecretBox(dir), FleetAuthority.create());
    const other = await folders.make();
    await expect(loadFleetAuthority(dir, createKeyFileSecretBox(other))).rejects.toThrow(
      /cannot be opened with this console's secrets .*restore the file and its key from a backup/,
    );
  });

  it('refuse a damaged state, naming the field', async () => {
    const dir = await folders.make();
    const secrets = createKeyFileSecretBox(dir);
    const state = { ...FleetAuthority.create().toState(), operatorSeed: 'SAXYZ' };
    await writeFile(path.join(dir, FLEET_KEYS_FILE), secrets.seal(JSON.stringify(state)));
    await expect(loadFleetAuthority(dir, secrets)).rejects.toThrow(/operatorSeed/);
  });
});
