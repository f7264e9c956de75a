import os from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatPairingCode, inventoryHostname } from '@deskside/core';
import { loadOrCreateIdentity } from '../../../agent/src/server/identity';
import { issuePairingCode, runAgentCli } from '#test/helpers/agent-cli';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { TEST_ANALYST, callError, openTestConsole, type TestConsole } from '#test/helpers/console';

// A real agent process without a pre-provisioned token: only paired consoles get in.
let agent: RunningAgent;
let desk: TestConsole;

beforeAll(async () => {
  agent = await startAgent({ token: null });
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

const pairInput = (code: string, overrides: { fingerprint?: string; name?: string } = {}) => ({
  address: '127.0.0.1',
  port: agent.port,
  fingerprint: agent.fingerprint,
  code,
  ...overrides,
});

async function pairedConsoles() {
  const listed = await runAgentCli(['consoles', 'list', '--json', '--data-dir', agent.dataDir]);
  return (
    JSON.parse(listed.stdout) as {
      consoles: { id: string; name: string; revokedAt: string | null }[];
    }
  ).consoles;
}

describe('adding a machine by pairing code', () => {
  it('exchanges the code for its own credential, stores it sealed and reads the inventory', async () => {
    const { code } = await issuePairingCode(agent.dataDir);
    // Typed as the user reads it out: lower case, with the dash.
    const machine = await desk.call(
      'machines.pair',
      pairInput(formatPairingCode(code).toLowerCase()),
    );
    expect(machine).toMatchObject({
      transport: 'agent-https',
      address: '127.0.0.1',
      port: agent.port,
      fingerprint: agent.fingerprint,
      name: os.hostname(),
      hostname: os.hostname(),
    });
    const snapshot = await desk.call('machines.inventory', { id: machine.id });
    expect(inventoryHostname(snapshot.inventory)).toBe(os.hostname());

    // The agent lists this console under the analyst's name, and the credential is sealed.
    const consoles = await pairedConsoles();
    expect(consoles.map((c) => c.name)).toContain(`${TEST_ANALYST}@${os.hostname()}`);
    const row = await desk.db.selectFrom('machines').selectAll().executeTakeFirstOrThrow();
    expect(row.tokenSealed).toMatch(/^kf1:/);
  });

  it('says the code was refused, and stores nothing', async () => {
    const error = await callError(desk.call('machines.pair', pairInput('ZZZZZ-ZZZZZ')));
    expect(error.code).toBe('pairing_refused');
    expect(error.message).toMatch(/wrong, has expired or was used already/);
    expect(await desk.db.selectFrom('machines').select('id').execute()).toEqual([]);
  });

  it('never sends the code to an agent presenting another certificate', async () => {
    const { code } = await issuePairingCode(agent.dataDir);
    const other = await loadOrCreateIdentity(`${desk.dataDir}/other-agent`);
    const error = await callError(
      desk.call('machines.pair', pairInput(code, { fingerprint: other.fingerprint })),
    );
    expect(error.code).toBe('certificate_mismatch');
    // Still unused, so the agent never received it: with the right certificate it works.
    const machine = await desk.call('machines.pair', pairInput(code, { name: 'Reception PC' }));
    expect(machine.name).toBe('Reception PC');
  });

  it('is refused once the agent revokes this console', async () => {
    const { code } = await issuePairingCode(agent.dataDir);
    const machine = await desk.call('machines.pair', pairInput(code));
    const consoles = await pairedConsoles();
    const id = consoles.at(-1)!.id;
    const revoked = await runAgentCli(['consoles', 'revoke', id, '--data-dir', agent.dataDir]);
    expect(revoked.code).toBe(0);
    const error = await callError(desk.call('machines.inventory', { id: machine.id }));
    expect(error.code).toBe('agent_unauthorized');
  });
});
