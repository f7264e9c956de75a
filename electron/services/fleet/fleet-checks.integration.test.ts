import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckRunSchema,
  checkQueueConsumer,
  FLEET_CHECK_KIND,
  FLEET_CHECK_STREAMS,
  FleetCheckReplySchema,
  fleetSubjects,
  type AnalystRole,
  type CheckRunEvent,
  type FleetCheckReply,
} from '@deskside/core';
import { CheckResponder } from '../../../agent/src/fleet/check-responder';
import { CheckRunner } from '../../../agent/src/checks/runner';
import { catalogChecks, type RunnableCheck } from '../../../agent/src/checks/registry';
import { eventuallyFound, QUICK_FLEET_CHECKS } from '#test/helpers/fleet-agent';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import {
  connectTestAgent,
  connectTestConsole,
  permissionViolations,
  startNatsServer,
  type TestNatsServer,
} from '#test/helpers/nats';
import { checkRunEvidence } from '../tickets/evidence';
import { FleetAuthority } from './fleet-authority';
import { ensureFleetCheckStreams, FleetChecks, type FleetScatterProgress } from './fleet-checks';

// Checks over NATS on a real nats-server (127.0.0.1), with agents' check responders in this
// process running the catalog's real checks through the agent's runner.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;
const connections: NatsConnection[] = [];
const responders: CheckResponder[] = [];
let desk: TestConsole | undefined;

/** The catalog's checks with `memory.pressure` held back `delayMs` first (a slow laptop). */
function slowedChecks(delayMs: number): Map<string, RunnableCheck> {
  const checks = catalogChecks();
  const original = checks.get('memory.pressure')!;
  checks.set('memory.pressure', {
    definition: original.definition,
    run: async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return original.run(...args);
    },
  });
  return checks;
}

async function startAgent(
  agentId = randomUUID(),
  options: { slowMs?: number; remember?: number } = {},
) {
  const { nc } = await connectTestAgent(server, authority, dir, agentId);
  connections.push(nc);
  const runner = new CheckRunner(
    options.slowMs === undefined ? {} : { checks: slowedChecks(options.slowMs) },
  );
  const responder = new CheckResponder({
    connection: nc,
    agentId,
    runner,
    ...(options.remember === undefined ? {} : { remember: options.remember }),
  });
  await responder.start();
  responders.push(responder);
  return { agentId, nc, responder, refused: permissionViolations(nc) };
}

async function consoleConnection(role: AnalystRole, consoleId: string) {
  const nc = await connectTestConsole(server, authority, role, consoleId);
  connections.push(nc);
  return { nc, refused: permissionViolations(nc) };
}

async function fleetChecks(
  role: AnalystRole,
  extra: Partial<ConstructorParameters<typeof FleetChecks>[0]> = {},
) {
  const consoleId = `${role}-${randomUUID().slice(0, 8)}`;
  const { nc, refused } = await consoleConnection(role, consoleId);
  return { checks: new FleetChecks({ connection: nc, consoleId, role, ...extra }), nc, refused };
}

/** Sends raw bytes as a check request to `agentId` and returns its reply. */
async function rawRequest(
  nc: NatsConnection,
  agentId: string,
  body: unknown,
): Promise<FleetCheckReply> {
  const data =
    typeof body === 'string' ? encoder.encode(body) : encoder.encode(JSON.stringify(body));
  const reply = await nc.request(fleetSubjects.agentRequest(agentId, FLEET_CHECK_KIND), data, {
    timeout: 5_000,
  });
  return FleetCheckReplySchema.parse(JSON.parse(decoder.decode(reply.data)));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-checks-'));
  authority = FleetAuthority.create('test-desk');
  server = await startNatsServer(authority);
  const admin = await consoleConnection('admin', 'admin-console');
  await ensureFleetCheckStreams(admin.nc, 60 * 60_000);
  expect(admin.refused).toEqual([]);
});

