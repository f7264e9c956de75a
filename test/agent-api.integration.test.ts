import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { PeerCertificate } from 'node:tls';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AgentErrorResponseSchema,
  AgentHealthSchema,
  InventorySchema,
  inventoryHostname,
  type AgentErrorCode,
} from '@deskside/core';
import { loadOrCreateIdentity } from '../agent/src/server/identity';
import { AGENT_BUNDLE, startAgent, type RunningAgent } from './helpers/agent-process';

const execFileAsync = promisify(execFile);

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stack frame ("at fn (file:1:2)", "at node:internal/...") or an error name in a body. */
const LEAK = /\bat (?:\S+ )?\(?(?:file:|node:|\/|[A-Za-z]:\\)|\b[A-Za-z]*Error:/;

function expectNoLeak(body: string): void {
  expect(body).not.toMatch(LEAK);
}

/** Connection options that trust only `certPem` and accept only the pinned fingerprint. */
function pinned(certPem: string, fingerprint: string): tls.ConnectionOptions {
  return {
    ca: certPem,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === fingerprint
        ? undefined
        : new Error(`Certificate fingerprint ${cert.fingerprint256} is not the pinned one`),
  };
}

function request(
  agent: RunningAgent,
  target: string,
  init: { method?: string; authorization?: string; pin?: tls.ConnectionOptions } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: agent.host,
        port: agent.port,
        path: target,
        method: init.method ?? 'GET',
        headers: init.authorization === undefined ? {} : { authorization: init.authorization },
        agent: false,
        ...(init.pin ?? pinned(agent.certPem, agent.fingerprint)),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          expectNoLeak(body);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const bearer = (agent: RunningAgent) => `Bearer ${agent.token}`;

/** Sends `requestLine` as is over a pinned TLS socket, for targets http.request won't send. */
function rawRequest(agent: RunningAgent, requestLine: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: agent.host,
      port: agent.port,
      ...pinned(agent.certPem, agent.fingerprint),
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('secureConnect', () => {
      socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    socket.on('close', () => {
      const headEnd = data.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(data);
      if (headEnd === -1 || !status) {
        reject(new Error(`Not an HTTP response: ${JSON.stringify(data)}`));
        return;
      }
      const body = data.slice(headEnd + 4);
      expectNoLeak(body);
      resolve({ status: Number(status[1]), headers: {}, body });
    });
  });
}

function expectAgentError(reply: Reply, status: number, code: AgentErrorCode): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type'] ?? 'application/json').toMatch(/^application\/json/);
  const parsed = AgentErrorResponseSchema.parse(JSON.parse(reply.body));
  expect(parsed.error.code).toBe(code);
  // Nothing else rides along with an error: no inventory, no hints.
  expect(Object.keys(JSON.parse(reply.body) as object)).toEqual(['error']);
  expect(InventorySchema.safeParse(JSON.parse(reply.body)).success).toBe(false);
}

interface RequestLog {
  msg: string;
  method?: string;
  route?: string | null;
  status?: number;
}

function requestLogs(agent: RunningAgent): RequestLog[] {
  return agent
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as RequestLog)
    .filter((entry) => entry.msg === 'request');
}

/**
 * Makes one request through and waits until the agent has logged it, so everything the agent
 * wrote before it (the banner, earlier requests) is in `stdout()`. Returns the marker route.
 */
async function syncLog(agent: RunningAgent): Promise<string> {
  const marker = `/v1/marker-${randomUUID()}`;
  const reply = await request(agent, marker, { authorization: bearer(agent) });
  expectAgentError(reply, 404, 'not_found');
  await vi.waitFor(
    () => {
      expect(requestLogs(agent).some((entry) => entry.route === marker)).toBe(true);
    },
    { timeout: 10_000, interval: 20 },
  );
  return marker;
}

