/**
 * Checks over NATS through the console's API, on SQLite and PostgreSQL: a real nats-server on
 * 127.0.0.1 and the real built agent in fleet mode. Online machines are asked, offline ones
 * get queued checks kept in the desk's database; their results are attached to the ticket
 * once, whichever of two consoles reads them; a scatter-gather over a selection.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRequestInput, FleetScatter } from '@deskside/core';
import { stopAllAgents } from '#test/helpers/agent-process';
import {
  addFleetMachine,
  eventuallyFound,
  fleetAgentFiles,
  startFleetAgent,
  startFleetTestServer,
} from '#test/helpers/fleet-agent';
import type { TestNatsServer } from '#test/helpers/nats';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { newPostgresDatabase, STORE_KINDS, type StoreKind } from '#test/helpers/stores';
import type { FleetAuthority } from './fleet-authority';

const QUICK: CheckRequestInput[] = [{ checkId: 'fs.writable' }];

let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;
const consoles: TestConsole[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-console-checks-'));
  ({ authority, server } = await startFleetTestServer('console-checks-desk'));
}, 60_000);

afterEach(async () => {
  await stopAllAgents();
  for (const desk of consoles.splice(0)) await desk.dispose();
});

afterAll(async () => {
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Two consoles on one desk (the same SQLite file, or one PostgreSQL database). */
async function twoConsoles(kind: StoreKind): Promise<[TestConsole, TestConsole]> {
  if (kind === 'postgres') {
    const databaseUrl = await newPostgresDatabase();
    const first = await openTestConsole({ databaseUrl });
    consoles.push(first);
    const second = await openTestConsole({ databaseUrl });
    consoles.push(second);
    return [first, second];
  }
  const dataDir = await mkdtemp(path.join(dir, 'desk-'));
  const first = await openTestConsole({ dataDir });
  consoles.push(first);
  const second = await openTestConsole({ dataDir });
  consoles.push(second);
  return [first, second];
}

/** Links a console to the fleet with credentials of its own (`role`). */
async function link(desk: TestConsole, role: 'analyst' | 'lead' = 'analyst'): Promise<void> {
  const consoleId = `console-${randomUUID().slice(0, 8)}`;
  const issued = await authority.issueConsole(consoleId, role);
  const credentialsFile = path.join(dir, `${consoleId}.creds`);
  await writeFile(credentialsFile, issued.creds, { mode: 0o600 });
  await desk.call('settings.update', { fleet: { servers: [server.url], credentialsFile } });
  await eventuallyFound(() => Promise.resolve(desk.fleet.linked || null), 'the console is linked');
}

function online(desk: TestConsole, machineId: string, yes = true) {
  return eventuallyFound(
    async () => {
      const list = await desk.call('machines.fleetPresence', {});
      return list.some((p) => p.machineId === machineId && p.online === yes) ? true : null;
    },
    `machine ${machineId} ${yes ? 'online' : 'offline'}`,
    20_000,
  );
}