afterAll(async () => {
  await Promise.all(responders.map((responder) => responder.stop()));
  await Promise.all(connections.map((nc) => nc.close()));
  await desk?.dispose();
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('checks over NATS on a real nats-server', () => {
  it('an analyst runs checks on one agent and gets results in the shape of a check run', async () => {
    const laptop = await startAgent();
    const analyst = await fleetChecks('analyst', { machineName: () => 'Laptop of Joost' });
    const outcome = await analyst.checks.ask(laptop.agentId, [...QUICK_FLEET_CHECKS], {
      timeoutMs: 10_000,
    });
    expect(outcome.state).toBe('done');
    const run = CheckRunSchema.parse(outcome.run);
    expect(run).toMatchObject({
      machineId: laptop.agentId,
      machineName: 'Laptop of Joost',
      transport: 'nats',
      state: 'done',
    });
    expect(run.checks.map((check) => check.result?.code)).toEqual([
      'memory.pressure.ok',
      'fs.writable.ok',
    ]);
    expect(checkRunEvidence(run)).toMatchObject({ kind: 'checks', transport: 'nats' });
    expect(laptop.responder.ran).toBe(2);
    expect(analyst.refused).toEqual([]);
    expect(laptop.refused).toEqual([]);
  });

  it('a lead asks 20 agents at once: progress, partial results and a per-agent timeout for the slow one', async () => {
    const agents = await Promise.all(Array.from({ length: 19 }, () => startAgent()));
    const slow = await startAgent(randomUUID(), { slowMs: 4_000 });
    const lead = await fleetChecks('lead');
    const progress: FleetScatterProgress[] = [];
    const events: { agentId: string; event: CheckRunEvent }[] = [];
    const result = await lead.checks.scatter(
      [...agents.map((agent) => agent.agentId), slow.agentId],
      [...QUICK_FLEET_CHECKS],
      {
        perAgentTimeoutMs: 2_000,
        onProgress: (item) => progress.push(item),
        onCheckEvent: (agentId, event) => events.push({ agentId, event }),
      },
    );
    expect(result.sentAs).toBe('fleet');
    expect(result.asked).toBe(20);
    expect(result.cancelled).toBe(false);
    const inState = (state: string) =>
      result.outcomes
        .filter((outcome) => outcome.state === state)
        .map((outcome) => outcome.agentId);
    expect(inState('done')).toHaveLength(19);
    expect(inState('timeout')).toEqual([slow.agentId]);
    expect(progress.map((item) => item.answered)).toEqual(
      Array.from({ length: 19 }, (_, i) => i + 1),
    );
    expect(progress.every((item) => item.asked === 20)).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(1_900);
    expect(result.durationMs).toBeLessThan(3_900);
    // Each agent streamed its checks' progress, the slow one included.
    // (The slow one's run, stopped at its deadline, may end just as the console stops listening.)
    const finished = new Set(
      events.filter((item) => item.event.type === 'done').map((item) => item.agentId),
    );
    expect(agents.filter((agent) => !finished.has(agent.agentId))).toEqual([]);
    expect(
      events.some((item) => item.agentId === slow.agentId && item.event.type === 'accepted'),
    ).toBe(true);
    expect(lead.refused).toEqual([]);
  });

  it('an analyst asks each agent of a selection in turn (no fleet-wide subject for analysts)', async () => {
    const agents = await Promise.all(Array.from({ length: 4 }, () => startAgent()));
    const analyst = await fleetChecks('analyst');
    const result = await analyst.checks.scatter(
      agents.map((agent) => agent.agentId),
      [QUICK_FLEET_CHECKS[1]],
      {
        perAgentTimeoutMs: 5_000,
      },
    );
    expect(result.sentAs).toBe('per-agent');
    expect(result.outcomes.map((outcome) => outcome.state)).toEqual([
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(analyst.refused).toEqual([]);
  });

  it('cancelling a scatter keeps what came and stops waiting at once', async () => {
    const quick = await Promise.all(Array.from({ length: 17 }, () => startAgent()));
    const slow = await Promise.all(
      Array.from({ length: 3 }, () => startAgent(randomUUID(), { slowMs: 5_000 })),
    );
    const lead = await fleetChecks('lead');
    const controller = new AbortController();
    const result = await lead.checks.scatter(
      [...quick, ...slow].map((agent) => agent.agentId),
      [...QUICK_FLEET_CHECKS],
      {
        perAgentTimeoutMs: 20_000,
        signal: controller.signal,
        onProgress: ({ answered }) => {
          if (answered === 17) controller.abort();
        },
      },
    );
    expect(result.cancelled).toBe(true);
    expect(result.durationMs).toBeLessThan(4_000);
    expect(result.outcomes.filter((outcome) => outcome.state === 'done')).toHaveLength(17);
    expect(
      result.outcomes
        .filter((outcome) => outcome.state === 'cancelled')
        .map((outcome) => outcome.agentId),
    ).toEqual(slow.map((agent) => agent.agentId));
  });

  it('malformed, expired and repeated requests are refused without running anything', async () => {
    const laptop = await startAgent();
    const { nc } = await consoleConnection('analyst', 'raw-console');
    const deadline = new Date(Date.now() + 60_000).toISOString();
    const notJson = await rawRequest(nc, laptop.agentId, '{checks: nope');
    expect(notJson).toMatchObject({
      type: 'refused',
      code: 'invalid',
      requestId: null,
      agentId: laptop.agentId,
    });
    const unknownCheck = await rawRequest(nc, laptop.agentId, {
      requestId: randomUUID(),
      deadline,
      checks: [{ checkId: 'rm.rf' }],
    });
    expect(unknownCheck).toMatchObject({ type: 'refused', code: 'invalid' });
    const badParams = await rawRequest(nc, laptop.agentId, {
      requestId: randomUUID(),
      deadline,
      checks: [{ checkId: 'memory.pressure', params: { warnAbovePercent: 'lots' } }],
    });
    if (badParams.type !== 'refused') throw new Error('expected a refusal');
    expect(badParams.issues?.[0]?.path).toBe('checks.0.params.warnAbovePercent');
    const noDeadline = await rawRequest(nc, laptop.agentId, {
      requestId: randomUUID(),
      checks: [QUICK_FLEET_CHECKS[1]],
    });
    expect(noDeadline).toMatchObject({ type: 'refused', code: 'invalid' });
    const extraField = await rawRequest(nc, laptop.agentId, {
      requestId: randomUUID(),
      deadline,
      checks: [QUICK_FLEET_CHECKS[1]],
      command: 'shutdown -h now',
    });
    expect(extraField).toMatchObject({ type: 'refused', code: 'invalid' });
    const expired = await rawRequest(nc, laptop.agentId, {
      requestId: randomUUID(),
      deadline: new Date(Date.now() - 1_000).toISOString(),
      checks: [QUICK_FLEET_CHECKS[1]],
    });
    expect(expired).toMatchObject({ type: 'refused', code: 'expired' });
    expect(laptop.responder.ran).toBe(0);

    const requestId = randomUUID();
    const once = await rawRequest(nc, laptop.agentId, {
      requestId,
      deadline,
      checks: [QUICK_FLEET_CHECKS[1]],
    });
    expect(once.type).toBe('results');
    const twice = await rawRequest(nc, laptop.agentId, {
      requestId,
      deadline,
      checks: [QUICK_FLEET_CHECKS[1]],
    });
    expect(twice).toMatchObject({ type: 'refused', code: 'duplicate', requestId });
    expect(laptop.responder.ran).toBe(1);
  });

  it('remembers a bounded number of request ids, the oldest forgotten first', async () => {
    const { agentId, responder } = await startAgent(randomUUID(), { remember: 2 });
    const { nc } = await consoleConnection('analyst', 'bounded-console');
    const deadline = new Date(Date.now() + 60_000).toISOString();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const requestId of ids) {
      const reply = await rawRequest(nc, agentId, {
        requestId,
        deadline,
        checks: [QUICK_FLEET_CHECKS[1]],
      });
      expect(reply.type).toBe('results');
    }
    // The last two are remembered; the first was forgotten to keep the set at two.
    const again = await rawRequest(nc, agentId, {
      requestId: ids[2],
      deadline,
      checks: [QUICK_FLEET_CHECKS[1]],
    });
    expect(again).toMatchObject({ type: 'refused', code: 'duplicate' });
    const forgotten = await rawRequest(nc, agentId, {
      requestId: ids[0],
      deadline,
      checks: [QUICK_FLEET_CHECKS[1]],
    });
    expect(forgotten.type).toBe('results');
    expect(responder.ran).toBe(4);
  });

  it('a check for an offline agent waits in the queue, runs when it connects and lands on the ticket', async () => {
    desk = await openTestConsole();
    const ticket = await desk.call('tickets.create', {
      requester: 'Joost',
      channel: 'phone',
      summary: 'Laptop slow when away from the office',
      machineId: null,
    });
    const tickets = desk.tickets;
    const analyst = await fleetChecks('analyst', {
      machineName: () => 'Away laptop',
      attach: async (ticketId, run) => {
        await tickets.attachEvidence(ticketId, checkRunEvidence(run), 'ana.lyst');
      },
    });
    const awayId = randomUUID();
    // Its identity exists, but it is not connected: nobody answers.
    const asked = await analyst.checks.askOrQueue(awayId, [...QUICK_FLEET_CHECKS], {
      timeoutMs: 500,
      ticketId: ticket.id,
    });
    expect(asked.outcome.state).toBe('timeout');
    expect(asked.queued).toMatchObject({ agentId: awayId, ticketId: ticket.id, state: 'waiting' });
    expect(analyst.checks.queued().map((item) => [item.requestId, item.state])).toEqual([
      [asked.queued!.requestId, 'waiting'],
    ]);
    expect(await analyst.checks.collectResults()).toBe(0);

    // The laptop comes back: it takes what waited for it and publishes the results.
    const away = await startAgent(awayId);
    expect(await away.responder.drainQueue()).toBe(1);
    expect(await away.responder.drainQueue()).toBe(0);
    expect(away.responder.ran).toBe(2);
    expect(away.refused).toEqual([]);

    await eventuallyFound(
      async () => ((await analyst.checks.collectResults()) > 0 ? true : null),
      'the queued results',
    );
    const [settled] = analyst.checks.queued();
    expect(settled).toMatchObject({ state: 'done', problem: null });
    const detail = await desk.call('tickets.get', { id: ticket.id });
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({
      kind: 'checks',
      machineId: awayId,
      machineName: 'Away laptop',
      transport: 'nats',
    });
    if (detail.evidence[0]?.kind !== 'checks') throw new Error('expected check results');
    expect(detail.evidence[0].content.results.map((result) => result.code)).toEqual([
      'memory.pressure.ok',
      'fs.writable.ok',
    ]);
  });

  it("an agent cannot consume another agent's queue", async () => {
    const analyst = await fleetChecks('analyst');
    const victimId = randomUUID();
    const queued = await analyst.checks.queue(victimId, [QUICK_FLEET_CHECKS[1]]);
    const intruder = await startAgent();
    const stream = FLEET_CHECK_STREAMS.queue.name;
    // Fetching from the victim's consumer, and making a consumer of its own on the victim's
    // subject: both refused by the server.
    await expect(
      intruder.nc.request(
        `$JS.API.CONSUMER.MSG.NEXT.${stream}.${checkQueueConsumer(victimId)}`,
        encoder.encode(JSON.stringify({ batch: 1, no_wait: true })),
        { timeout: 1_500 },
      ),
    ).rejects.toThrow();
    await expect(
      intruder.nc.request(
        `$JS.API.CONSUMER.CREATE.${stream}.stolen.${fleetSubjects.queuedCheck(victimId)}`,
        encoder.encode(
          JSON.stringify({
            stream_name: stream,
            config: {
              durable_name: 'stolen',
              filter_subject: fleetSubjects.queuedCheck(victimId),
              ack_policy: 'explicit',
            },
          }),
        ),
        { timeout: 1_500 },
      ),
    ).rejects.toThrow();
    await eventuallyFound(
      () => Promise.resolve(intruder.refused.length >= 2 ? true : null),
      'two refusals',
    );
    expect(intruder.refused.map((error) => error.operation)).toEqual(['publish', 'publish']);
    // Its own (empty) queue is fine, and the victim's check still waits for the victim.
    expect(await intruder.responder.drainQueue()).toBe(0);
    const victim = await startAgent(victimId);
    expect(await victim.responder.drainQueue()).toBe(1);
    expect(intruder.responder.ran).toBe(0);
    expect(queued.state).toBe('waiting');
  });
});
