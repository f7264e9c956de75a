import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { type Msg, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLEET_BUCKETS, FLEET_STREAMS, fleetSubjects, type AnalystRole } from '@deskside/core';
import { connectFleet } from '../../../agent/src/fleet/connect';
import { FleetCredentialsError, writeFleetCredentials } from '../../../agent/src/fleet/credentials';
import {
  connectTestAgent,
  connectTestConsole,
  permissionViolations,
  startNatsServer,
  type TestNatsServer,
} from '#test/helpers/nats';
import { pushFleetAccount } from './account-updates';
import { FleetAuthority } from './fleet-authority';

const encoder = new TextEncoder();

let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;
const connections: NatsConnection[] = [];

async function agent(agentId: string) {
  const connected = await connectTestAgent(server, authority, dir, agentId);
  connections.push(connected.nc);
  return { ...connected, refused: permissionViolations(connected.nc) };
}

async function consoleOf(role: AnalystRole, consoleId: string) {
  const nc = await connectTestConsole(server, authority, role, consoleId);
  connections.push(nc);
  return { nc, refused: permissionViolations(nc) };
}

/** A bucket as a client of limited rights opens it: bound by name, no stream info asked. */
function openBucket(nc: NatsConnection, bucket: string): Promise<KV> {
  return new Kvm(jetstream(nc, { checkAPI: false })).open(bucket, { allow_direct: true });
}

/** Waits until `condition` holds (a server's -ERR arrives a moment after the publish). */
async function eventually(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-'));
  authority = FleetAuthority.create('test-desk');
  server = await startNatsServer(authority);
  // The desk's administrator creates the buckets and streams.
  const admin = await consoleOf('admin', 'admin-console');
  const kvm = new Kvm(admin.nc);
  await kvm.create(FLEET_BUCKETS.presence, { ttl: 60_000, history: 1 });
  await kvm.create(FLEET_BUCKETS.inventory, { history: 1 });
  const jsm = await jetstreamManager(admin.nc);
  for (const stream of Object.values(FLEET_STREAMS)) {
    await jsm.streams.add({ name: stream.name, subjects: [...stream.subjects] });
  }
  expect(admin.refused).toEqual([]);
});

