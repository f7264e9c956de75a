/**
 * Fleet presence kept by the desk, on SQLite and PostgreSQL: a real nats-server, a machine
 * beating into the presence bucket with its own identity, and a console's FleetLink writing
 * what it saw in batches; after the console's restart (a new link on the same database) and
 * on a console without a link of its own, the offline machine still shows its last seen. On a
 * desk with roles every analyst's console may write presence and nobody may remove it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { FLEET_BUCKETS } from '@deskside/core';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import {
  connectTestAgent,
  connectTestConsole,
  startNatsServer,
  testHeartbeat,
  type TestNatsServer,
} from '#test/helpers/nats';
import { consolesOnStores, STORE_KINDS } from '#test/helpers/stores';
import { eventually } from '#test/helpers/eventually';
import { openDatabaseTarget, type Db } from '../database/open';
import { InventoryHistoryService } from '../machines/inventory-history';
import { FleetAuthority } from './fleet-authority';
import { FleetLink } from './fleet-link';
import { loadFleetPresence, saveFleetPresence } from './fleet-presence-store';
import { ensureFleetStorage } from './fleet-storage';

let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;
let consoleCreds: string;
const consoles = consolesOnStores();
const links: FleetLink[] = [];
const agents: NatsConnection[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-kept-'));
  authority = FleetAuthority.create('kept-desk');
  server = await startNatsServer(authority);
  const admin = await connectTestConsole(server, authority, 'admin', 'kept-admin');
  await ensureFleetStorage(admin, { presenceTtlMs: 3_000 });
  await admin.close();
  consoleCreds = path.join(dir, 'console.creds');
  await writeFile(consoleCreds, (await authority.issueConsole('kept', 'analyst')).creds, {
    mode: 0o600,
  });
}, 60_000);

afterEach(async () => {
  for (const link of links.splice(0)) await link.stop();
  for (const agent of agents.splice(0)) await agent.close();
  await consoles.disposeAll();
});

afterAll(async () => {
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function startLink(db: Db): Promise<FleetLink> {
  const link = await FleetLink.start(
    { servers: [server.url], credentialsFile: consoleCreds },
    { db, history: new InventoryHistoryService(db, 'fleet'), persistEveryMs: 100 },
  );
  links.push(link!);
  return link!;
}

/** A machine with its own fleet identity and a way to beat as its agent does. */
async function fleetMachine(): Promise<{ id: string; beat: () => Promise<string>; bucket: KV }> {
  const id = randomUUID();
  const { nc } = await connectTestAgent(server, authority, dir, id);
  agents.push(nc);
  const bucket = await new Kvm(jetstream(nc, { checkAPI: false })).open(FLEET_BUCKETS.presence, {
    allow_direct: true,
  });
  const startedAt = new Date().toISOString();
  /** Puts a heartbeat; answers its `sentAt`. */
  const beat = async () => {
    const sentAt = new Date().toISOString();
    await bucket.put(id, testHeartbeat('pc-kept', { startedAt, sentAt }));
    return sentAt;
  };
  return { id, beat, bucket };
}

const rowOf = async (db: Db, id: string) =>
  (await loadFleetPresence(db)).find((row) => row.machineId === id);

