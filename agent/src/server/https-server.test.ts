import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentErrorResponseSchema } from '@deskside/core';
import { CheckRunner } from '../checks';
import { createAgentServer, listen } from './https-server';
import { loadOrCreateIdentity, type AgentIdentity } from './identity';
import { createHandlers } from './routes';
import { TokenVerifier, tokenAuthenticator } from './tokens';

// In-process, so a collector can be made to fail: the real process never does on demand.
const TOKEN = 'in-process-test-token-0123456789abcdef';
let dir: string;
let identity: AgentIdentity;
let server: https.Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-agent-server-'));
  identity = await loadOrCreateIdentity(dir);
  server = createAgentServer({
    identity,
    authenticator: tokenAuthenticator(new TokenVerifier(TOKEN)),
    handlers: createHandlers({
      collectInventory: () =>
        Promise.reject(new Error('EACCES: permission denied, open /secret/path at probe')),
      checks: () => Promise.resolve(new CheckRunner()),
      fleetEnrol: () => Promise.reject(new Error('unused')),
      pair: () => Promise.reject(new Error('not used here')),
      enrolment: {
        proof: () => Promise.reject(new Error('unused')),
        claim: () => Promise.reject(new Error('unused')),
      },
    }),
    logger: pino({ level: 'silent' }),
  });
  port = (await listen(server, '127.0.0.1', 0)).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function get(route: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        {
          host: '127.0.0.1',
          port,
          path: route,
          ca: identity.certPem,
          checkServerIdentity: () => undefined,
          headers: { authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      )
      .on('error', reject);
  });
}

describe('agent server, when collecting fails', () => {
  it('answers 500 with a stable code and nothing of the error', async () => {
    const reply = await get('/v1/inventory');
    expect(reply.status).toBe(500);
    expect(AgentErrorResponseSchema.parse(JSON.parse(reply.body)).error.code).toBe('internal');
    expect(reply.body).not.toMatch(/EACCES|secret|probe/);
  });

  it('keeps answering afterwards', async () => {
    expect((await get('/v1/health')).status).toBe(200);
  });
});
