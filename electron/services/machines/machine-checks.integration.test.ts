import { describe, expect, it } from 'vitest';
import {
  CheckCatalogListingSchema,
  CheckRunEventSchema,
  CheckRunSchema,
  describeCheckCatalog,
  type CheckRunEvent,
  type RunMachineChecksInput,
} from '@deskside/core';
import { loadOrCreateIdentity } from '../../../agent/src/server/identity';
import { agentWithConsole } from '#test/helpers/agent-console';
import { followRun } from '#test/helpers/check-runs';
import { callError } from '#test/helpers/console';

// The console runs checks on a real agent process over the pinned HTTPS connection, and on
// this computer in-process; every answer is validated by core's schemas.
const setup = agentWithConsole();

/** Starts checks through the contract and follows them to their end, as the pages do. */
async function runToEnd(input: RunMachineChecksInput) {
  const started = await setup.desk.call('machines.startChecks', input);
  return CheckRunSchema.parse((await followRun(setup.desk, started)).at(-1));
}

const resultsOf = (run: { checks: { result: unknown }[] }) => run.checks.map((c) => c.result);

describe('running checks from the console', () => {
  it('offers the catalog', async () => {
    const catalog = CheckCatalogListingSchema.parse(await setup.desk.call('checks.catalog', {}));
    expect(catalog).toEqual(describeCheckCatalog());
  });

  it('runs checks on an agent and answers every result, in request order', async () => {
    const run = await runToEnd({
      id: setup.machine.id,
      checks: [
        { checkId: 'memory.pressure', params: { warnAbovePercent: 100, failAbovePercent: 100 } },
        {
          checkId: 'disk.free',
          params: { path: '/', warnBelowPercent: 100, failBelowPercent: 100 },
        },
        { checkId: 'tcp.port', params: { host: '127.0.0.1', port: setup.agent.port } },
      ],
    });
    expect(run).toMatchObject({
      machineId: setup.machine.id,
      transport: 'agent-https',
      state: 'done',
    });
    expect(run.checks.map(({ result }) => [result?.checkId, result?.status, result?.code])).toEqual(
      [
        ['memory.pressure', 'pass', 'memory.pressure.ok'],
        ['disk.free', 'fail', 'disk.free.critical'],
        ['tcp.port', 'pass', 'tcp.port.open'],
      ],
    );
    const [row] = await setup.desk.db.selectFrom('machines').select('lastContactAt').execute();
    expect(row?.lastContactAt).not.toBeNull();
  });

  it('hears of each check as it happens', async () => {
    const events: CheckRunEvent[] = [];
    const memory = { warnAbovePercent: 85, failAbovePercent: 95 };
    await setup.desk.machines.runChecks(
      setup.machine.id,
      [{ checkId: 'memory.pressure', params: memory }],
      (event) => {
        events.push(CheckRunEventSchema.parse(event));
      },
    );
    expect(events.map((event) => event.type)).toEqual(['accepted', 'started', 'result', 'done']);
  });

  it('runs checks on this computer in-process', async () => {
    const run = await runToEnd({
      id: 'local',
      checks: [
        { checkId: 'memory.pressure', params: { warnAbovePercent: 100, failAbovePercent: 100 } },
      ],
    });
    const here = await setup.desk.call('machines.get', { id: 'local' });
    expect(run).toMatchObject({ machineId: here.id, transport: 'local', state: 'done' });
    expect(resultsOf(run)[0]).toMatchObject({ checkId: 'memory.pressure', status: 'pass' });
  });

  it('refuses bad parameters before contacting the machine, naming the field', async () => {
    const error = await callError(
      setup.desk.call('machines.startChecks', {
        id: setup.machine.id,
        checks: [
          { checkId: 'disk.free' },
          { checkId: 'tcp.port', params: { host: '$(touch /tmp/x)', port: 22 } },
        ],
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.issues?.map((issue) => issue.path)).toContain('checks.1.params.host');
    const unknown = await callError(
      setup.desk.call('machines.startChecks', {
        id: setup.machine.id,
        checks: [{ checkId: 'shell.exec' } as never],
      }),
    );
    expect(unknown.code).toBe('validation');
  });

  it('refuses to run checks when the agent presents another certificate than the pinned one', async () => {
    const other = await loadOrCreateIdentity(`${setup.desk.dataDir}/other-agent`);
    await setup.desk.db
      .updateTable('machines')
      .set({ certPem: other.certPem, fingerprint: other.fingerprint })
      .where('id', '=', setup.machine.id)
      .execute();
    const run = await runToEnd({ id: setup.machine.id, checks: [{ checkId: 'memory.pressure' }] });
    expect(run.state).toBe('failed');
    expect(run.error?.code).toBe('certificate_mismatch');
    expect(resultsOf(run)).toEqual([null]);
  });
});
