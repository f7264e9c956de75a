/**
 * Fleet enrolment through pairing: the built agent (`serve`, no fleet in its config), a real
 * nats-server trusting the desk's authority, and consoles with fleet settings whose desk
 * holds that authority. Pairing the agent issues its identity and delivers it over the paired
 * HTTPS channel; the agent joins the fleet without a restart and again after one. Callers
 * that are not paired and bodies that are not right are refused and change nothing; on a
 * desk with roles an analyst's pairing stays direct (with the reason) and a lead's enrols.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connect, credsAuthenticator } from '@nats-io/transport-node';
import type { FleetEnrolmentOutcome, FleetEnrolRequest } from '@deskside/core';
import { issuePairingCode, readAuditLog } from '#test/helpers/agent-cli';
import { agentRequest, errorCode } from '#test/helpers/agent-http';
import { startAgent, stopAllAgents, type RunningAgent } from '#test/helpers/agent-process';
import { openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, signedInAs } from '#test/helpers/desk';
import { eventuallyFound } from '#test/helpers/fleet-agent';
import { connectTestConsole, startNatsServer, type TestNatsServer } from '#test/helpers/nats';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { openDatabaseTarget } from '../database/open';
import { AuditLog } from '../desk/audit-log';
import { agentPost } from '../machines/agent-client';
import { createKeyFileSecretBox } from '../secrets/secret-box';
import { DeskFleetAuthority } from './desk-fleet-authority';
import { FleetAuthority } from './fleet-authority';
import { ensureFleetStorage } from './fleet-storage';

const folders = temporaryFolders('deskside-fleet-enrol-');
let authority: FleetAuthority;
let server: TestNatsServer;
const consoles: TestConsole[] = [];

beforeAll(async () => {
  authority = FleetAuthority.create('enrol-desk');
  server = await startNatsServer(authority);
  const admin = await connectTestConsole(server, authority, 'admin', 'admin-console');
  try {
    // Presence kept a minute: a machine shows online from its first heartbeat on.
    await ensureFleetStorage(admin, { presenceTtlMs: 60_000, checkQueueMaxAgeMs: 60 * 60_000 });
  } finally {
    await admin.close();
  }
}, 60_000);
afterEach(async () => {
  await stopAllAgents();
  for (const desk of consoles.splice(0)) await desk.dispose();
});
afterAll(async () => {
  await server.stop();
  await folders.removeAll();
});

/** The desk's fleet authority as a console on SQLite holds it (sealed by its SecretBox). */
const deskAuthority = (desk: TestConsole) =>
  new DeskFleetAuthority({
    db: desk.db,
    secrets: createKeyFileSecretBox(desk.dataDir),
    audit: new AuditLog(desk.db, { analyst: 'ana', pc: 'PC-1' }, () => new Date()),
    analyst: 'ana',
  });

/** A connection to the test server with a `.creds` text; refused for a revoked identity. */
async function connectWith(creds: string): Promise<void> {
  const connection = await connect({
    servers: server.url,
    authenticator: credsAuthenticator(new TextEncoder().encode(creds)),
    reconnect: false,
  });
  await connection.close();
}

/** The console's own fleet identity and settings (Settings → Agents → Fleet). */
async function inFleetMode(desk: TestConsole, consoleId: string): Promise<void> {
  const issued = await authority.issueConsole(consoleId, 'admin');
  const credentialsFile = path.join(desk.dataDir, `${consoleId}.creds`);
  await writeFile(credentialsFile, issued.creds, { mode: 0o600 });
  await desk.call('settings.update', { fleet: { servers: [server.url], credentialsFile } });
}

/** A built agent without fleet settings, in a data folder that outlives its process. */
async function plainAgent(again?: RunningAgent): Promise<RunningAgent> {
  const dir = again?.dataDir ?? path.join(await folders.make(), 'agent');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Started again on its port, where the desk reaches it.
  const extraArgs = again ? ['--port', String(again.port)] : [];
  return startAgent({ token: null, dataDir: dir, extraArgs });
}

