/**
 * Fleet mode over TLS: `npm run fleet -- server-config` with a certificate, its key and a CA
 * made in the test (openssl), a real nats-server started on that configuration, an agent
 * that trusts the CA through its config (`fleet.tls.caFile`) and a console through its
 * settings (`tlsCaFile`): the agent beats and the console sees it online. A client that
 * does not trust the CA is refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { FLEET_BUCKETS, fleetInboxPrefix } from '@deskside/core';
import { eventually } from '#test/helpers/eventually';
import { freePort } from '#test/helpers/free-port';
import { ManagedProcess } from '#test/helpers/managed-process';
import { findNatsServer, testHeartbeat } from '#test/helpers/nats';
import { fleetScript } from '#test/helpers/fleet-script';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { openConsoleOn } from '#test/helpers/stores';
import type { TestConsole } from '#test/helpers/console';
import { makeTestCertificates, type TestCertificates } from '#test/helpers/tls-ca';
import { AgentConfigSchema } from '../../../agent/src/config';
import { connectFleet, connectFleetFromConfig } from '../../../agent/src/fleet/connect';
import { writeFleetCredentials } from '../../../agent/src/fleet/credentials';
import { InventoryHistoryService } from '../machines/inventory-history';
import { createKeyFileSecretBox } from '../secrets/secret-box';
import { FleetLink } from './fleet-link';
import { loadFleetAuthority } from './fleet-keystore';
import type { FleetAuthority } from './fleet-authority';
import { ensureFleetStorage } from './fleet-storage';

const folders = temporaryFolders('deskside-fleet-tls-');
let work: string;
let certificates: TestCertificates;
let authority: FleetAuthority;
let server: ManagedProcess | undefined;
let url: string;
let desk: TestConsole | undefined;
const closeLater: NatsConnection[] = [];

const fleet = fleetScript;

/** An identity's `.creds` written to a file of its own. */
async function credsFile(name: string, creds: string): Promise<string> {
  const file = path.join(work, `${name}.creds`);
  await writeFleetCredentials(file, creds);
  return file;
}

async function consoleConnection(role: 'admin' | 'analyst', id: string, caFile?: string) {
  const issued = await authority.issueConsole(id, role);
  return connect({
    servers: url,
    authenticator: credsAuthenticator(new TextEncoder().encode(issued.creds)),
    inboxPrefix: fleetInboxPrefix('console', id),
    reconnect: false,
    ...(caFile ? { tls: { caFile } } : {}),
  });
}

beforeAll(async () => {
  const natsServer = findNatsServer();
  if (!natsServer) throw new Error('No nats-server here: run `npm run setup`');
  work = await folders.make();
  const keysDir = path.join(work, 'keys');
  await mkdir(keysDir);
  certificates = await makeTestCertificates(work, 'fleet');
  expect((await fleet(['init', '--keys-dir', keysDir])).code).toBe(0);
  const port = await freePort();
  const config = await fleet([
    'server-config',
    ...['--keys-dir', keysDir, '--host', '127.0.0.1', '--port', String(port)],
    ...['--store-dir', path.join(work, 'js'), '--resolver-dir', path.join(work, 'accounts')],
    ...['--tls-cert', certificates.certFile, '--tls-key', certificates.keyFile],
  ]);
  expect(config.code).toBe(0);
  expect(JSON.parse(config.out)).toMatchObject({
    tls: { cert_file: certificates.certFile, key_file: certificates.keyFile },
  });
  await mkdir(path.join(work, 'accounts'));
  const configFile = path.join(work, 'nats.conf');
  await writeFile(configFile, config.out);
  server = await ManagedProcess.start(natsServer, ['-c', configFile], { label: 'nats-server' });
  url = `nats://127.0.0.1:${port}`;
  authority = (await loadFleetAuthority(keysDir, createKeyFileSecretBox(keysDir)))!;
  const admin = await eventually(
    () => consoleConnection('admin', 'tls-admin', certificates.caFile).catch(() => null),
    (nc) => nc !== null,
    'the TLS server accepts a client that trusts its CA',
    15_000,
  );
  await ensureFleetStorage(admin!, { presenceTtlMs: 3_000 });
  await admin!.close();
}, 60_000);

