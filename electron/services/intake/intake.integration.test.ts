import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  IntakeEntryDataSchema,
  type IntakeScript,
  type Machine,
  type Person,
} from '@deskside/core';
import { addAgent } from '#test/helpers/agent-console';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { followRun } from '#test/helpers/check-runs';
import { callError, type TestConsole } from '#test/helpers/console';
import {
  newPostgresDatabase,
  openConsoleOn,
  STORE_KINDS,
  type StoreKind,
} from '#test/helpers/stores';
import { serviceDownScript, t } from '#test/helpers/intake-scripts';

// Taking a call with a script, against the real services on both stores and a real agent:
// the ticket is created when the call starts, every step is recorded into its timeline as it
// is taken, a checks step runs live checks and follows their results.
let agent: RunningAgent;
let closedPort: number;
const consoles: TestConsole[] = [];

/** A port nothing listens on (it was free a moment ago): connections to it are refused. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
    server.once('error', reject);
  });
}

/** A script whose checks step gives a known answer: one port open, one refused. */
function portScript(openPort: number, refusedPort: number): IntakeScript {
  return serviceDownScript('ports', [
    {
      kind: 'checks',
      id: 'ports',
      prompt: t('Check the service’s ports from the caller’s computer.'),
      checks: [
        { checkId: 'tcp.port', params: { host: '127.0.0.1', port: openPort } },
        { checkId: 'tcp.port', params: { host: '127.0.0.1', port: refusedPort } },
      ],
      branches: [{ when: { checkId: 'tcp.port', code: ['tcp.port.refused'] }, next: 'blocked' }],
      otherwise: 'all-open',
    },
    { kind: 'end', id: 'all-open', outcome: 'investigate', summary: t('Ports open.') },
    { kind: 'end', id: 'blocked', outcome: 'escalate', summary: t('A port is blocked.') },
  ]);
}

beforeAll(async () => {
  agent = await startAgent();
  closedPort = await unusedPort();
});
afterAll(async () => {
  await agent.stop();
});
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((desk) => desk.dispose()));
});

