import { chmod, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createAccount, createUser, encodeUser, fmtCreds } from '@nats-io/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { AgentConfigSchema, fleetCredentialsFile } from '../config';
import {
  FleetCredentialsError,
  parseFleetCredentials,
  readFleetCredentials,
  writeFleetCredentials,
} from './credentials';

const account = createAccount();
const decoder = new TextDecoder();

/** A `.creds` text as the desk issues it (the desk's issuer is not the agent's to import). */
async function creds(name: string, options: { exp?: number; otherSeed?: boolean } = {}) {
  const user = createUser();
  const jwt = await encodeUser(name, user, account, {}, options.exp ? { exp: options.exp } : {});
  return decoder.decode(fmtCreds(jwt, options.otherSeed ? createUser() : user));
}

const folders = temporaryFolders('deskside-fleet-creds-');
let dir: string;
beforeAll(async () => {
  dir = await folders.make();
});
afterAll(folders.removeAll);

let files = 0;
async function credsFile(text: string, mode = 0o600): Promise<string> {
  const file = path.join(dir, `agent-${++files}.creds`);
  await writeFleetCredentials(file, text);
  await chmod(file, mode);
  return file;
}

describe('fleet credentials file', () => {
  it('reads an agent identity kept owner-only', async () => {
    const file = await credsFile(await creds('agent-pc-7'));
    const credentials = await readFleetCredentials(file);
    expect(credentials.agentId).toBe('pc-7');
    expect(credentials.publicKey).toMatch(/^U[A-Z2-7]{55}$/);
    expect(credentials.expiresAt).toBeNull();
  });

  it('is written with mode 600, also over a file others could read', async () => {
    const file = path.join(dir, 'loose.creds');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeFleetCredentials(file, await creds('agent-pc-8'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.runIf(process.platform !== 'win32')('refuses a file others may read', async () => {
    const file = await credsFile(await creds('agent-pc-9'), 0o640);
    await expect(readFleetCredentials(file)).rejects.toThrow(
      `The fleet credentials file ${file} may be read by others (mode 640): run \`chmod 600 ${file}\``,
    );
  });

  it('names a missing file', async () => {
    const file = path.join(dir, 'absent.creds');
    await expect(readFleetCredentials(file)).rejects.toThrow(
      new FleetCredentialsError(`The fleet credentials file ${file} does not exist`),
    );
  });

  it.each([
    [
      'text that is no .creds file',
      () => Promise.resolve('hello'),
      /it holds no NATS user JWT and seed/,
    ],
    [
      "another user's seed",
      () => creds('agent-pc-1', { otherSeed: true }),
      /its seed does not belong to its JWT/,
    ],
    ["a console's identity", () => creds('console-c1-analyst'), /issued to "console-c1-analyst"/],
    [
      'an expired identity',
      () => creds('agent-pc-1', { exp: Math.floor(Date.now() / 1000) - 60 }),
      /it expired on/,
    ],
  ])('refuses %s with a clear message', async (_what, make, message) => {
    const file = await credsFile(await make());
    const error: unknown = await readFleetCredentials(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FleetCredentialsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${file} is not a usable fleet credentials file: .*Ask the desk for a new one\\.$`,
      ),
    );
  });

  it('refuses a damaged JWT', async () => {
    const text = (await creds('agent-pc-1')).replace(/eyJ[^\n]+/, 'eyJnot.a.jwt');
    await expect(parseFleetCredentials(text, 'pasted')).rejects.toThrow(
      /^pasted is not a usable fleet credentials file/,
    );
  });
});

describe('fleet settings in the config file', () => {
  it('keeps the identity in the data folder unless the config names a file', () => {
    const config = AgentConfigSchema.parse({
      dataDir: '/var/lib/deskside-agent',
      fleet: { servers: ['nats://nats.example.org:4222', 'tls://10.0.0.5:4222'] },
    });
    expect(fleetCredentialsFile(config)).toBe(path.join('/var/lib/deskside-agent', 'fleet.creds'));
    const named = AgentConfigSchema.parse({
      fleet: { servers: ['nats://127.0.0.1'], credentialsFile: '/etc/deskside-agent/fleet.creds' },
    });
    expect(fleetCredentialsFile(named)).toBe('/etc/deskside-agent/fleet.creds');
  });

  it.each([[[]], [['http://nats.example.org']], [['nats://host name']]])(
    'refuses servers %j',
    (servers) => {
      expect(AgentConfigSchema.safeParse({ fleet: { servers } }).success).toBe(false);
    },
  );
});