describe.each(STORE_KINDS)('checks over NATS through the console on %s', (kind) => {
  it('asks an online machine, queues for an offline one, and attaches its result once', async () => {
    const [first, second] = await twoConsoles(kind);
    await link(first);
    await link(second);
    const machineId = randomUUID();
    await addFleetMachine(first.db, machineId, 'PC-QUEUE');
    const files = await fleetAgentFiles(server, authority, dir, machineId);
    const agent = await startFleetAgent(files);
    await online(first, machineId);

    const asked = await first.call('machines.fleetRunChecks', { machineId, checks: QUICK });
    expect(asked).toMatchObject({ via: 'asked', outcome: { state: 'done', agentId: machineId } });
    expect(asked.via === 'asked' && asked.outcome.run?.machineName).toBe('PC-QUEUE');
    expect(asked.via === 'asked' && asked.outcome.run?.transport).toBe('nats');
    // An answered run is attached to a ticket like any other run of checks.
    const earlier = await first.call('tickets.create', {
      requester: 'Joost',
      channel: 'phone',
      summary: 'Laptop slow',
      machineId,
    });
    const runId = asked.via === 'asked' ? (asked.outcome.run?.runId ?? '') : '';
    expect(
      await first.call('tickets.attachCheckRun', { ticketId: earlier.id, runId }),
    ).toMatchObject({ kind: 'checks', transport: 'nats', machineName: 'PC-QUEUE' });

    await agent.stop();
    await online(first, machineId, false);
    const ticket = await first.call('tickets.create', {
      requester: 'Joost',
      channel: 'phone',
      summary: 'Laptop away',
      machineId,
    });
    const queued = await first.call('machines.fleetRunChecks', {
      machineId,
      checks: QUICK,
      ticketId: ticket.id,
    });
    if (queued.via !== 'queued') throw new Error(`expected queued, got ${queued.via}`);
    expect(queued.queued).toMatchObject({
      machineId,
      ticketId: ticket.id,
      state: 'waiting',
      run: null,
    });
    expect(Date.parse(queued.queued.expiresAt)).toBeGreaterThan(Date.now());
    // Every console of the desk sees it waiting, from the database.
    expect(await second.call('machines.fleetQueuedChecks', { ticketId: ticket.id })).toEqual([
      queued.queued,
    ]);

    await startFleetAgent(files);
    const done = await eventuallyFound(
      async () => {
        const [item] = await second.call('machines.fleetQueuedChecks', { machineId });
        return item?.state === 'done' && item.evidenceId ? item : null;
      },
      'the queued check ran and was attached',
      30_000,
    );
    expect(done.run?.checks[0]?.result).toMatchObject({ checkId: 'fs.writable', status: 'pass' });
    expect(done.settledAt).not.toBeNull();

    // Both consoles kept collecting: the evidence is on the ticket once, by the queuing analyst.
    await Promise.all([first.fleet.collect(), second.fleet.collect()]);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const evidence = await first.db
      .selectFrom('evidence')
      .selectAll()
      .where('ticketId', '=', ticket.id)
      .execute();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      id: done.evidenceId,
      kind: 'checks',
      transport: 'nats',
      takenBy: done.queuedBy,
      machineId,
    });
  }, 120_000);

  it('keeps a queued check across a console restart', async () => {
    const [first, second] = await twoConsoles(kind);
    await link(first);
    const machineId = randomUUID();
    await addFleetMachine(first.db, machineId, 'PC-AWAY');
    // Never seen online: queued at once.
    const queued = await first.call('machines.fleetRunChecks', { machineId, checks: QUICK });
    expect(queued.via).toBe('queued');
    await first.dispose();
    consoles.splice(consoles.indexOf(first), 1);
    const [item] = await second.call('machines.fleetQueuedChecks', { machineId });
    expect(item).toMatchObject({ state: 'waiting', machineId });
    // An unlinked console reads the list but cannot ask.
    expect(
      (await callError(second.call('machines.fleetRunChecks', { machineId, checks: QUICK }))).code,
    ).toBe('machine_unreachable');
  }, 60_000);
});

describe('scatter-gather over a selection', () => {
  it('asks the selected machines, reports each as it answers, and can be cancelled', async () => {
    const [desk] = await twoConsoles('sqlite');
    await link(desk, 'lead');
    const ids = [randomUUID(), randomUUID()];
    await addFleetMachine(desk.db, ids[0]!, 'LAB-1');
    await addFleetMachine(desk.db, ids[1]!, 'LAB-2');
    for (const id of ids) await startFleetAgent(await fleetAgentFiles(server, authority, dir, id));
    for (const id of ids) await online(desk, id);

    const events: unknown[] = [];
    desk.events.subscribe((event) => events.push(event));
    const started = await desk.call('machines.fleetScatterStart', {
      selection: { kind: 'tag', tag: 'LAB-' },
      checks: QUICK,
      perAgentTimeoutMs: 5_000,
    });
    expect(started.machineIds).toEqual(ids);
    const ended = await eventuallyFound(async () => {
      const status = await desk.call('machines.fleetScatter', { id: started.id });
      return status.state === 'running' ? null : status;
    }, 'the scatter-gather ended');
    expect(ended.state).toBe('done');
    expect(ended.outcomes.map((o) => [o.agentId, o.state])).toEqual([
      [ids[0], 'done'],
      [ids[1], 'done'],
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'fleet.scatter', scatterId: started.id }),
    );

    // A machine that never answers: cancelled, with what came kept.
    const silent = randomUUID();
    await addFleetMachine(desk.db, silent, 'LAB-3');
    const silentFiles = await fleetAgentFiles(server, authority, dir, silent);
    const silentAgent = await startFleetAgent(silentFiles);
    await online(desk, silent);
    await silentAgent.stop();
    const slow: FleetScatter = await desk.call('machines.fleetScatterStart', {
      selection: { kind: 'all' },
      checks: QUICK,
      perAgentTimeoutMs: 60_000,
    });
    await eventuallyFound(async () => {
      const status = await desk.call('machines.fleetScatter', { id: slow.id });
      return status.outcomes.length >= 2 ? status : null;
    }, 'the two live agents answered');
    await desk.call('machines.fleetScatterCancel', { id: slow.id });
    const cancelled = await eventuallyFound(async () => {
      const status = await desk.call('machines.fleetScatter', { id: slow.id });
      return status.state === 'running' ? null : status;
    }, 'the scatter-gather was cancelled');
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.outcomes.find((o) => o.agentId === silent)?.state).toBe('cancelled');
    expect(cancelled.outcomes.filter((o) => o.state === 'done')).toHaveLength(2);

    expect(
      (
        await callError(
          desk.call('machines.fleetScatterStart', {
            selection: { kind: 'model', model: 'No Such Model' },
            checks: QUICK,
          }),
        )
      ).code,
    ).toBe('validation');
  }, 120_000);
});
