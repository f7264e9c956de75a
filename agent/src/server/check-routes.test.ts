import { mkdtemp, rm } from 'node:fs/promises';
import type https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRequest, type AgentAddress } from '#test/helpers/agent-http';
import { startSntpServer, type UdpServer } from '#test/helpers/udp-servers';
import { CheckRunner } from '../checks';
import type { RequestContext } from './context';
import { createAgentServer, listen } from './https-server';
import { loadOrCreateIdentity } from './identity';
import { createHandlers } from './routes';
import { TokenVerifier, tokenAuthenticator } from './tokens';

// In-process, so the test can read what the audit hook receives and watch the runner.
const TOKEN = 'in-process-test-token-0123456789abcdef';
let dir: string;
let server: https.Server;
let address: AgentAddress;
let held: UdpServer;
const runner = new CheckRunner();
const audited: { route: string | null; checks: unknown }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-check-routes-'));
  const identity = await loadOrCreateIdentity(dir);
  held = await startSntpServer({ offsetMs: 0, hold: true });
  server = createAgentServer({
    identity,
    authenticator: tokenAuthenticator(new TokenVerifier(TOKEN)),
    handlers: createHandlers({
      collectInventory: () => Promise.reject(new Error('unused')),
      pair: () => Promise.reject(new Error('unused')),
      enrolment: {
        proof: () => Promise.reject(new Error('unused')),
        claim: () => Promise.reject(new Error('unused')),
      },
      checks: () => Promise.resolve(runner),
      fleetEnrol: () => Promise.reject(new Error('unused')),
    }),
    hooks: [
      {
        onResponse: (ctx: RequestContext) => {
          audited.push({ route: ctx.routeId, checks: ctx.audit.checks });
        },
      },
    ],
    logger: pino({ level: 'silent' }),
  });
  const port = (await listen(server, '127.0.0.1', 0)).port;
  address = {
    host: '127.0.0.1',
    port,
    certPem: identity.certPem,
    fingerprint: identity.fingerprint,
  };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await held.close();
  await rm(dir, { recursive: true, force: true });
});

const lastAudit = () => audited.at(-1);

describe('check routes and the audit record', () => {
  it('record every check of a batch with its status', async () => {
    const reply = await agentRequest(address, '/v1/checks/run', {
      credential: TOKEN,
      json: {
        checks: [
          { checkId: 'memory.pressure' },
          { checkId: 'disk.free', params: { path: '/no/such/place' } },
        ],
      },
    });
    expect(reply.status).toBe(200);
    await expect.poll(lastAudit).toEqual({
      route: 'runChecks',
      checks: [
        { checkId: 'memory.pressure', status: 'pass' },
        { checkId: 'disk.free', status: 'error' },
      ],
    });
  });

  it('record a followed batch the same way', async () => {
    await agentRequest(address, '/v1/checks/run/stream', {
      credential: TOKEN,
      json: { checks: [{ checkId: 'memory.pressure' }] },
    });
    await expect.poll(lastAudit).toEqual({
      route: 'runChecksStream',
      checks: [{ checkId: 'memory.pressure', status: 'pass' }],
    });
  });

  it('record no checks for a refused request', async () => {
    await agentRequest(address, '/v1/checks/run', {
      credential: TOKEN,
      json: { checks: [{ checkId: 'nope' }] },
    });
    await expect.poll(lastAudit).toEqual({ route: 'runChecks', checks: undefined });
  });

  it('cancel the checks of a console that goes away, and record them as ended in error', async () => {
    const controller = new AbortController();
    const request = agentRequest(address, '/v1/checks/run/stream', {
      signal: controller.signal,
      credential: TOKEN,
      json: {
        checks: [
          {
            checkId: 'clock.offset',
            params: { server: '127.0.0.1', port: held.port, waitMs: 10_000 },
          },
          { checkId: 'memory.pressure' },
        ],
      },
      onLine: (line) => {
        // Once the fast check has ended, only the held one still runs: leave.
        if (line.includes('"type":"result"')) controller.abort();
      },
    });
    await expect(request).rejects.toThrow();
    // The time source never answered; the agent stopped waiting because the caller left.
    await expect.poll(() => runner.running).toBe(0);
    await expect.poll(lastAudit).toEqual({
      route: 'runChecksStream',
      checks: [
        { checkId: 'clock.offset', status: 'error' },
        { checkId: 'memory.pressure', status: 'pass' },
      ],
    });
  });
});
