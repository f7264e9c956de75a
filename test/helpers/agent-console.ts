import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Machine } from '@deskside/core';
import { startAgent, type RunningAgent } from './agent-process';
import { openTestConsole, type TestConsole } from './console';

/** Adds a running agent to a console with its pre-provisioned token. */
export function addAgent(desk: TestConsole, agent: RunningAgent, name?: string): Promise<Machine> {
  return desk.call('machines.add', {
    address: '127.0.0.1',
    port: agent.port,
    token: agent.token,
    fingerprint: agent.fingerprint,
    ...(name ? { name } : {}),
  });
}

/**
 * A real agent process for the whole file, and for each test a fresh console with that
 * agent's machine added. Read the fields inside tests (they change per test).
 */
export function agentWithConsole(): { agent: RunningAgent; desk: TestConsole; machine: Machine } {
  const current = {} as { agent: RunningAgent; desk: TestConsole; machine: Machine };
  beforeAll(async () => {
    current.agent = await startAgent();
  });
  afterAll(async () => {
    await current.agent.stop();
  });
  beforeEach(async () => {
    current.desk = await openTestConsole();
    current.machine = await addAgent(current.desk, current.agent);
  });
  afterEach(async () => {
    await current.desk.dispose();
  });
  return current;
}