afterAll(async () => {
  for (const nc of closeLater) await nc.close().catch(() => undefined);
  await desk?.dispose();
  await server?.stop();
  await folders.removeAll();
});

describe('fleet mode over TLS', () => {
  it('server-config writes the CA and verify too, and refuses verify without a CA', async () => {
    const keysDir = path.join(work, 'keys');
    const base = [
      ...['server-config', '--keys-dir', keysDir, '--store-dir', '/var/lib/nats'],
      ...['--resolver-dir', '/var/lib/nats/accounts'],
      ...['--tls-cert', certificates.certFile, '--tls-key', certificates.keyFile],
    ];
    const verified = await fleet([...base, '--tls-ca', certificates.caFile, '--tls-verify']);
    expect(JSON.parse(verified.out).tls).toEqual({
      cert_file: certificates.certFile,
      key_file: certificates.keyFile,
      ca_file: certificates.caFile,
      verify: true,
      timeout: 5,
    });
    const refused = await fleet([...base, '--tls-verify']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/--tls-verify needs --tls-ca/);
    // Without TLS options the configuration has no tls block.
    const plain = await fleet(base.slice(0, 7));
    expect(JSON.parse(plain.out)).not.toHaveProperty('tls');
  });

  it('an agent and a console that trust the CA connect; the console sees the agent online', async () => {
    const agentId = randomUUID();
    const agentCreds = await credsFile(agentId, (await authority.issueAgent(agentId)).creds);
    const config = AgentConfigSchema.parse({
      dataDir: work,
      fleet: { servers: [url], credentialsFile: agentCreds, tls: { caFile: certificates.caFile } },
    });
    const { connection } = await connectFleetFromConfig(config);
    closeLater.push(connection);
    expect(connection.info?.tls_required).toBe(true);

    desk = await openConsoleOn('sqlite');
    const consoleCreds = await credsFile(
      'tls-console',
      (await authority.issueConsole('tls-console', 'analyst')).creds,
    );
    const link = await FleetLink.start(
      { servers: [url], credentialsFile: consoleCreds, tlsCaFile: certificates.caFile },
      { db: desk.db, history: new InventoryHistoryService(desk.db, 'fleet') },
    );
    try {
      const bucket = await new Kvm(jetstream(connection, { checkAPI: false })).open(
        FLEET_BUCKETS.presence,
        { allow_direct: true },
      );
      await bucket.put(agentId, testHeartbeat('pc-tls'));
      await eventually(
        () => link!.presenceOf(agentId),
        (presence) => presence?.online === true,
        'the console sees the agent online over TLS',
      );
    } finally {
      await link?.stop();
    }
  });

  it('a client that does not trust the CA is refused', async () => {
    const agentId = randomUUID();
    const agentCreds = await credsFile(agentId, (await authority.issueAgent(agentId)).creds);
    // TLS asked for, the system's CAs only.
    await expect(
      connectFleet({ servers: [url], credentialsFile: agentCreds, reconnect: false, tls: {} }),
    ).rejects.toThrow(/certificate/i);
    // No TLS asked for: the server requires it, and the client still cannot trust it.
    await expect(
      connectFleet({ servers: [url], credentialsFile: agentCreds, reconnect: false }),
    ).rejects.toThrow(/certificate|tls/i);
    // A console whose settings name no CA.
    const consoleCreds = await credsFile(
      'untrusting-console',
      (await authority.issueConsole('untrusting', 'analyst')).creds,
    );
    desk ??= await openConsoleOn('sqlite');
    await expect(
      FleetLink.start(
        { servers: [url], credentialsFile: consoleCreds },
        { db: desk.db, history: new InventoryHistoryService(desk.db, 'fleet') },
      ),
    ).rejects.toThrow(/certificate|tls/i);
  });
});