async function pair(desk: TestConsole, agent: RunningAgent) {
  const { code } = await issuePairingCode(agent.dataDir);
  return desk.call('machines.pair', {
    address: '127.0.0.1',
    port: agent.port,
    fingerprint: agent.fingerprint,
    code,
  });
}

const onlineIn = (desk: TestConsole, machineId: string) =>
  eventuallyFound(
    async () =>
      (await desk.call('machines.fleetPresence', {})).find(
        (presence) => presence.machineId === machineId && presence.online,
      ) ?? null,
    `${machineId} online in the fleet`,
    20_000,
  );

describe('fleet enrolment on a console on SQLite', () => {
  it('enrols the agent it pairs: online without a restart, and again after one', async () => {
    const desk = await openTestConsole();
    consoles.push(desk);
    await deskAuthority(desk).adopt(authority);
    await inFleetMode(desk, 'sqlite-console');

    const agent = await plainAgent();
    const machine = await pair(desk, agent);
    expect(machine.fleetEnrolment).toMatchObject({ enrolled: true, fleetId: machine.id });
    const online = await onlineIn(desk, machine.id);
    expect(online.presence?.hostName).toBeTruthy();

    // What the agent kept: the identity owner-only, the servers in its data folder.
    const creds = await stat(path.join(agent.dataDir, 'fleet.creds'));
    expect(creds.mode & 0o777).toBe(0o600);
    expect((await stat(path.join(agent.dataDir, 'fleet.json'))).mode & 0o777).toBe(0o600);
    expect((await readdir(agent.dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const audited = await eventuallyFound(async () => {
      const lines = (await readAuditLog(agent.dataDir)).filter((e) => e.route === 'fleetEnrol');
      return lines.length > 0 ? lines : null;
    }, 'the enrolment in the audit log');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      status: 200,
      fleet: { agentId: machine.id, servers: [server.url], tlsCa: false },
    });
    expect(JSON.stringify(audited[0])).not.toMatch(/SU[A-Z2-7]{50}/); // never the seed
    // The desk's audit log names the identity issued to the machine.
    const issued = await desk.db
      .selectFrom('auditLog')
      .select(['action', 'subject'])
      .where('action', '=', 'fleet.identity_issued')
      .execute();
    expect(issued).toEqual([{ action: 'fleet.identity_issued', subject: machine.id }]);

    // Restarted, the agent reads its fleet settings from its data folder: the heartbeats of
    // the new process (its own start time) reach the console.
    await agent.stop();
    const again = await plainAgent(agent);
    await eventuallyFound(
      () => Promise.resolve(again.stdout().includes('(delivered by a console)') || null),
      'the agent in fleet mode from its data folder',
    );
    const restarted = await eventuallyFound(
      async () =>
        (await desk.call('machines.fleetPresence', {})).find(
          (presence) =>
            presence.machineId === machine.id &&
            presence.online &&
            presence.presence !== null &&
            presence.presence.startedAt !== online.presence?.startedAt,
        ) ?? null,
      'the restarted agent online in the fleet',
      20_000,
    );
    expect(restarted.presence?.hostName).toBe(online.presence?.hostName);

    // An already-paired machine can be enrolled again (a new identity, fleet mode restarted);
    // the identity it had before is revoked: one identity per machine.
    const enrolled = await desk.call('machines.fleetEnrol', { id: machine.id });
    expect(enrolled.fleetEnrolment).toMatchObject({ enrolled: true });
    expect(enrolled.fleetEnrolment).not.toEqual(machine.fleetEnrolment); // a new public key
    await onlineIn(desk, machine.id);
    const keyOf = (outcome: FleetEnrolmentOutcome) => (outcome.enrolled ? outcome.publicKey : '');
    const current = keyOf(enrolled.fleetEnrolment);
    expect((await deskAuthority(desk).get())?.identitiesOf(machine.id)).toEqual([current]);
    expect((await deskAuthority(desk).get())?.isRevoked(keyOf(machine.fleetEnrolment))).toBe(true);

    // Taken out of the fleet: revoked, the server told, and the agent's identity refused by
    // the running server.
    const heldCreds = await readFile(path.join(again.dataDir, 'fleet.creds'), 'utf8');
    const revocation = await desk.call('machines.fleetRevoke', { id: machine.id });
    expect(revocation).toEqual({ revoked: [current], serverUpdated: true, detail: null });
    await expect(connectWith(heldCreds)).rejects.toThrow(/authoriz|revoked/i);
    expect((await deskAuthority(desk).get())?.identitiesOf(machine.id)).toEqual([]);

    // Enrolment that cannot be delivered (the agent is gone) revokes what it issued.
    await again.stop();
    const undelivered = await desk.call('machines.fleetEnrol', { id: machine.id });
    expect(undelivered.fleetEnrolment).toMatchObject({
      enrolled: false,
      reason: 'delivery_failed',
      detail: expect.stringMatching(/revoked again/) as unknown,
    });
    expect((await deskAuthority(desk).get())?.identitiesOf(machine.id)).toEqual([]);
    const trail = await desk.db
      .selectFrom('auditLog')
      .select('action')
      .where('subject', '=', machine.id)
      .where('action', 'like', 'fleet.identity_%')
      .orderBy('id')
      .execute();
    expect(trail.map((row) => row.action)).toEqual([
      'fleet.identity_issued',
      'fleet.identity_issued',
      'fleet.identity_revoked',
      'fleet.identity_revoked',
      'fleet.identity_issued',
      'fleet.identity_revoked',
    ]);
  }, 120_000);

  it('leaves a machine direct when the console is not in fleet mode, and says why', async () => {
    const desk = await openTestConsole();
    consoles.push(desk);
    const agent = await plainAgent();
    const machine = await pair(desk, agent);
    expect(machine.fleetEnrolment).toMatchObject({ enrolled: false, reason: 'fleet_off' });
    await inFleetMode(desk, 'no-authority-console');
    const enrolled = await desk.call('machines.fleetEnrol', { id: machine.id });
    expect(enrolled.fleetEnrolment).toMatchObject({ enrolled: false, reason: 'no_authority' });
    expect(existsSync(path.join(agent.dataDir, 'fleet.json'))).toBe(false);
  }, 60_000);

  it('refuses unpaired callers and bad bodies, and changes nothing', async () => {
    const desk = await openTestConsole();
    consoles.push(desk);
    const agent = await plainAgent();
    const machine = await pair(desk, agent);
    const good: FleetEnrolRequest = {
      servers: [server.url],
      creds: (await authority.issueAgent(machine.id)).creds,
    };

    // No credential, or one the agent never gave: refused before the body is read.
    const unpaired = await agentRequest(agent, '/v1/fleet', { json: good });
    expect(unpaired.status).toBe(401);
    const forged = await agentRequest(agent, '/v1/fleet', {
      json: good,
      credential: 'A'.repeat(43),
    });
    expect(forged.status).toBe(401);
    expect(errorCode(forged)).toBe('unauthorized');

    // Signed by the desk that paired it, but the body is wrong.
    const pinned = await desk.machines.pinnedAgent(machine.id);
    const refusals: [unknown, RegExp][] = [
      [{ creds: good.creds }, /servers/],
      [{ ...good, servers: ['http://example.org'] }, /servers/],
      [{ ...good, extra: true }, /Unrecognized key|extra/i],
      [{ ...good, creds: 'not a creds file' }, /not a usable fleet credentials file/],
      [
        { ...good, creds: good.creds.replace(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/, 'eyJbroken.eyJ.x') },
        /not a usable fleet credentials file/,
      ],
      [{ ...good, tlsCaPem: 'no certificate' }, /tlsCaPem/],
    ];
    for (const [body, why] of refusals) {
      await expect(agentPost(pinned, 'fleetEnrol', body as FleetEnrolRequest)).rejects.toThrow(why);
    }
    for (const name of ['fleet.json', 'fleet.creds', 'fleet-ca.pem']) {
      expect(existsSync(path.join(agent.dataDir, name))).toBe(false);
    }
    // Each refusal is in the agent's audit log (written a moment after the answer).
    const refused = await eventuallyFound(async () => {
      const lines = (await readAuditLog(agent.dataDir)).filter((e) => e.path === '/v1/fleet');
      return lines.length >= 8 ? lines : null;
    }, 'the refusals in the audit log');
    expect(refused.map((entry) => entry.status)).toEqual([401, 401, 400, 400, 400, 400, 400, 400]);
    expect(agent.output()).not.toContain('Fleet mode');
  }, 60_000);
});

describe('fleet enrolment on a desk with roles', () => {
  it("keeps an analyst's pairing direct, with the reason, and enrols a lead's", async () => {
    const tag = randomUUID().slice(0, 6).replace(/-/g, '');
    const ada = deskAnalyst(`ada_fe${tag}`, 'admin');
    const lena = deskAnalyst(`lena_fe${tag}`, 'lead');
    const bram = deskAnalyst(`bram_fe${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [lena, bram]);
    try {
      const asLena = await openDatabaseTarget({
        kind: 'postgres',
        url: signedInAs(ownerUrl, lena),
      });
      try {
        await new DeskFleetAuthority({
          db: asLena,
          secrets: null,
          audit: new AuditLog(asLena, { analyst: lena.login, pc: 'PC-1' }, () => new Date()),
          analyst: lena.login,
        }).adopt(authority);
      } finally {
        await asLena.destroy();
      }
      const bramsConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, bram) });
      consoles.push(bramsConsole);
      const lenasConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, lena) });
      consoles.push(lenasConsole);
      await inFleetMode(bramsConsole, `bram-${tag}`);
      await inFleetMode(lenasConsole, `lena-${tag}`);

      const bramsAgent = await plainAgent();
      const direct = await pair(bramsConsole, bramsAgent);
      expect(direct.fleetEnrolment).toMatchObject({ enrolled: false, reason: 'not_permitted' });
      expect(direct.fleetEnrolment).toHaveProperty('detail', expect.stringMatching(/lead/));
      expect((await bramsConsole.call('machines.list', {})).map((m) => m.id)).toContain(direct.id);
      expect(existsSync(path.join(bramsAgent.dataDir, 'fleet.json'))).toBe(false);
      const refused = await bramsConsole.call('machines.fleetEnrol', { id: direct.id });
      expect(refused.fleetEnrolment).toMatchObject({ enrolled: false, reason: 'not_permitted' });
      await expect(
        bramsConsole.call('machines.fleetRevoke', { id: direct.id }),
      ).rejects.toMatchObject({ wire: { code: 'forbidden' } });

      const lenasAgent = await plainAgent();
      const enrolled = await pair(lenasConsole, lenasAgent);
      expect(enrolled.fleetEnrolment).toMatchObject({ enrolled: true, fleetId: enrolled.id });
      await onlineIn(lenasConsole, enrolled.id);
      // The lead enrols the machine the analyst paired.
      const later = await lenasConsole.call('machines.fleetEnrol', { id: direct.id });
      expect(later.fleetEnrolment).toMatchObject({ enrolled: true });
      await onlineIn(lenasConsole, direct.id);
      // The lead takes the analyst's machine out of the fleet again.
      const revocation = await lenasConsole.call('machines.fleetRevoke', { id: direct.id });
      expect(revocation).toMatchObject({ serverUpdated: true, detail: null });
      expect(revocation.revoked).toHaveLength(1);
    } finally {
      await owner.destroy();
    }
  }, 180_000);
});
