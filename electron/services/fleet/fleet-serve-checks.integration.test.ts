/**
 * Checks over NATS with the real built agent: `serve` with fleet credentials answers a
 * console's checks on its presence connection, and runs checks queued while it was stopped
 * once it is started again. A real nats-server on 127.0.0.1; agents beat every second.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckRunSchema } from '@deskside/core';
import { stopAllAgents } from '#test/helpers/agent-process';
import {
  eventuallyFound,
  QUICK_FLEET_CHECKS,
  fleetAgentFiles,
  startFleetAgent,
  startFleetTestServer,
} from '#test/helpers/fleet-agent';
import { connectTestConsole, permissionViolations, type TestNatsServer } from '#test/helpers/nats';
import type { FleetAuthority } from './fleet-authority';
import { FleetChecks } from './fleet-checks';

let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;
const connections: NatsConnection[] = [];

async function analystChecks() {
  const consoleId = `desk-${randomUUID().slice(0, 8)}`;
  const nc = await connectTestConsole(server, authority, 'analyst', consoleId);
  connections.push(nc);
  return {
    checks: new FleetChecks({ connection: nc, consoleId, role: 'analyst' }),
    refused: permissionViolations(nc),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-serve-checks-'));
  ({ authority, server } = await startFleetTestServer('serve-checks-desk'));
}, 60_000);

afterAll(async () => {
  await stopAllAgents();
  await Promise.all(connections.map((nc) => nc.close()));
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('serve answers checks over NATS', () => {
  it("a console's ask reaches the running agent and gets its real results", async () => {
    const agentId = randomUUID();
    const agent = await startFleetAgent(await fleetAgentFiles(server, authority, dir, agentId));
    const { checks, refused } = await analystChecks();
    const outcome = await eventuallyFound(
      async () => {
        const answer = await checks.ask(agentId, QUICK_FLEET_CHECKS, { timeoutMs: 2_000 });
        return answer.state === 'done' ? answer : null;
      },
      'the agent answers',
      20_000,
    );
    const run = CheckRunSchema.parse(outcome.run);
    expect(run.transport).toBe('nats');
    expect(run.machineId).toBe(agentId);
    expect(run.checks.map((check) => check.checkId)).toEqual(['memory.pressure', 'fs.writable']);
    // Real results from the agent's runner: fs.writable wrote into its temporary folder.
    expect(run.checks[1]!.result).toMatchObject({ checkId: 'fs.writable', status: 'pass' });
    expect(run.checks[0]!.result?.facts).toHaveProperty('usedPercent');
    expect(agent.stdout()).toContain('fleet: answering checks');
    expect(refused).toEqual([]);
    await agent.stop();
  }, 60_000);

  it('a check queued while the agent is stopped runs when it is started again', async () => {
    const agentId = randomUUID();
    const files = await fleetAgentFiles(server, authority, dir, agentId);
    const first = await startFleetAgent(files);
    const { checks, refused } = await analystChecks();
    await eventuallyFound(
      async () =>
        (await checks.ask(agentId, QUICK_FLEET_CHECKS, { timeoutMs: 2_000 })).state === 'done'
          ? true
          : null,
      'the agent answers',
      20_000,
    );
    await first.stop();
    expect(first.stdout()).toContain('fleet: disconnected');

    const away = await checks.ask(agentId, QUICK_FLEET_CHECKS, { timeoutMs: 500 });
    expect(away.state).toBe('timeout');
    const queued = await checks.queue(agentId, [{ checkId: 'fs.writable' }], { ticketId: 7 });
    // Nobody takes it while the agent is away.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await checks.collectResults()).toBe(0);
    expect(checks.queued()[0]).toMatchObject({ requestId: queued.requestId, state: 'waiting' });

    const second = await startFleetAgent(files);
    const settled = await eventuallyFound(
      async () => {
        await checks.collectResults();
        const item = checks.queued().find((q) => q.requestId === queued.requestId);
        return item?.state === 'done' ? item : null;
      },
      'the queued check ran',
      20_000,
    );
    expect(settled.ticketId).toBe(7);
    expect(settled.run?.checks[0]?.result).toMatchObject({
      checkId: 'fs.writable',
      status: 'pass',
    });
    expect(second.stdout()).toContain('fleet: ran queued checks');

    // Queued while it is connected: taken within a heartbeat or so, not only at a reconnect.
    const later = await checks.queue(agentId, [{ checkId: 'fs.writable' }]);
    await eventuallyFound(
      async () => {
        await checks.collectResults();
        return checks.queued().find((q) => q.requestId === later.requestId)?.state === 'done'
          ? true
          : null;
      },
      'the check queued while connected ran',
      10_000,
    );
    expect(refused).toEqual([]);
    await second.stop();
  }, 90_000);
});