afterAll(async () => {
  await Promise.all(connections.map((nc) => nc.close()));
  // Unset when the server did not start.
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fleet identities on a real nats-server', () => {
  it('an analyst console sends a request to an agent and gets its reply', async () => {
    const laptop = await agent('laptop-1');
    laptop.nc.subscribe(fleetSubjects.agentRequests('laptop-1'), {
      callback: (_error, msg: Msg) => {
        msg.respond(encoder.encode(`done: ${msg.string()}`));
      },
    });
    await laptop.nc.flush();
    const analyst = await consoleOf('analyst', 'console-1');
    const reply = await analyst.nc.request(
      fleetSubjects.agentRequest('laptop-1', 'check'),
      encoder.encode('disk-space'),
      { timeout: 5_000 },
    );
    expect(reply.string()).toBe('done: disk-space');
    expect(laptop.refused).toEqual([]);
    expect(analyst.refused).toEqual([]);
  });

  it("an agent cannot receive another agent's requests or replies", async () => {
    const victim = await agent('victim-2');
    const answered: string[] = [];
    victim.nc.subscribe(fleetSubjects.agentRequests('victim-2'), {
      callback: (_error, msg: Msg) => {
        answered.push(msg.string());
        msg.respond(encoder.encode('victim answers'));
      },
    });
    const intruder = await agent('intruder-2');
    const stolen: string[] = [];
    for (const subject of [fleetSubjects.agentRequests('victim-2'), '_INBOX.>', '>']) {
      intruder.nc.subscribe(subject, {
        // A refused subscription calls back once with the server's error and no message.
        callback: (error, msg: Msg | undefined) => {
          if (!error && msg) stolen.push(msg.subject);
        },
      });
    }
    await Promise.all([victim.nc.flush(), intruder.nc.flush()]);
    await eventually(() => intruder.refused.length === 3, 'three subscriptions refused');
    expect(intruder.refused.map((error) => [error.operation, error.subject])).toEqual([
      ['subscription', 'deskside.agent.victim-2.req.>'],
      ['subscription', '_INBOX.>'],
      ['subscription', '>'],
    ]);

    const analyst = await consoleOf('analyst', 'console-2');
    const reply = await analyst.nc.request(fleetSubjects.agentRequest('victim-2', 'check'), 'x', {
      timeout: 5_000,
    });
    expect(reply.string()).toBe('victim answers');
    await intruder.nc.flush();
    expect(answered).toEqual(['x']);
    expect(stolen).toEqual([]);
  });

  it('an agent cannot publish heartbeats, inventory or help requests as another agent', async () => {
    const analyst = await consoleOf('analyst', 'console-3');
    const heard: string[] = [];
    for (const what of ['heartbeat', 'inventory', 'help'] as const) {
      analyst.nc.subscribe(fleetSubjects.anyAgent(what), {
        callback: (_error, msg: Msg) => {
          heard.push(`${msg.subject} ${msg.string()}`);
        },
      });
    }
    await analyst.nc.flush();
    const forger = await agent('forger-3');
    for (const subject of [
      fleetSubjects.heartbeat('laptop-1'),
      fleetSubjects.inventory('laptop-1'),
      fleetSubjects.help('laptop-1'),
      fleetSubjects.heartbeat('forger-3'),
      fleetSubjects.help('forger-3'),
    ]) {
      forger.nc.publish(subject, 'from forger-3');
    }
    await forger.nc.flush();
    await eventually(() => heard.length > 0, 'its own heartbeat arrives');
    await eventually(() => forger.refused.length === 3, 'three publishes refused');
    await eventually(() => heard.length === 2, 'its own help request arrives');
    expect(heard).toEqual([
      'deskside.agent.forger-3.heartbeat from forger-3',
      'deskside.agent.forger-3.help from forger-3',
    ]);
    // The help stream kept its own request only; an analyst reads it with an ordered consumer.
    const help = await jetstream(analyst.nc, { checkAPI: false }).consumers.get(
      FLEET_STREAMS.help.name,
    );
    const kept = await help.next({ expires: 2_000 });
    expect(kept?.subject).toBe('deskside.agent.forger-3.help');
    expect(await help.next({ expires: 1_000 })).toBeNull();
    expect(forger.refused.map((error) => [error.operation, error.subject])).toEqual([
      ['publish', 'deskside.agent.laptop-1.heartbeat'],
      ['publish', 'deskside.agent.laptop-1.inventory'],
      ['publish', 'deskside.agent.laptop-1.help'],
    ]);
  });

  it("an agent puts its own keys and cannot read or write another agent's", async () => {
    const owner = await agent('owner-4');
    const other = await agent('other-4');
    const ownerPresence = await openBucket(owner.nc, FLEET_BUCKETS.presence);
    const otherPresence = await openBucket(other.nc, FLEET_BUCKETS.presence);
    const otherInventory = await openBucket(other.nc, FLEET_BUCKETS.inventory);
    await ownerPresence.put('owner-4', 'online');
    await otherPresence.put('other-4', 'online');
    await otherInventory.put('other-4.system', '{"model":"X1"}');

    // Writing another agent's key: the server refuses the publish, so no acknowledgement.
    await expect(otherPresence.put('owner-4', 'offline', { timeout: 1_000 })).rejects.toThrow();
    // Reading another agent's key, or its own: agents have no read rights on the buckets.
    await expect(otherPresence.get('owner-4')).rejects.toThrow(/Permissions Violation/);
    await eventually(() => other.refused.length >= 2, 'the write and the read refused');
    expect(other.refused.map((error) => [error.operation, error.subject])).toEqual([
      ['publish', '$KV.deskside-presence.owner-4'],
      ['publish', '$JS.API.DIRECT.GET.KV_deskside-presence.$KV.deskside-presence.owner-4'],
    ]);

    const analyst = await consoleOf('analyst', 'console-4');
    const presence = await openBucket(analyst.nc, FLEET_BUCKETS.presence);
    const inventory = await openBucket(analyst.nc, FLEET_BUCKETS.inventory);
    expect((await presence.get('owner-4'))?.string()).toBe('online');
    expect((await presence.get('other-4'))?.string()).toBe('online');
    expect((await inventory.get('other-4.system'))?.string()).toBe('{"model":"X1"}');
    // Listing keys runs an ordered consumer: the analyst may create one on the bucket.
    const keys: string[] = [];
    for await (const key of await presence.keys()) keys.push(key);
    expect(keys.sort()).toEqual(['other-4', 'owner-4']);
    // Analysts read; they do not write an agent's keys.
    await expect(presence.put('owner-4', 'forged', { timeout: 1_000 })).rejects.toThrow();
    expect((await presence.get('owner-4'))?.string()).toBe('online');
  });

  it('only leads and administrators ask every agent at once', async () => {
    const fleetAgent = await agent('fleet-5');
    fleetAgent.nc.subscribe(fleetSubjects.fleetRequests(), {
      callback: (_error, msg: Msg) => {
        msg.respond(encoder.encode('fleet-5 here'));
      },
    });
    await fleetAgent.nc.flush();
    const analyst = await consoleOf('analyst', 'console-5');
    await expect(
      analyst.nc.request(fleetSubjects.fleetRequest('ping'), '', { timeout: 1_000 }),
    ).rejects.toThrow();
    await eventually(() => analyst.refused.length === 1, 'the analyst refused');
    const lead = await consoleOf('lead', 'lead-5');
    const reply = await lead.nc.request(fleetSubjects.fleetRequest('ping'), '', {
      timeout: 5_000,
    });
    expect(reply.string()).toBe('fleet-5 here');
  });

  it('a revoked agent is disconnected and refused, without restarting the server', async () => {
    const revoked = await agent('revoked-6');
    const kept = await agent('kept-6');
    const pid = server.pid;
    authority.revoke(revoked.issued.publicKey);
    await pushFleetAccount(authority, server.url);

    const closed = await Promise.race([
      revoked.nc.closed(),
      new Promise<string>((resolve) => {
        setTimeout(() => {
          resolve('still connected');
        }, 5_000);
      }),
    ]);
    expect(String(closed)).toMatch(/User Authentication Revoked/);
    expect(revoked.nc.isClosed()).toBe(true);
    await expect(
      connectFleet({
        servers: [server.url],
        credentialsFile: revoked.credentialsFile,
        reconnect: false,
      }),
    ).rejects.toThrow(
      new FleetCredentialsError(
        `The NATS server refused the fleet identity in ${revoked.credentialsFile} (Authorization Violation): it may have been revoked or have expired. Ask the desk for a new one.`,
      ),
    );

    // The server kept running, and the other agent's connection with it.
    expect(server.pid).toBe(pid);
    expect(kept.nc.isClosed()).toBe(false);
    await kept.nc.flush();
    expect(kept.refused).toEqual([]);

    // A new identity for the same computer has a key of its own, which no revocation names.
    const reissued = await agent('revoked-6');
    expect(reissued.issued.publicKey).not.toBe(revoked.issued.publicKey);
    await reissued.nc.flush();
    expect(reissued.nc.isClosed()).toBe(false);
  });

  it('a credentials file others may read is refused before connecting', async () => {
    const issued = await authority.issueAgent('careless-7');
    const file = path.join(dir, 'careless-7.creds');
    await writeFleetCredentials(file, issued.creds);
    await chmod(file, 0o644);
    await expect(
      connectFleet({ servers: [server.url], credentialsFile: file, reconnect: false }),
    ).rejects.toThrow(/may be read by others \(mode 644\): run `chmod 600/);
  });
});
