import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentErrorResponseSchema,
  catalogCheckIds,
  CheckCatalogListingSchema,
  CheckRunEventSchema,
  RunChecksResponseSchema,
  type CheckRunEvent,
} from '@deskside/core';
import { agentRequest } from './helpers/agent-http';
import { startAgent, type RunningAgent } from './helpers/agent-process';
import { startSntpServer, type UdpServer } from './helpers/udp-servers';

// The real agent process over HTTPS: the catalog, a batch, a followed batch, refusals.
let agent: RunningAgent;
let scratch: string;

beforeAll(async () => {
  agent = await startAgent();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'deskside-checks-api-'));
});
afterAll(async () => {
  await agent.stop();
  await rm(scratch, { recursive: true, force: true });
});

const run = (checks: unknown[]) =>
  agentRequest(agent, '/v1/checks/run', { credential: agent.token, json: { checks } });
const errorOf = (body: string) => AgentErrorResponseSchema.parse(JSON.parse(body)).error;

describe('the agent’s check routes', () => {
  it('list the catalog, with parameters as JSON Schema', async () => {
    const reply = await agentRequest(agent, '/v1/checks', { credential: agent.token });
    expect(reply.status).toBe(200);
    const listing = CheckCatalogListingSchema.parse(JSON.parse(reply.body));
    expect(listing.checks.map((check) => check.id)).toEqual(catalogCheckIds);
  });

  it('run a batch and answer every result in request order', async () => {
    const reply = await run([
      { checkId: 'memory.pressure' },
      { checkId: 'disk.free', params: { path: '/' } },
      { checkId: 'fs.writable', params: { path: scratch } },
    ]);
    expect(reply.status).toBe(200);
    const { results } = RunChecksResponseSchema.parse(JSON.parse(reply.body));
    expect(results.map((result) => [result.checkId, result.status])).toEqual([
      ['memory.pressure', 'pass'],
      ['disk.free', expect.any(String)],
      ['fs.writable', 'pass'],
    ]);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('need a console token, like every route that does something', async () => {
    for (const [route, body] of [
      ['/v1/checks', undefined],
      ['/v1/checks/run', { checks: [{ checkId: 'disk.free' }] }],
      ['/v1/checks/run/stream', { checks: [{ checkId: 'disk.free' }] }],
    ] as const) {
      const reply = await agentRequest(agent, route, { json: body });
      expect(reply.status, route).toBe(401);
    }
  });

  it('refuse a bad parameter or an unknown check before running anything, naming the field', async () => {
    const bad = await run([
      { checkId: 'fs.writable', params: { path: scratch } },
      { checkId: 'tcp.port', params: { host: 'intranet;reboot', port: 443 } },
    ]);
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body)).toEqual({
      code: 'bad_request',
      message: expect.stringContaining('checks.1.params.host') as string,
    });
    const unknown = await run([{ checkId: 'shell.exec', params: { command: 'id' } }]);
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body).message).toContain('checks.0.checkId');
    const tooMany = await run(Array.from({ length: 33 }, () => ({ checkId: 'memory.pressure' })));
    expect(tooMany.status).toBe(400);
  });
});

describe('following a batch (NDJSON)', () => {
  let held: UdpServer;
  beforeAll(async () => {
    held = await startSntpServer({ offsetMs: 0, hold: true });
  });
  afterAll(async () => {
    await held.close();
  });

  it('streams each result as it ends: a slow check holds back nothing else', async () => {
    const events: CheckRunEvent[] = [];
    const fast = [
      { checkId: 'memory.pressure' },
      { checkId: 'disk.free' },
      { checkId: 'fs.writable', params: { path: scratch } },
      { checkId: 'system.uptime' },
      { checkId: 'network.interfaces' },
    ];
    const reply = await agentRequest(agent, '/v1/checks/run/stream', {
      credential: agent.token,
      json: {
        checks: [
          {
            checkId: 'clock.offset',
            params: { server: '127.0.0.1', port: held.port, waitMs: 10_000 },
          },
          ...fast,
        ],
      },
      onLine: (line) => {
        events.push(CheckRunEventSchema.parse(JSON.parse(line)));
        // The slow check's server answers only once every other check has ended and been
        // received: had the agent buffered the batch, this would never happen.
        if (events.filter((event) => event.type === 'result').length === fast.length)
          held.release();
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const results = events.filter((event) => event.type === 'result');
    expect(results.map((event) => event.index)).toHaveLength(6);
    expect(results.at(-1)).toMatchObject({
      index: 0,
      result: { checkId: 'clock.offset', status: 'pass' },
    });
    expect(events[0]?.type).toBe('accepted');
    expect(events.at(-1)).toMatchObject({ type: 'done' });
  });
});

describe('injection', () => {
  it('neither a refused nor an accepted parameter ever reaches a shell', async () => {
    const marker = (name: string) => path.join(scratch, `pwned-${name}`);
    const attempts = [
      { checkId: 'service.running', params: { name: `$(touch ${marker('subst')})` } },
      { checkId: 'service.running', params: { name: `x;touch ${marker('semicolon')}` } },
      { checkId: 'service.running', params: { name: `\`touch ${marker('backtick')}\`` } },
      { checkId: 'service.running', params: { name: `x\ntouch ${marker('newline')}` } },
      { checkId: 'tcp.port', params: { host: `$(touch ${marker('host')})`, port: 1 } },
      { checkId: 'dns.resolve', params: { name: `;rm -rf /;touch ${marker('dns')}` } },
      { checkId: 'disk.smart', params: { device: `/dev/sda;touch ${marker('smart')}` } },
      { checkId: 'fs.writable', params: { path: `${scratch}/../../etc` } },
      { checkId: 'network.interfaces', params: { name: `eth0|touch ${marker('pipe')}` } },
      { checkId: 'program.installed', params: { name: `$(touch ${marker('program')})` } },
      { checkId: 'printers.queues', params: { name: `x\`touch ${marker('printer')}\`` } },
    ];
    for (const attempt of attempts) {
      const reply = await run([attempt]);
      expect(reply.status, JSON.stringify(attempt)).toBe(400);
    }
    // Accepted by their schemas (a path may hold `$`, a URL path backticks): they run,
    // as one inert argument each, and find nothing.
    const inert = await run([
      { checkId: 'fs.writable', params: { path: `${scratch}/$(touch ${marker('path')})` } },
      { checkId: 'disk.free', params: { path: `${scratch}/\`touch ${marker('disk')}\`` } },
      {
        checkId: 'http.reach',
        params: { url: `http://127.0.0.1:1/\`touch\${IFS}${marker('url')}\`` },
      },
      // A program name may hold & ( ) ': to dpkg-query or PowerShell it is one argument.
      { checkId: 'program.installed', params: { name: "AT&T Connect (x64) 'touch' & reboot" } },
    ]);
    expect(inert.status, inert.body).toBe(200);
    const { results } = RunChecksResponseSchema.parse(JSON.parse(inert.body));
    expect(results.map((result) => result.code)).toEqual([
      'fs.writable.path_missing',
      'disk.free.path_missing',
      'http.reach.unreachable',
      'program.installed.missing',
    ]);
    expect(await readdir(scratch)).toEqual([]);
    for (const name of [
      'subst',
      'semicolon',
      'backtick',
      'newline',
      'host',
      'dns',
      'smart',
      'pipe',
      'program',
      'printer',
      'path',
      'disk',
      'url',
    ]) {
      expect(existsSync(marker(name)), name).toBe(false);
    }
  });
});
