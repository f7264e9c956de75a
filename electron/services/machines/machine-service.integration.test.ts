import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inventoryHostname } from '@deskside/core';
import { loadOrCreateIdentity } from '../../../agent/src/server/identity';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';

// A real agent process over HTTPS on loopback; the console pins its certificate.
let agent: RunningAgent;
let desk: TestConsole;

beforeAll(async () => {
  agent = await startAgent();
});
afterAll(async () => {
  await agent.stop();
});
beforeEach(async () => {
  desk = await openTestConsole();
});
afterEach(async () => {
  await desk.dispose();
});

const machineCount = async () =>
  (await desk.db.selectFrom('machines').select('id').execute()).length;

const addInput = (
  overrides: Partial<{ token: string; fingerprint: string; name: string }> = {},
) => ({
  address: '127.0.0.1',
  port: agent.port,
  token: agent.token,
  fingerprint: agent.fingerprint,
  ...overrides,
});

describe('adding a machine with an agent', () => {
  it('lists "This computer" before anything is added', async () => {
    const machines = await desk.call('machines.list', {});
    expect(machines).toHaveLength(1);
    expect(machines[0]).toMatchObject({ transport: 'local', thisComputer: true });
    expect(machines[0]?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('probes the certificate the agent presents without sending a token', async () => {
    const probe = await desk.call('machines.probe', { address: '127.0.0.1', port: agent.port });
    expect(probe.fingerprint).toBe(agent.fingerprint);
    // The agent logs a request after answering it: wait for the line.
    await expect
      .poll(() =>
        agent
          .stdout()
          .split('\n')
          .filter((line) => line.includes('"msg":"request"'))
          .at(-1),
      )
      .toContain('"route":"/v1/health"');
  });

  it('adds the machine, keeps the token sealed, and reads its inventory over the pinned connection', async () => {
    const lowercaseFingerprint = agent.fingerprint.replaceAll(':', '').toLowerCase();
    const machine = await desk.call(
      'machines.add',
      addInput({ fingerprint: lowercaseFingerprint }),
    );
    expect(machine).toMatchObject({
      transport: 'agent-https',
      address: '127.0.0.1',
      port: agent.port,
      fingerprint: agent.fingerprint,
    });
    const row = await desk.db.selectFrom('machines').selectAll().executeTakeFirstOrThrow();
    expect(row.tokenSealed).not.toContain(agent.token);
    expect(JSON.stringify(await desk.call('machines.list', {}))).not.toContain(agent.token);

    const snapshot = await desk.call('machines.inventory', { id: machine.id });
    expect(snapshot.transport).toBe('agent-https');
    expect(snapshot.machineId).toBe(machine.id);
    expect(inventoryHostname(snapshot.inventory)).toBe(machine.hostname);
  });

  it('refuses a fingerprint that is not the presented one, and stores nothing', async () => {
    const other = await loadOrCreateIdentity(`${desk.dataDir}/other-agent`);
    const error = await callError(
      desk.call('machines.add', addInput({ fingerprint: other.fingerprint })),
    );
    expect(error.code).toBe('certificate_mismatch');
    expect(error.message).toContain(agent.fingerprint);
    expect(await machineCount()).toBe(0);
  });

  it('refuses a token the agent does not accept, and stores nothing', async () => {
    const error = await callError(desk.call('machines.add', addInput({ token: 'x'.repeat(40) })));
    expect(error.code).toBe('agent_unauthorized');
    expect(await machineCount()).toBe(0);
  });

  it('refuses to add the same address twice', async () => {
    await desk.call('machines.add', addInput());
    expect((await callError(desk.call('machines.add', addInput()))).code).toBe('conflict');
    expect(await machineCount()).toBe(1);
  });

  it('refuses a connection when the agent presents another certificate than the pinned one', async () => {
    const machine = await desk.call('machines.add', addInput());
    // As if the agent had been replaced: pin another identity than the one it presents.
    const other = await loadOrCreateIdentity(`${desk.dataDir}/other-agent`);
    await desk.db
      .updateTable('machines')
      .set({ certPem: other.certPem, fingerprint: other.fingerprint })
      .where('id', '=', machine.id)
      .execute();
    const error = await callError(desk.call('machines.inventory', { id: machine.id }));
    expect(error.code).toBe('certificate_mismatch');
  });

  it('says clearly when nothing listens at the address', async () => {
    const stopped = await startAgent();
    const port = stopped.port;
    await stopped.stop();
    const error = await callError(desk.call('machines.probe', { address: '127.0.0.1', port }));
    expect(error.code).toBe('machine_unreachable');
    expect(error.message).toMatch(/is the agent running/);
  });

  it('validates addresses and ports before connecting', async () => {
    const error = await callError(
      desk.call('machines.probe', { address: 'a b;rm -rf /', port: 70000 }),
    );
    expect(error.code).toBe('validation');
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['address', 'port']));
  });
});
