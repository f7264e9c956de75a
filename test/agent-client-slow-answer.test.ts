/**
 * The console waits for an agent that is slow to answer once connected: a freshly started
 * agent holds its first inventory answer while it collects (up to 8 s, longer on a busy PC).
 * A stand-in agent server (real TLS, the agent's own kind of certificate) answers after a
 * pause; a real agent cannot be made to pause on demand.
 */
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateIdentity } from '../agent/src/server/identity';
import { agentGet } from '../electron/services/machines/agent-client';
import { temporaryFolders } from './helpers/temp-folders';
import { credentialSigner } from '../electron/services/machines/machine-credentials';

const folders = temporaryFolders('deskside-slow-agent-');
const PAUSE_MS = 6_500;
let server: https.Server;
let pinned: Parameters<typeof agentGet>[0];

beforeAll(async () => {
  const identity = await loadOrCreateIdentity(await folders.make());
  const inventory = await readFile(
    new URL('./fixtures/inventory-linux-v2.json', import.meta.url),
    'utf8',
  );
  server = https.createServer({ key: identity.keyPem, cert: identity.certPem }, (_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(inventory);
    }, PAUSE_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pinned = {
    address: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    certPem: identity.certPem,
    fingerprint: identity.fingerprint,
    sign: credentialSigner(
      'a-console-token-of-enough-length-0123456789',
      'analyst',
      identity.fingerprint,
    ),
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await folders.removeAll();
});

describe('an agent slow to answer (stand-in server)', () => {
  it('is waited for past the connect timeout, as a fresh agent collecting its inventory', async () => {
    const started = Date.now();
    const inventory = await agentGet(pinned, 'inventory');
    expect(Date.now() - started).toBeGreaterThanOrEqual(PAUSE_MS - 100);
    expect(inventory.schemaVersion).toBe(2);
  }, 30_000);
});
