import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, credsAuthenticator } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { FLEET_BUCKETS, fleetInboxPrefix } from '@deskside/core';
import { runAgentCli } from '#test/helpers/agent-cli';
import { startNatsServer, type TestNatsServer } from '#test/helpers/nats';
import { fleetScript } from '#test/helpers/fleet-script';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { AgentConfigSchema } from '../agent/src/config';
import { connectFleetFromConfig } from '../agent/src/fleet/connect';
import { loadFleetAuthority } from '../electron/services/fleet/fleet-keystore';
import { createKeyFileSecretBox } from '../electron/services/secrets/secret-box';

const fleet = fleetScript;

const folders = temporaryFolders('deskside-fleet-script-');
let server: TestNatsServer | undefined;
const stopLater: TestNatsServer[] = [];
afterAll(async () => {
  await server?.stop();
  for (const other of stopLater) await other.stop();
  await folders.removeAll();
});

describe('turning fleet mode on, as far as identities go', () => {
  it('makes the keys, issues an agent identity the agent keeps, and revokes it at run time', async () => {
    const keysDir = await folders.make();
    const work = await folders.make();
    expect(await fleet(['init', '--keys-dir', keysDir, '--name', 'desk-a'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Fleet keys made in .*; operator O[A-Z2-7]{55}\.$/) as string,
    });
    expect(await fleet(['init', '--keys-dir', keysDir])).toMatchObject({
      code: 2,
      err: expect.stringContaining('already holds fleet keys; nothing changed') as string,
    });

    expect(
      await fleet(['issue-agent', '--keys-dir', keysDir, '--agent', 'pc-1', '--days', 'soon']),
    ).toMatchObject({ code: 2, err: expect.stringContaining('--days must be') as string });

    const issuedFile = path.join(work, 'pc-1.creds');
    const issued = await fleet([
      'issue-agent',
      ...['--keys-dir', keysDir, '--agent', 'pc-1', '--out', issuedFile],
    ]);
    expect(issued.code).toBe(0);
    expect((await stat(issuedFile)).mode & 0o777).toBe(0o600);

    const authority = await loadFleetAuthority(keysDir, createKeyFileSecretBox(keysDir));
    server = await startNatsServer(authority!);

    // The agent keeps the file in its data folder, readable by its owner only.
    const dataDir = path.join(work, 'agent-data');
    const kept = await runAgentCli([
      'fleet-credentials',
      ...['--file', issuedFile, '--data-dir', dataDir],
    ]);
    expect(kept.stderr).toBe('');
    expect(kept.stdout).toContain(
      `Fleet identity of agent pc-1 kept in ${path.join(dataDir, 'fleet.creds')} (mode 600).`,
    );
    expect((await stat(path.join(dataDir, 'fleet.creds'))).mode & 0o777).toBe(0o600);

    const config = AgentConfigSchema.parse({ dataDir, fleet: { servers: [server.url] } });
    const { connection, credentials } = await connectFleetFromConfig(config);
    expect(credentials.agentId).toBe('pc-1');

    const revoked = await fleet([
      'revoke',
      ...['--keys-dir', keysDir, '--agent', 'pc-1', '--server', server.url],
    ]);
    expect(revoked).toMatchObject({
      code: 0,
      out: `Revoked ${credentials.publicKey}; the server has the new account.`,
    });
    // The agent reconnects as it always does, and is refused: the connection ends.
    expect(String(await connection.closed())).toMatch(
      /User Authentication Revoked|Authorization Violation/,
    );
  });

  it('refuses a bad credentials file at the agent, saying why', async () => {
    const work = await folders.make();
    const bad = path.join(work, 'bad.creds');
    await writeFile(bad, 'not a creds file\n');
    const result = await runAgentCli([
      'fleet-credentials',
      ...['--file', bad, '--data-dir', path.join(work, 'data')],
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${bad} is not a usable fleet credentials file: it holds no NATS user JWT and seed`,
    );
    expect(result.stderr).toContain('Ask the desk for a new one.');

    const missing = path.join(work, 'missing.creds');
    expect(await runAgentCli(['fleet-credentials', '--file', missing])).toMatchObject({
      code: 1,
      stderr: `deskside-agent: The fleet credentials file ${missing} does not exist\n`,
    });
  });
});

describe('fleet init-server', () => {
  it('makes the buckets and streams once, with the presence TTL asked for', async () => {
    const keysDir = await folders.make();
    expect((await fleet(['init', '--keys-dir', keysDir])).code).toBe(0);
    const authority = await loadFleetAuthority(keysDir, createKeyFileSecretBox(keysDir));
    const nats = await startNatsServer(authority!);
    stopLater.push(nats);

    const args = ['init-server', '--keys-dir', keysDir, '--server', nats.url];
    expect(await fleet([...args, '--presence-ttl-seconds', '1'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--presence-ttl-seconds must be') as string,
    });
    expect(await fleet([...args, '--presence-ttl-seconds', '30'])).toEqual({
      code: 0,
      out: 'Made deskside-presence, deskside-inventory, DESKSIDE_INVENTORY, DESKSIDE_HELP, DESKSIDE_HELP_QUEUE, DESKSIDE_CHECK_QUEUE, DESKSIDE_CHECK_RESULTS.',
      err: '',
    });
    expect(await fleet(args)).toEqual({
      code: 0,
      out: 'The buckets and streams were all there; nothing changed.',
      err: '',
    });

    const keys = await loadFleetAuthority(keysDir, createKeyFileSecretBox(keysDir));
    const admin = await keys!.issueConsole('check-admin', 'admin');
    const nc = await connect({
      servers: nats.url,
      authenticator: credsAuthenticator(new TextEncoder().encode(admin.creds)),
      inboxPrefix: fleetInboxPrefix('console', 'check-admin'),
      reconnect: false,
    });
    try {
      const jsm = await jetstreamManager(nc);
      const presence = await jsm.streams.info(`KV_${FLEET_BUCKETS.presence}`);
      expect(presence.config.max_age).toBe(30 * 1_000_000_000);
      expect(presence.config.max_msgs_per_subject).toBe(1);
    } finally {
      await nc.close();
    }
  });
});