async function openDesk(kind: StoreKind, databaseUrl?: string) {
  const desk = await openConsoleOn(kind, {
    intakeScripts: [portScript(agent.port, closedPort)],
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  consoles.push(desk);
  return desk;
}

async function withCaller(desk: TestConsole): Promise<{ person: Person; machine: Machine }> {
  const machine = await addAgent(desk, agent, 'Finance laptop');
  const person = await desk.call('people.create', {
    name: 'Eleni Papadopoulou',
    department: 'Finance',
    machines: [{ name: 'Finance laptop', machineId: machine.id }],
  });
  return { person, machine };
}

const startCall = (desk: TestConsole, person: Person, machineId: string | null) =>
  desk.call('intake.start', {
    scriptId: 'service-down',
    requesterId: person.id,
    machineId,
    summary: 'The invoicing service does not open',
    language: 'nl',
  });

const intakeEntries = async (desk: TestConsole, ticketId: number) =>
  (await desk.call('tickets.get', { id: ticketId })).timeline.filter(
    (entry) => IntakeEntryDataSchema.safeParse(entry.data).success,
  );

describe.each(STORE_KINDS)('a call taken with a script on %s', (kind) => {
  it('starts a ticket for the caller and their machine, and records each answer as given', async () => {
    const desk = await openDesk(kind);
    const { person, machine } = await withCaller(desk);
    const started = await startCall(desk, person, machine.id);
    expect(started.ticket).toMatchObject({
      requester: 'Eleni Papadopoulou',
      requesterId: person.id,
      machineId: machine.id,
      channel: 'phone',
      category: 'network',
      status: 'new',
      description: 'A business service does not answer. (nl)',
    });
    expect(started.session).toMatchObject({ scriptId: 'service-down', current: 'reach', path: [] });
    const [first] = await intakeEntries(desk, started.ticket.id);
    expect(first).toMatchObject({
      kind: 'call',
      body: 'Gespreksintake gestart met het script “Service down (nl)”',
      data: { direction: 'inbound', intake: { started: { machineId: machine.id } } },
    });

    const answered = await desk.call('intake.answer', {
      ticketId: started.ticket.id,
      stepId: 'reach',
      choiceId: 'no',
      language: 'fr',
    });
    expect(answered.session.current).toBe('ports');
    const entries = await intakeEntries(desk, started.ticket.id);
    expect(entries.map((entry) => entry.body)).toEqual([
      first?.body,
      'Does the service open? (fr) → No (fr)',
    ]);

    // The same step answered again (a second window) is refused; so is an answer to checks.
    const twice = await callError(
      desk.call('intake.answer', {
        ticketId: started.ticket.id,
        stepId: 'reach',
        choiceId: 'yes',
        language: 'en',
      }),
    );
    expect(twice.code).toBe('conflict');
    const unknown = await callError(
      desk.call('intake.answer', {
        ticketId: started.ticket.id,
        stepId: 'ports',
        choiceId: 'maybe',
        language: 'en',
      }),
    );
    expect(unknown.code).toBe('conflict');
    expect(await intakeEntries(desk, started.ticket.id)).toHaveLength(2);
  });

  it('runs the checks step on the caller’s machine and follows the branch of its results', async () => {
    const desk = await openDesk(kind);
    const { person, machine } = await withCaller(desk);
    const { ticket } = await startCall(desk, person, machine.id);
    await desk.call('intake.answer', {
      ticketId: ticket.id,
      stepId: 'reach',
      choiceId: 'no',
      language: 'en',
    });
    const run = await desk.call('intake.runChecks', { ticketId: ticket.id, stepId: 'ports' });
    expect(run.machineId).toBe(machine.id);
    const ended = (await followRun(desk, run)).at(-1)!;
    expect(ended.checks.map((check) => check.result?.code)).toEqual([
      'tcp.port.open',
      'tcp.port.refused',
    ]);
    const recorded = await desk.call('intake.recordChecks', {
      ticketId: ticket.id,
      stepId: 'ports',
      runId: run.runId,
      language: 'en',
    });
    // One port refused: the branch to "blocked", which ends the script with an escalation.
    expect(recorded.session).toMatchObject({ current: null, outcome: 'escalate' });
    expect(recorded.session.path.at(-1)?.checks).toEqual([
      { checkId: 'tcp.port', status: 'pass', code: 'tcp.port.open' },
      { checkId: 'tcp.port', status: 'fail', code: 'tcp.port.refused' },
    ]);
    const detail = await desk.call('tickets.get', { id: ticket.id });
    const entry = detail.timeline.findLast((e) => e.kind === 'call');
    const evidenceId = IntakeEntryDataSchema.parse(entry?.data).intake.evidenceId;
    expect(detail.evidence.map((e) => [e.id, e.kind])).toEqual([[evidenceId, 'checks']]);
    expect(entry?.body).toContain('tcp.port: fail (tcp.port.refused)');
  });

  it('goes on without checks when they cannot run, and refuses runs of another call', async () => {
    const desk = await openDesk(kind);
    const { person, machine } = await withCaller(desk);
    const withMachine = await startCall(desk, person, machine.id);
    const without = await startCall(desk, person, null);
    for (const { ticket } of [withMachine, without]) {
      await desk.call('intake.answer', {
        ticketId: ticket.id,
        stepId: 'reach',
        choiceId: 'no',
        language: 'en',
      });
    }
    const noMachine = await callError(
      desk.call('intake.runChecks', { ticketId: without.ticket.id, stepId: 'ports' }),
    );
    expect(noMachine.code).toBe('validation');
    const notHere = await callError(
      desk.call('intake.runChecks', { ticketId: withMachine.ticket.id, stepId: 'reach' }),
    );
    expect(notHere.code).toBe('conflict');

    const run = await desk.call('intake.runChecks', {
      ticketId: withMachine.ticket.id,
      stepId: 'ports',
    });
    await followRun(desk, run);
    const stolen = await callError(
      desk.call('intake.recordChecks', {
        ticketId: without.ticket.id,
        stepId: 'ports',
        runId: run.runId,
        language: 'en',
      }),
    );
    expect(stolen.code).toBe('validation');

    const skipped = await desk.call('intake.recordChecks', {
      ticketId: without.ticket.id,
      stepId: 'ports',
      runId: null,
      language: 'en',
    });
    expect(skipped.session).toMatchObject({ current: null, outcome: 'investigate' });
    expect((await desk.call('tickets.get', { id: without.ticket.id })).evidence).toEqual([]);
  });

  it('escalates from any step with the recorded path, and the call survives a restart', async () => {
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : undefined;
    const desk = await openDesk(kind, databaseUrl);
    const { person, machine } = await withCaller(desk);
    const { ticket } = await startCall(desk, person, machine.id);
    const answered = await desk.call('intake.answer', {
      ticketId: ticket.id,
      stepId: 'reach',
      choiceId: 'no',
      language: 'en',
    });
    const stale = await callError(
      desk.call('intake.escalate', {
        ticketId: ticket.id,
        expectedVersion: answered.ticket.version + 1,
        tier: 'tier2',
        language: 'en',
      }),
    );
    expect(stale.code).toBe('stale_version');

    const escalated = await desk.call('intake.escalate', {
      ticketId: ticket.id,
      expectedVersion: answered.ticket.version,
      tier: 'tier2',
      groupId: 'workplace',
      note: 'Caller needs it for the month-end run.',
      language: 'nl',
    });
    expect(escalated.ticket).toMatchObject({ tier: 'tier2', groupId: 'workplace' });
    // Mid-call: the script itself goes on at the checks step.
    expect(escalated.session.current).toBe('ports');
    const entry = (await desk.call('tickets.get', { id: ticket.id })).timeline.at(-1);
    expect(entry?.kind).toBe('escalation');
    expect(entry?.body).toBe(
      [
        'Caller needs it for the month-end run.',
        '',
        'Gevolgd pad tijdens het gesprek (Service down (nl)):',
        '1. Does the service open? (nl) → No (nl)',
      ].join('\n'),
    );
    expect(entry?.data).toMatchObject({
      toTier: 'tier2',
      intake: { scriptId: 'service-down', path: [{ stepId: 'reach', choiceId: 'no' }] },
    });

    // Another console on the same store (or this one restarted) picks the call up where it is.
    const again =
      kind === 'sqlite'
        ? await openConsoleOn('sqlite', {
            dataDir: desk.dataDir,
            intakeScripts: [portScript(agent.port, closedPort)],
          })
        : await openDesk(kind, databaseUrl);
    if (kind === 'sqlite') consoles.push(again);
    const resumed = await again.call('intake.get', { ticketId: ticket.id });
    expect(resumed.session).toEqual(escalated.session);
  });

  it('refuses a ticket that was not a call taken with a script', async () => {
    const desk = await openDesk(kind);
    const plain = await desk.call('tickets.create', {
      requester: 'Joost',
      channel: 'email',
      summary: 'Mailbox full',
    });
    expect((await callError(desk.call('intake.get', { ticketId: plain.id }))).code).toBe(
      'not_found',
    );
    const unknownScript = await callError(
      desk.call('intake.start', {
        scriptId: 'no-such-script',
        requester: 'Joost',
        summary: 'x',
        language: 'en',
      }),
    );
    expect(unknownScript.code).toBe('not_found');
  });
});