describe.each(STORE_KINDS)('fleet presence kept by the desk on %s', (kind) => {
  it('is written in batches, survives a restart and is read by a console without a link', async () => {
    const desk = await consoles.open(kind);
    const link = await startLink(desk.db);
    const machine = await fleetMachine();

    await machine.beat();
    const first = await eventually(
      () => rowOf(desk.db, machine.id),
      (row) => row?.online === true,
      'the machine is written online',
    );
    expect(first).toMatchObject({ agentVersion: '1.4.2' });
    expect(first!.lastSeenAt).toBe(link.presenceOf(machine.id)?.lastSeenAt);

    // More heartbeats: the link sees each, the desk's row is not rewritten for them.
    let lastSent = '';
    for (let beat = 0; beat < 3; beat++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      lastSent = await machine.beat();
    }
    const seen = await eventually(
      () => link.presenceOf(machine.id),
      (presence) => presence?.presence?.sentAt === lastSent,
      'the link sees the later heartbeats',
    );
    const latest = seen!.lastSeenAt!;
    expect(latest > first!.lastSeenAt).toBe(true);
    await link.persist();
    expect((await rowOf(desk.db, machine.id))?.lastSeenAt).toBe(first!.lastSeenAt);

    // The agent stops cleanly: offline at once, written with its latest heartbeat's time.
    await machine.bucket.delete(machine.id);
    const offline = await eventually(
      () => rowOf(desk.db, machine.id),
      (row) => row?.online === false,
      'the machine is written offline',
    );
    expect(offline!.lastSeenAt).toBe(latest);

    // This console has no fleet settings of its own: it answers what the desk keeps.
    // (The bucket is shared with the other tests' machines: look at this one.)
    const kept = await desk.call('machines.fleetPresence', {});
    expect(kept.filter((presence) => presence.machineId === machine.id)).toEqual([
      {
        machineId: machine.id,
        online: false,
        lastSeenAt: latest,
        presence: null,
        agentVersion: '1.4.2',
      },
    ]);

    // The console restarts: a new link on the same database knows the offline machine.
    await link.stop();
    links.splice(links.indexOf(link), 1);
    const restarted = await startLink(desk.db);
    expect(restarted.presenceOf(machine.id)).toEqual({
      machineId: machine.id,
      online: false,
      lastSeenAt: latest,
      presence: null,
      agentVersion: '1.4.2',
    });

    // Back online: written online again.
    await machine.beat();
    await eventually(
      () => rowOf(desk.db, machine.id),
      (row) => row?.online === true && row.lastSeenAt > latest,
      'the machine is written online again',
    );
  }, 60_000);

  it('keeps the later heartbeat when two consoles write', async () => {
    const desk = await consoles.open(kind);
    const id = randomUUID();
    const at = (s: number) => new Date(Date.UTC(2026, 11, 2, 9, 0, s)).toISOString();
    await saveFleetPresence(desk.db, [
      { machineId: id, online: true, lastSeenAt: at(30), agentVersion: '1.4.2' },
    ]);
    // A console that saw less: its older view does not move the row back.
    await saveFleetPresence(desk.db, [
      { machineId: id, online: false, lastSeenAt: at(10), agentVersion: null },
    ]);
    expect(await rowOf(desk.db, id)).toEqual({
      machineId: id,
      online: true,
      lastSeenAt: at(30),
      agentVersion: '1.4.2',
    });
    // Gone offline after the same heartbeat: written; a version not known keeps the old one.
    await saveFleetPresence(desk.db, [
      { machineId: id, online: false, lastSeenAt: at(30), agentVersion: null },
    ]);
    expect(await rowOf(desk.db, id)).toMatchObject({ online: false, agentVersion: '1.4.2' });
  });
});

describe('fleet presence on a desk with roles', () => {
  it("an analyst's console writes presence; nobody removes it", async () => {
    const tag = randomUUID().slice(0, 6).replace(/-/g, '');
    const ada = deskAnalyst(`ada_fp${tag}`, 'admin');
    const bram = deskAnalyst(`bram_fp${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram]);
    const bramsUrl = signedInAs(ownerUrl, bram);
    const asBram = await openDatabaseTarget({ kind: 'postgres', url: bramsUrl });
    try {
      const id = randomUUID();
      const at = new Date().toISOString();
      await saveFleetPresence(asBram, [
        { machineId: id, online: true, lastSeenAt: at, agentVersion: '1.4.2' },
      ]);
      await saveFleetPresence(asBram, [
        { machineId: id, online: false, lastSeenAt: at, agentVersion: '1.4.2' },
      ]);
      expect(await rowOf(owner, id)).toMatchObject({ online: false, lastSeenAt: at });
      const denied = /permission denied/;
      for (const who of [bramsUrl, signedInAs(ownerUrl, ada)]) {
        expect(await tryAs(who, 'DELETE FROM fleet_presence')).toMatch(denied);
        expect(await tryAs(who, 'TRUNCATE fleet_presence')).toMatch(denied);
      }
    } finally {
      await asBram.destroy();
      await owner.destroy();
    }
  }, 60_000);
});