describe('agent HTTPS API (real agent process)', () => {
  let agent: RunningAgent;

  beforeAll(async () => {
    agent = await startAgent();
  });
  afterAll(async () => {
    await agent.stop();
  });

  it('answers /v1/health without a token', async () => {
    const reply = await request(agent, '/v1/health');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    const health = AgentHealthSchema.parse(JSON.parse(reply.body));
    expect(agent.stdout()).toContain(`Deskside agent ${health.agentVersion} listening`);
  });

  it('returns the inventory to the right token', async () => {
    const reply = await request(agent, '/v1/inventory', { authorization: bearer(agent) });
    expect(reply.status).toBe(200);
    const inventory = InventorySchema.parse(JSON.parse(reply.body));
    expect(inventory.schemaVersion).toBe(2);
    expect(inventoryHostname(inventory)).toBe(os.hostname());
  });

  it.each<[string, (token: string) => string | undefined]>([
    ['no Authorization header', () => undefined],
    ['a wrong token', () => `Bearer ${randomBytes(32).toString('base64url')}`],
    ['the right token one character short', (token) => `Bearer ${token.slice(0, -1)}`],
    ['the right token with a character more', (token) => `Bearer ${token}x`],
    ['the token without a scheme', (token) => token],
    ['the Basic scheme', (token) => `Basic ${Buffer.from(`deskside:${token}`).toString('base64')}`],
    ['another scheme', (token) => `Token ${token}`],
    ['"Bearer" without a token', () => 'Bearer'],
    ['two spaces after "Bearer"', (token) => `Bearer  ${token}`],
    ['"Bearer" twice', (token) => `Bearer Bearer ${token}`],
    ['the token followed by more', (token) => `Bearer ${token} ${token}`],
  ])('refuses the inventory with 401 for %s', async (_what, authorizationFor) => {
    const reply = await request(agent, '/v1/inventory', {
      authorization: authorizationFor(agent.token),
    });
    expectAgentError(reply, 401, 'unauthorized');
    expect(reply.headers['www-authenticate']).toBe('Bearer');
  });

  it('does not reveal which routes exist to a caller without a token', async () => {
    const known = await request(agent, '/v1/inventory');
    const unknown = await request(agent, '/v1/no-such-route');
    const post = await request(agent, '/v1/inventory', { method: 'POST' });
    for (const reply of [known, unknown, post]) expectAgentError(reply, 401, 'unauthorized');
    expect(unknown.body).toBe(known.body);
    expect(post.body).toBe(known.body);
  });

  it('answers an unknown route with 404 once the caller is authenticated', async () => {
    const reply = await request(agent, '/v1/no-such-route', { authorization: bearer(agent) });
    expectAgentError(reply, 404, 'not_found');
  });

  it('answers a method other than GET with 405', async () => {
    const authorization = bearer(agent);
    expectAgentError(
      await request(agent, '/v1/inventory', { method: 'POST', authorization }),
      405,
      'method_not_allowed',
    );
    expectAgentError(
      await request(agent, '/v1/health', { method: 'DELETE', authorization }),
      405,
      'method_not_allowed',
    );
  });

  it('needs a token for everything but GET /v1/health, even another method on that path', async () => {
    expectAgentError(await request(agent, '/v1/health', { method: 'DELETE' }), 401, 'unauthorized');
  });

  it.each(['GET http://x/v1/health HTTP/1.1', 'GET * HTTP/1.1', 'OPTIONS * HTTP/1.1'])(
    'answers a request target that is not a path (%s) with 400',
    async (requestLine) => {
      expectAgentError(await rawRequest(agent, requestLine), 400, 'bad_request');
    },
  );

  it('keeps the console token out of its log', async () => {
    await syncLog(agent);
    expect(requestLogs(agent).length).toBeGreaterThan(1);
    expect(agent.stdout()).not.toContain(agent.token);
  });
});

