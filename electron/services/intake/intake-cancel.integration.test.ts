import { afterAll, beforeAll, expect, it } from 'vitest';
import { IntakeScriptSchema, type IntakeScript } from '@deskside/core';
import { addAgent } from '#test/helpers/agent-console';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { followRun, followUntil } from '#test/helpers/check-runs';
import type { TestConsole } from '#test/helpers/console';
import { openConsoleOn } from '#test/helpers/stores';
import { t } from '#test/helpers/intake-scripts';

// A checks step cancelled half-way, against a real agent: the analyst goes on with what came
// back, and the script branches on those results alone.
let agent: RunningAgent;
let desk: TestConsole;

function slowScript(port: number): IntakeScript {
  return IntakeScriptSchema.parse({
    id: 'slow-and-port',
    version: 1,
    category: 'network',
    title: t('Slow and a port'),
    description: t('A quick check and a slow one.'),
    start: 'checks',
    steps: [
      {
        kind: 'checks',
        id: 'checks',
        prompt: t('Check the port and the processor.'),
        checks: [
          { checkId: 'tcp.port', params: { host: '127.0.0.1', port } },
          { checkId: 'cpu.load', params: { sampleMs: 5000 } },
        ],
        branches: [{ when: { checkId: 'tcp.port', code: ['tcp.port.open'] }, next: 'open' }],
        otherwise: 'nothing',
      },
      { kind: 'end', id: 'open', outcome: 'investigate', summary: t('The port is open.') },
      { kind: 'end', id: 'nothing', outcome: 'escalate', summary: t('Nothing came back.') },
    ],
  });
}

beforeAll(async () => {
  agent = await startAgent();
  desk = await openConsoleOn('sqlite', { intakeScripts: [slowScript(agent.port)] });
});
afterAll(async () => {
  await desk.dispose();
  await agent.stop();
});

it('a cancelled checks step goes on with the results that had come back', async () => {
  const machine = await addAgent(desk, agent, 'Front desk PC');
  const { ticket } = await desk.call('intake.start', {
    scriptId: 'slow-and-port',
    requester: 'Visitor',
    machineId: machine.id,
    summary: 'Slow and offline',
    language: 'en',
  });
  const started = await desk.call('intake.runChecks', { ticketId: ticket.id, stepId: 'checks' });
  const halfway = await followUntil(desk, started, (run) => run.checks[0]?.state === 'done');
  expect(halfway.state).toBe('running');
  await desk.call('machines.cancelChecks', { runId: started.runId });
  const cancelled = (await followRun(desk, halfway)).at(-1)!;
  expect(cancelled.state).toBe('cancelled');
  expect(cancelled.checks.map((check) => check.result?.code ?? null)).toEqual([
    'tcp.port.open',
    null,
  ]);

  const recorded = await desk.call('intake.recordChecks', {
    ticketId: ticket.id,
    stepId: 'checks',
    runId: started.runId,
    language: 'en',
  });
  expect(recorded.session).toMatchObject({ current: null, outcome: 'investigate' });
  expect(recorded.session.path[0]?.checks).toEqual([
    { checkId: 'tcp.port', status: 'pass', code: 'tcp.port.open' },
  ]);
  const [evidence] = (await desk.call('tickets.get', { id: ticket.id })).evidence;
  expect(evidence).toMatchObject({ kind: 'checks', content: { state: 'cancelled' } });
});
