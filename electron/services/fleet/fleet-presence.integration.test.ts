/**
 * Fleet presence end to end: a real nats-server on 127.0.0.1, the real built agent serving
 * with fleet credentials, and a console's FleetLink on a real desk (SQLite). The presence
 * bucket keeps keys 3 s and agents beat every second, so "offline" comes quickly.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { FLEET_BUCKETS } from '@deskside/core';
import { connectFleet } from '../../../agent/src/fleet/connect';
import { stopAllAgents } from '#test/helpers/agent-process';
import { addFleetMachine, fleetAgentFiles, startFleetAgent } from '#test/helpers/fleet-agent';
import { openConsoleOn } from '#test/helpers/stores';
import type { TestConsole } from '#test/helpers/console';
import { eventually } from '#test/helpers/eventually';
import { connectTestConsole, startNatsServer, type TestNatsServer } from '#test/helpers/nats';
import { InventoryHistoryService } from '../machines/inventory-history';
import { FleetAuthority } from './fleet-authority';
import { FleetLink } from './fleet-link';
import { ensureFleetStorage } from './fleet-storage';

const PRESENCE_TTL_MS = 3_000;

let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;
let desk: TestConsole;
let link: FleetLink | null = null;
const problems: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-presence-'));
  authority = FleetAuthority.create('presence-desk');
  server = await startNatsServer(authority);
  // An administrator's console makes the buckets and streams; a second run changes nothing.
  const adminNc = await connectTestConsole(server, authority, 'admin', 'admin-console');
  expect(await ensureFleetStorage(adminNc, { presenceTtlMs: PRESENCE_TTL_MS })).toEqual([
    'deskside-presence',
    'deskside-inventory',
    'DESKSIDE_INVENTORY',
    'DESKSIDE_HELP',
    'DESKSIDE_HELP_QUEUE',
    'DESKSIDE_CHECK_QUEUE',
    'DESKSIDE_CHECK_RESULTS',
  ]);
  expect(await ensureFleetStorage(adminNc, { presenceTtlMs: PRESENCE_TTL_MS })).toEqual([]);
  await adminNc.close();

  desk = await openConsoleOn('sqlite');
  const analyst = await authority.issueConsole('desk-console', 'analyst');
  const consoleCreds = path.join(dir, 'console.creds');
  await writeFile(consoleCreds, analyst.creds, { mode: 0o600 });
  link = await FleetLink.start(
    { servers: [server.url], credentialsFile: consoleCreds },
    {
      db: desk.db,
      history: new InventoryHistoryService(desk.db, 'fleet'),
      onProblem: (message) => problems.push(message),
    },
  );
}, 60_000);

afterAll(async () => {
  await stopAllAgents();
  await link?.stop();
  await (desk as TestConsole | undefined)?.dispose();
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fleet presence over a real nats-server', () => {
  it('without fleet settings no link is made', async () => {
    expect(
      await FleetLink.start(null, {
        db: desk.db,
        history: new InventoryHistoryService(desk.db, 'fleet'),
      }),
    ).toBeNull();
  });

  it('an agent shows online with its inventory, offline after the TTL, and online again', async () => {
    const machineId = randomUUID();
    await addFleetMachine(desk.db, machineId, `PC-${machineId.slice(0, 4)}`);
    const files = await fleetAgentFiles(server, authority, dir, machineId);
    const changes: string[][] = [];
    link!.onChange((ids) => changes.push(ids));

    const agent = await startFleetAgent(files);
    const online = await eventually(
      () => link!.presenceOf(machineId),
      (p) => p?.online === true,
      'the agent shows online',
    );
    expect(online?.presence).toMatchObject({
      hostName: os.hostname(),
      os: { platform: process.platform, arch: process.arch },
      intervalSeconds: 1,
    });
    expect(changes.flat()).toContain(machineId);

    // Its inventory arrives over the stream and is kept in the desk's history.
    const history = new InventoryHistoryService(desk.db, 'fleet');
    const snapshots = await eventually(
      () => history.list(machineId),
      (list) => list.length > 0,
      'the inventory is recorded',
      60_000,
    );
    expect(snapshots[0]?.source).toBe('agent');
    expect(agent.stdout()).toMatch(/fleet: connected/);

    // Killed without a word (a laptop's lid shut): offline once the key expires.
    const lastSeen = link!.presenceOf(machineId)?.lastSeenAt;
    process.kill(agent.pid, 'SIGKILL');
    const offline = await eventually(
      () => link!.presenceOf(machineId),
      (p) => p?.online === false,
      'the agent shows offline',
      PRESENCE_TTL_MS * 4,
    );
    expect(offline?.lastSeenAt).not.toBeNull();
    expect(Date.parse(offline!.lastSeenAt!)).toBeGreaterThanOrEqual(Date.parse(lastSeen!));
    await agent.stop();

    // Back again, then stopped cleanly: its key is deleted, offline at once.
    const again = await startFleetAgent(files);
    await eventually(
      () => link!.presenceOf(machineId),
      (p) => p?.online === true,
      'the agent shows online again',
    );
    await again.stop();
    // Sooner than the key could have expired (its last heartbeat is at most 1 s old).
    await eventually(
      () => link!.presenceOf(machineId),
      (p) => p?.online === false,
      'the stopped agent shows offline at once',
      1_500,
    );
    expect(again.stdout()).toMatch(/fleet: inventory sent/);
    expect(problems).toEqual([]);
    await rm(files.dataDir, { recursive: true, force: true });
  }, 120_000);

  it("an agent cannot make another machine show online by putting that machine's key", async () => {
    const victim = randomUUID();
    const forger = randomUUID();
    await addFleetMachine(desk.db, victim, `PC-${victim.slice(0, 4)}`);
    const files = await fleetAgentFiles(server, authority, dir, forger);
    const { connection } = await connectFleet({
      servers: [server.url],
      credentialsFile: path.join(files.dataDir, 'fleet.creds'),
      reconnect: false,
    });
    try {
      const bucket = await new Kvm(jetstream(connection, { checkAPI: false })).open(
        FLEET_BUCKETS.presence,
        { allow_direct: true },
      );
      const forged = JSON.stringify({
        agentVersion: '9.9.9',
        hostName: 'forged',
        os: { platform: 'linux', release: '6', arch: 'x64' },
        startedAt: new Date().toISOString(),
        sentAt: new Date().toISOString(),
        intervalSeconds: 1,
      });
      await expect(bucket.put(victim, forged, { timeout: 1_000 })).rejects.toThrow();
      // Its own key, with the forged value, does arrive: under its own id only.
      await bucket.put(forger, forged);
      await eventually(
        () => link!.presenceOf(forger),
        (p) => p?.online === true,
        "the forger's own key arrives",
      );
      expect(link!.presenceOf(victim)).toBeNull();
      expect(link!.presence().filter((p) => p.presence?.hostName === 'forged')).toEqual([
        expect.objectContaining({ machineId: forger }),
      ]);
    } finally {
      await connection.close();
    }
  });

  it('a console with fleet settings answers machines.fleetPresence and tells its windows', async () => {
    const other = await openConsoleOn('sqlite');
    try {
      expect(await other.call('machines.fleetPresence', {})).toEqual([]);
      const events: unknown[] = [];
      other.events.subscribe((event) => events.push(event));
      const analyst = await authority.issueConsole('second-console', 'analyst');
      const credentialsFile = path.join(dir, 'second-console.creds');
      await writeFile(credentialsFile, analyst.creds, { mode: 0o600 });
      await other.call('settings.update', { fleet: { servers: [server.url], credentialsFile } });

      const machineId = randomUUID();
      const files = await fleetAgentFiles(server, authority, dir, machineId);
      const agent = await startFleetAgent(files);
      const seen = await eventually(
        () => other.call('machines.fleetPresence', {}),
        (list) => list.some((p) => p.machineId === machineId && p.online),
        'machines.fleetPresence shows the agent online',
      );
      expect(seen.find((p) => p.machineId === machineId)?.presence?.hostName).toBe(os.hostname());
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'fleet.presence', machineIds: [machineId] }),
      );
      await agent.stop();

      // Fleet mode turned off: the link is closed; what the desk keeps is shown, offline.
      await other.call('settings.update', { fleet: null });
      await eventually(
        () => other.call('machines.fleetPresence', {}),
        // (Another test's machine may still count as online from the desk's row: a stored
        // "online" is believed for two minutes after its last seen.)
        (list) => list.some((p) => p.machineId === machineId && !p.online && p.lastSeenAt !== null),
        'the machine kept by the desk, offline, once fleet mode is off',
      );
      await rm(files.dataDir, { recursive: true, force: true });
    } finally {
      await other.dispose();
    }
  }, 60_000);
});
