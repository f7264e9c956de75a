import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesksideError } from '@deskside/core';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { agentStream, type PinnedAgent } from './agent-client';
import { credentialSigner } from './machine-credentials';

let agent: RunningAgent;
let pinned: PinnedAgent;

beforeAll(async () => {
  agent = await startAgent();
  pinned = {
    address: agent.host,
    port: agent.port,
    certPem: agent.certPem,
    fingerprint: agent.fingerprint,
    sign: credentialSigner(agent.token, 'analyst', agent.fingerprint),
  };
});

afterAll(async () => {
  await agent.stop();
});

/** A check that samples as long as the catalog allows: something to cancel. */
const slowChecks = { checks: [{ checkId: 'cpu.load' as const, params: { sampleMs: 5_000 } }] };

async function failure(promise: Promise<unknown>): Promise<DesksideError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DesksideError);
  return error as DesksideError;
}

describe('a request the console cancels', () => {
  it('ends with the code cancelled while the agent is answering', async () => {
    const controller = new AbortController();
    const kinds: string[] = [];
    const started = Date.now();
    const error = await failure(
      agentStream(
        pinned,
        'runChecksStream',
        slowChecks,
        (event) => {
          kinds.push(event.type);
          if (event.type === 'started') controller.abort();
        },
        controller.signal,
      ),
    );
    expect(kinds).toContain('started');
    expect(kinds).not.toContain('done');
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'cancelled',
      message: 'Cancelled',
    });
    // It did not wait for the check's five seconds.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('ends with the code cancelled when it was cancelled before it was sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const values: unknown[] = [];
    const error = await failure(
      agentStream(pinned, 'runChecksStream', slowChecks, (v) => values.push(v), controller.signal),
    );
    expect(error.code).toBe('cancelled');
    expect(values).toEqual([]);
  });
});