describe('agent certificate pinning', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('refuses a connection pinned to a different certificate before any request', async () => {
    const agent = await startAgent();
    cleanup.push(() => agent.stop());
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-other-identity-'));
    cleanup.push(() => rm(otherDir, { recursive: true, force: true }));
    const other = await loadOrCreateIdentity(otherDir);
    expect(other.fingerprint).not.toBe(agent.fingerprint);

    // Trusting only the other certificate: the chain check fails.
    const untrusted = request(agent, '/v1/health', {
      pin: pinned(other.certPem, other.fingerprint),
    });
    await expect(untrusted).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/),
    });
    // Trusting the agent's certificate but pinning another fingerprint: the pin fails.
    const mispinned = request(agent, '/v1/inventory', {
      authorization: bearer(agent),
      pin: pinned(agent.certPem, other.fingerprint),
    });
    await expect(mispinned).rejects.toThrow(/is not the pinned one/);

    // A request that does get through marks how far the log has been written.
    const marker = await syncLog(agent);
    expect(requestLogs(agent).map((entry) => entry.route)).toEqual([marker]);
  });

  it('keeps its certificate across a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-restart-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = await startAgent({ dataDir });
    cleanup.push(() => first.stop());
    await syncLog(first);
    expect(first.stdout()).toContain('New certificate created');
    await first.stop();

    const second = await startAgent({ dataDir });
    cleanup.push(() => second.stop());
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.certPem).toBe(first.certPem);
    await syncLog(second);
    expect(second.stdout()).not.toContain('New certificate created');
    // The data folder was given, so stopping must not remove it.
    expect(existsSync(path.join(dataDir, 'agent-cert.pem'))).toBe(true);
    const reply = await request(second, '/v1/health', {
      pin: pinned(first.certPem, first.fingerprint),
    });
    expect(reply.status).toBe(200);
  });

  it('removes the temporary data folder it created when stopped', async () => {
    const agent = await startAgent();
    cleanup.push(() => agent.stop());
    expect(existsSync(agent.dataDir)).toBe(true);
    await agent.stop();
    expect(existsSync(agent.dataDir)).toBe(false);
  });
});

describe('agent CLI', () => {
  const dirs: string[] = [];
  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-cli-'));
    dirs.push(dir);
    return dir;
  }
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const cli = (args: string[], env: NodeJS.ProcessEnv = process.env, timeout = 20_000) =>
    execFileAsync(process.execPath, [AGENT_BUNDLE, ...args], { env, timeout });

  it('`fingerprint` prints the fingerprint `serve` prints for the same data folder', async () => {
    const dataDir = await tempDir();
    const { stdout } = await cli(['fingerprint', '--data-dir', dataDir]);
    const printed = stdout.trim();
    expect(printed).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await cli(['fingerprint', '--data-dir', dataDir])).stdout.trim()).toBe(printed);

    const agent = await startAgent({ dataDir });
    try {
      expect(agent.fingerprint).toBe(printed);
    } finally {
      await agent.stop();
    }
  });

  // A full collection includes `apt-get -s dist-upgrade`, which took 9 s here with 120
  // updates pending and more while the other test files ran: a guard against a hang only.
  it('`inventory --json` prints an inventory document', { timeout: 180_000 }, async () => {
    const { stdout } = await cli(['inventory', '--json'], process.env, 150_000);
    const inventory = InventorySchema.parse(JSON.parse(stdout));
    expect(inventoryHostname(inventory)).toBe(os.hostname());
  });

  it.each(['99999', '-1', 'abc'])(
    '`serve --port %s` exits non-zero, naming --port, without a stack trace',
    async (port) => {
      const dataDir = await tempDir();
      const env = { ...process.env, DESKSIDE_AGENT_TOKEN: randomBytes(32).toString('base64url') };
      const run = cli(['serve', '--port', port, '--data-dir', dataDir], env);
      const failure: unknown = await run.then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ code: 1, killed: false });
      const { stdout, stderr } = failure as { stdout: string; stderr: string };
      expect(stderr).toContain('--port');
      expect(stderr).not.toMatch(LEAK);
      expect(stdout).not.toContain('listening');
    },
  );
});
