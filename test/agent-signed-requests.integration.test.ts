/**
 * The real agent process admits requests the desk signed, once each, for itself only, with
 * the body they were signed with; it refuses a key it never issued, a replay, a changed body
 * and a signature from outside its window, and its audit log names the analyst.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SIGNATURE_WINDOW_MS,
  requestKey,
  signRequest,
} from '../agent/src/security/signed-requests';
import { readAuditLog } from './helpers/agent-cli';
import { agentRequest, errorCode } from './helpers/agent-http';
import { startAgent, type RunningAgent } from './helpers/agent-process';

let agent: RunningAgent;

beforeAll(async () => {
  agent = await startAgent();
});
afterAll(async () => {
  await agent.stop();
});

const CHECKS = { checks: [{ checkId: 'memory.pressure', params: {} }] };

function signed(
  method: 'GET' | 'POST',
  target: string,
  body: unknown = null,
  options: { key?: Buffer; analyst?: string; at?: Date; fingerprint?: string } = {},
): string {
  return signRequest(
    options.key ?? requestKey(agent.token),
    options.analyst ?? 'ada',
    {
      agentFingerprint: options.fingerprint ?? agent.fingerprint,
      method,
      target,
      body: body === null ? null : Buffer.from(JSON.stringify(body)),
    },
    options.at,
  );
}

describe('the agent and signed requests', () => {
  it('admits a signed request once, and its audit log names the analyst', async () => {
    const authorization = signed('GET', '/v1/checks', null, { analyst: 'bram' });
    const first = await agentRequest(agent, '/v1/checks', { authorization });
    expect(first.status).toBe(200);
    const again = await agentRequest(agent, '/v1/checks', { authorization });
    expect(again.status).toBe(401);
    expect(errorCode(again)).toBe('unauthorized');
    await expect
      .poll(async () => (await readAuditLog(agent.dataDir)).map((e) => [e.analyst, e.status]))
      .toEqual(expect.arrayContaining([['bram', 200]]));
  });

  it('runs checks with the body it was signed with, and refuses another body', async () => {
    const authorization = signed('POST', '/v1/checks/run', CHECKS);
    const ran = await agentRequest(agent, '/v1/checks/run', { authorization, json: CHECKS });
    expect(ran.status).toBe(200);

    const swapped = { checks: [{ checkId: 'disk.free', params: {} }] };
    const refused = await agentRequest(agent, '/v1/checks/run', {
      authorization: signed('POST', '/v1/checks/run', CHECKS),
      json: swapped,
    });
    expect(refused.status).toBe(401);
    // A GET signed as if it carried a body is not the GET that was asked for.
    const withBody = await agentRequest(agent, '/v1/checks', {
      authorization: signed('GET', '/v1/checks', CHECKS),
    });
    expect(withBody.status).toBe(401);
  });

  it('refuses a key the desk never issued, another agent, another route and an old signature', async () => {
    const refusals = [
      signed('GET', '/v1/checks', null, {
        key: requestKey('a-credential-this-agent-never-issued-000'),
      }),
      signed('GET', '/v1/checks', null, { fingerprint: 'AA:BB:CC' }),
      signed('GET', '/v1/inventory'),
      signed('GET', '/v1/checks', null, {
        at: new Date(Date.now() - SIGNATURE_WINDOW_MS - 60_000),
      }),
    ];
    for (const authorization of refusals) {
      const reply = await agentRequest(agent, '/v1/checks', { authorization });
      expect(reply.status).toBe(401);
    }
  });
});
