import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentErrorResponseSchema, agentRoutes, type AgentRouteId } from '@deskside/core';
import { readAuditLog } from './helpers/agent-cli';
import { agentRequest, STACK_TRACE } from './helpers/agent-http';
import { startAgent, type RunningAgent } from './helpers/agent-process';
import { fuzzRequests, wellFormed, type FuzzRequest } from './fuzz/requests';
import { sendAll, type FuzzResult } from './fuzz/send';

/** Same seed, same requests: a failure here can be replayed exactly. */
const SEED = 20_261_123;
const COUNT = 10_000;
const CONCURRENCY = 8;
const CREDENTIAL = 'fuzz-console-credential-0123456789abcdef';
/** Generous: the agent may grow caches and buffers, but not with every request. */
const MAX_RSS_GROWTH_MB = 150;

/** Resident memory of a process, in MiB. */
function rssMb(pid: number): number {
  if (process.platform === 'linux') {
    const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(line![1]) / 1024;
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' })) / 1024;
}

const headBytes = (request: FuzzRequest) =>
  request.target.length +
  Object.entries(request.headers).reduce(
    (sum, [name, value]) => sum + name.length + String(value).length + 4,
    0,
  );

function describeResult(result: FuzzResult): string {
  const { request } = result;
  const what = request.raw
    ? request.raw.toString('latin1').slice(0, 120)
    : `${request.method} ${request.target.slice(0, 120)}`;
  return `[${request.kind}] ${JSON.stringify(what)} -> ${result.status ?? result.error} ${result.body.slice(0, 200)}`;
}

let agent: RunningAgent;
let results: FuzzResult[];
let requests: FuzzRequest[];
const rss: number[] = [];

beforeAll(async () => {
  // Limits raised so that requests reach the routes instead of the rate limiter.
  agent = await startAgent({
    token: CREDENTIAL,
    extraArgs: [
      '--rate-per-address',
      '1000000',
      '--rate-per-console',
      '1000000',
      // Errors are still logged (and checked below); a line per request would only cost time.
      '--log-level',
      'warn',
    ],
  });
  const generated = fc.sample(fuzzRequests(CREDENTIAL), {
    seed: SEED,
    numRuns: Math.round(COUNT * 1.5),
  });
  // Only malformed requests: a well-formed one would run a handler (an inventory, a check).
  requests = generated.filter((request) => !wellFormed(request, CREDENTIAL)).slice(0, COUNT);

  // Warm up (TLS, JIT, first inventory) before the baseline is taken.
  await sendAll(agent, requests.slice(0, 300), { concurrency: CONCURRENCY });
  expect((await agentRequest(agent, '/v1/inventory', { credential: CREDENTIAL })).status).toBe(200);
  rss.push(rssMb(agent.pid));
  results = await sendAll(agent, requests, {
    concurrency: CONCURRENCY,
    onProgress: () => rss.push(rssMb(agent.pid)),
  });
  rss.push(rssMb(agent.pid));
}, 240_000);

afterAll(async () => {
  await agent.stop();
});

describe(`fuzzing a running agent with ${COUNT} malformed requests (seed ${SEED})`, () => {
  it('sends that many, over every route in agentRoutes, of many kinds', () => {
    expect(requests).toHaveLength(COUNT);
    const perRoute = new Map<AgentRouteId | null, number>();
    for (const request of requests)
      perRoute.set(request.route, (perRoute.get(request.route) ?? 0) + 1);
    for (const id of Object.keys(agentRoutes) as AgentRouteId[]) {
      expect(perRoute.get(id) ?? 0, id).toBeGreaterThanOrEqual(200);
    }
    const kinds = new Set(requests.map((request) => request.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(40);
    expect(requests.filter((request) => request.raw).length).toBeGreaterThanOrEqual(500);
  });

  it('keeps the agent running and serving', async () => {
    expect(() => process.kill(agent.pid, 0)).not.toThrow();
    expect((await agentRequest(agent, '/v1/health')).status).toBe(200);
    expect((await agentRequest(agent, '/v1/inventory', { credential: CREDENTIAL })).status).toBe(
      200,
    );
  });

  it('answers no request with a 5xx', () => {
    const failures = results.filter((result) => result.status !== null && result.status >= 500);
    expect(failures.map(describeResult)).toEqual([]);
  });

  it('answers every request that reached it, except where it stopped reading', () => {
    // Node answers a request head over its 16 KiB limit with 431 and closes at once, as
    // the agent does after refusing a body it did not read: the client may see a reset.
    const stoppedReading = (request: FuzzRequest) =>
      (request.body?.length ?? 0) > 0 || headBytes(request) > 16 * 1024;
    const unanswered = results.filter(
      (result) =>
        result.status === null &&
        !result.request.raw &&
        !result.error?.startsWith('not sent') &&
        !stoppedReading(result.request),
    );
    expect(unanswered.map(describeResult)).toEqual([]);
    const answered = results.filter((result) => result.status !== null).length;
    expect(answered).toBeGreaterThan(COUNT * 0.9);
  });

  it('leaks no stack trace, and every JSON error is a stable code with a message', () => {
    const leaks = results.filter((result) => STACK_TRACE.test(result.body));
    expect(leaks.map(describeResult)).toEqual([]);
    const badErrors = results.filter(
      (result) =>
        result.status !== null &&
        result.status >= 400 &&
        result.contentType?.startsWith('application/json') &&
        result.request.method !== 'HEAD' &&
        !AgentErrorResponseSchema.safeParse(JSON.parse(result.body)).success,
    );
    expect(badErrors.map(describeResult)).toEqual([]);
  });

  it('met no unexpected error inside: every malformed request was recognised as such', () => {
    const errors = agent
      .stdout()
      .split('\n')
      .filter((line) => line.includes('"level":50') || line.includes('"level":60'));
    expect(errors.slice(0, 5)).toEqual([]);
  });

  it(`stays within ${MAX_RSS_GROWTH_MB} MiB of its memory before the run, and levels off`, () => {
    const samples = `RSS samples (MiB), one per thousand requests: ${rss.map((mb) => mb.toFixed(0)).join(', ')}`;
    const before = rss[0]!;
    expect(Math.max(...rss) - before, samples).toBeLessThan(MAX_RSS_GROWTH_MB);
    // A leak keeps growing; caches and buffers fill once.
    const halfway = rss[Math.floor(rss.length / 2)]!;
    expect(rss.at(-1)! - halfway, samples).toBeLessThan(MAX_RSS_GROWTH_MB / 3);
  });

  it('audited the requests with the caller’s real address and without the credential', async () => {
    const jsonAnswers = results.filter((result) =>
      result.contentType?.startsWith('application/json'),
    ).length;
    await expect
      .poll(async () => (await readAuditLog(agent.dataDir)).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(jsonAnswers);
    const audit = await readAuditLog(agent.dataDir);
    expect(new Set(audit.map((entry) => entry.remoteAddress))).toEqual(new Set(['127.0.0.1']));
    expect(JSON.stringify(audit)).not.toContain(CREDENTIAL);
  });
});
