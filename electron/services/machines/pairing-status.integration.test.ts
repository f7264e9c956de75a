import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issuePairingCode, runAgentCli } from '#test/helpers/agent-cli';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';

// Real agent processes without a pre-provisioned token: only paired consoles get in.
let agents: RunningAgent[] = [];
let desk: TestConsole;
beforeEach(async () => {
  desk = await openTestConsole();
});
afterEach(async () => {
  await desk.dispose();
  await Promise.all(agents.map((agent) => agent.stop()));
  agents = [];
});

async function agentOn(port?: number): Promise<RunningAgent> {
  const agent = await startAgent({
    token: null,
    ...(port ? { extraArgs: ['--port', String(port)] } : {}),
  });
  agents.push(agent);
  return agent;
}

async function pairWith(agent: RunningAgent) {
  const { code } = await issuePairingCode(agent.dataDir);
  return desk.call('machines.pair', {
    address: '127.0.0.1',
    port: agent.port,
    fingerprint: agent.fingerprint,
    code,
    name: 'Finance laptop',
  });
}

describe('an agent machine’s pairing', () => {
  it('is paired, then refused once the agent revokes this console, then paired again with a new code', async () => {
    const agent = await agentOn();
    const machine = await pairWith(agent);
    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'paired',
      agentVersion: expect.any(String),
      detail: null,
    });

    const listed = await runAgentCli(['consoles', 'list', '--json', '--data-dir', agent.dataDir]);
    const [paired] = (JSON.parse(listed.stdout) as { consoles: { id: string }[] }).consoles;
    await runAgentCli(['consoles', 'revoke', paired!.id, '--data-dir', agent.dataDir]);
    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'refused',
      detail: expect.stringMatching(/refused the desk's credential/),
    });

    const { code } = await issuePairingCode(agent.dataDir);
    const again = await desk.call('machines.repair', {
      id: machine.id,
      code,
      fingerprint: agent.fingerprint,
    });
    expect(again).toMatchObject({ id: machine.id, name: 'Finance laptop' });
    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'paired',
    });
  });

  it('shows a reinstalled agent’s new certificate, sends it nothing, and pairs only with the one confirmed', async () => {
    const first = await agentOn();
    const machine = await pairWith(first);
    await first.stop();
    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'unreachable',
      detail: expect.stringMatching(/Could not reach the agent/),
    });

    // The same address, a new installation: a new certificate.
    const reinstalled = await agentOn(first.port);
    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'certificate_changed',
      presentedFingerprint: reinstalled.fingerprint,
    });
    const { code } = await issuePairingCode(reinstalled.dataDir);
    const mismatch = await callError(
      desk.call('machines.repair', { id: machine.id, code, fingerprint: first.fingerprint }),
    );
    expect(mismatch).toMatchObject({ code: 'certificate_mismatch' });
    expect(mismatch.message).toMatch(/Nothing was changed/);
    expect(await desk.call('machines.get', { id: machine.id })).toMatchObject({
      fingerprint: first.fingerprint,
    });

    await desk.call('machines.repair', {
      id: machine.id,
      code,
      fingerprint: reinstalled.fingerprint,
    });
    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'paired',
    });
    expect(await desk.call('machines.get', { id: machine.id })).toMatchObject({
      fingerprint: reinstalled.fingerprint,
    });
  });

  it('is removed with its credential; this computer cannot be removed', async () => {
    const agent = await agentOn();
    const machine = await pairWith(agent);
    expect(await desk.call('machines.remove', { id: machine.id })).toEqual({ id: machine.id });
    expect((await desk.call('machines.list', {})).map((m) => m.thisComputer)).toEqual([true]);
    expect((await callError(desk.call('machines.status', { id: machine.id }))).code).toBe(
      'not_found',
    );
    expect((await callError(desk.call('machines.remove', { id: machine.id }))).code).toBe(
      'not_found',
    );
    expect((await callError(desk.call('machines.remove', { id: 'local' }))).code).toBe(
      'validation',
    );
    expect(await desk.call('machines.status', { id: 'local' })).toMatchObject({ state: 'local' });
  });
});
