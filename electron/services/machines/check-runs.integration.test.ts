import { describe, expect, it } from 'vitest';
import { CheckRunSchema } from '@deskside/core';
import { startAgent } from '#test/helpers/agent-process';
import { followRun, followUntil } from '#test/helpers/check-runs';
import { addAgent, agentWithConsole } from '#test/helpers/agent-console';
import { callError } from '#test/helpers/console';

// Runs of checks the analyst watches: started at once, followed check by check through the
// contract, and cancellable, on a real agent process and on this computer in-process.
const setup = agentWithConsole();

/** A machine whose agent was added and then stopped: nothing answers at its address. */
async function addStoppedAgent() {
  const gone = await startAgent();
  try {
    return await addAgent(setup.desk, gone);
  } finally {
    await gone.stop();
  }
}

/** A check that takes as long as the catalog allows it to sample: something to cancel. */
const slowCheck = { checkId: 'cpu.load', params: { sampleMs: 5_000 } } as const;

describe('a run of checks', () => {
  it('answers at once, then tells each check’s start and result until it is done', async () => {
    const started = await setup.desk.call('machines.startChecks', {
      id: setup.machine.id,
      checks: [
        { checkId: 'memory.pressure', params: { warnAbovePercent: 100, failAbovePercent: 100 } },
        { checkId: 'tcp.port', params: { host: '127.0.0.1', port: setup.agent.port } },
      ],
    });
    expect(started).toMatchObject({ machineId: setup.machine.id, transport: 'agent-https' });
    expect(started.state).toBe('running');
    expect(started.checks.map((check) => [check.checkId, check.state])).toEqual([
      ['memory.pressure', 'queued'],
      ['tcp.port', 'queued'],
    ]);
    // Defaults are filled in: the run says exactly what it ran with.
    expect(started.checks[1]?.params).toEqual({
      host: '127.0.0.1',
      port: setup.agent.port,
      waitMs: 3000,
    });

    const seen = await followRun(setup.desk, started);
    const versions = seen.map((run) => run.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    const done = seen.at(-1)!;
    expect(CheckRunSchema.parse(done)).toMatchObject({ state: 'done', error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(done.checks.map((check) => [check.state, check.result?.code])).toEqual([
      ['done', 'memory.pressure.ok'],
      ['done', 'tcp.port.open'],
    ]);
    // Following an ended run answers at once with it.
    expect(
      await setup.desk.call('machines.checkRun', { runId: done.runId, afterVersion: 999 }),
    ).toEqual(done);
    expect(
      (await setup.desk.call('machines.get', { id: setup.machine.id })).lastContactAt,
    ).not.toBeNull();
  });

  it('stops when cancelled: the check in progress is abandoned and the run says so', async () => {
    const started = await setup.desk.call('machines.startChecks', {
      id: setup.machine.id,
      checks: [slowCheck],
    });
    const running = await followUntil(
      setup.desk,
      started,
      (run) => run.checks[0]?.state === 'running',
    );
    expect(running.state).toBe('running');
    await setup.desk.call('machines.cancelChecks', { runId: started.runId });
    const ended = (await followRun(setup.desk, running)).at(-1)!;
    expect(ended.state).toBe('cancelled');
    expect(ended.checks[0]?.result).toBeNull();
    // The agent is free again for the next run.
    const next = await setup.desk.call('machines.startChecks', {
      id: setup.machine.id,
      checks: [{ checkId: 'tcp.port', params: { host: '127.0.0.1', port: setup.agent.port } }],
    });
    expect((await followRun(setup.desk, next)).at(-1)?.state).toBe('done');
  });

  it('cancels checks on this computer too, which then end as cancelled', async () => {
    const started = await setup.desk.call('machines.startChecks', {
      id: 'local',
      checks: [slowCheck],
    });
    await followUntil(setup.desk, started, (run) => run.checks[0]?.state === 'running');
    await setup.desk.call('machines.cancelChecks', { runId: started.runId });
    const ended = (await followRun(setup.desk, started)).at(-1)!;
    expect(ended.state).toBe('cancelled');
    expect(ended.checks[0]?.result).toMatchObject({ status: 'error', code: 'check.cancelled' });
  });

  it('fails with the reason when the machine cannot be reached', async () => {
    const added = await addStoppedAgent();
    const started = await setup.desk.call('machines.startChecks', {
      id: added.id,
      checks: [{ checkId: 'memory.pressure' }],
    });
    const ended = (await followRun(setup.desk, started)).at(-1)!;
    expect(ended.state).toBe('failed');
    expect(ended.error?.code).toBe('machine_unreachable');
  });

  it('refuses unknown runs and bad parameters before anything runs', async () => {
    const unknown = await callError(
      setup.desk.call('machines.checkRun', { runId: crypto.randomUUID(), afterVersion: 0 }),
    );
    expect(unknown.code).toBe('not_found');
    const bad = await callError(
      setup.desk.call('machines.startChecks', {
        id: setup.machine.id,
        checks: [{ checkId: 'tcp.port', params: { host: '127.0.0.1; reboot', port: 22 } }],
      }),
    );
    expect(bad.code).toBe('validation');
    expect(bad.issues?.map((issue) => issue.path)).toContain('checks.0.params.host');
    expect(
      (
        await callError(
          setup.desk.call('machines.startChecks', { id: crypto.randomUUID(), checks: [slowCheck] }),
        )
      ).code,
    ).toBe('not_found');
  });
});
