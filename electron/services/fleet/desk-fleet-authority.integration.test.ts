/**
 * The desk's fleet authority held by the desk's database, on SQLite (sealed by the console's
 * secrets) and PostgreSQL: identities issued and revoked from it by any console, each written
 * to the audit log, and an issued identity accepted by a real nats-server trusting it. On a
 * desk with roles only leads and administrators can read or change it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import { connectTestConsole, startNatsServer } from '#test/helpers/nats';
import { consolesOnStores, STORE_KINDS } from '#test/helpers/stores';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { connect, credsAuthenticator } from '@nats-io/transport-node';
import { fleetInboxPrefix } from '@deskside/core';
import { openDatabaseTarget, type Db } from '../database/open';
import { AuditLog } from '../desk/audit-log';
import { createKeyFileSecretBox, type SecretBox } from '../secrets/secret-box';
import { DeskFleetAuthority } from './desk-fleet-authority';
import { FleetAuthority } from './fleet-authority';

const consoles = consolesOnStores();
const folders = temporaryFolders('deskside-desk-fleet-');
afterEach(() => consoles.disposeAll());
afterAll(() => folders.removeAll());

const auditOf = async (db: Db) =>
  db
    .selectFrom('auditLog')
    .select(['analyst', 'action', 'subject', 'details'])
    .orderBy('id')
    .execute();

function deskAuthority(db: Db, secrets: SecretBox | null, analyst: string) {
  return new DeskFleetAuthority({
    db,
    secrets,
    analyst,
    audit: new AuditLog(db, { analyst, pc: 'PC-1' }, () => new Date()),
  });
}

describe.each(STORE_KINDS)("the desk's fleet authority on %s", (kind) => {
  it('issues and revokes from any console, audited; the server accepts what it issues', async () => {
    const desk = await consoles.open(kind);
    const secrets = kind === 'sqlite' ? createKeyFileSecretBox(await folders.make()) : null;
    const first = deskAuthority(desk.db, secrets, 'ada');
    expect(await first.get()).toBeNull();
    const created = FleetAuthority.create('kept-desk');
    await first.adopt(created);
    await expect(first.adopt(FleetAuthority.create())).rejects.toMatchObject({
      code: 'conflict',
    });
    const row = await desk.db.selectFrom('fleetAuthority').selectAll().executeTakeFirstOrThrow();
    expect(row.sealed).toBe(kind === 'sqlite' ? 1 : 0);
    if (kind === 'sqlite') expect(row.state).not.toContain(created.toState().operatorSeed);

    // Another console of the desk (a second instance on the same database) issues.
    const machineId = randomUUID();
    const second = deskAuthority(desk.db, secrets, 'bram');
    const issued = await second.issueAgent(machineId);
    const kept = (await first.get())!;
    expect(kept.operatorPublicKey).toBe(created.operatorPublicKey);
    expect(kept.toState().issued[issued.publicKey]?.name).toBe(`agent-${machineId}`);

    const server = await startNatsServer(kept);
    try {
      const agent = await connect({
        servers: server.url,
        authenticator: credsAuthenticator(new TextEncoder().encode(issued.creds)),
        inboxPrefix: fleetInboxPrefix('agent', machineId),
        reconnect: false,
      });
      await agent.close();
      // And the console identities it issues work too.
      await (await connectTestConsole(server, kept, 'lead', 'kept-lead')).close();
    } finally {
      await server.stop();
    }

    const { revoked } = await first.revokeAgent(machineId);
    expect(revoked).toEqual([issued.publicKey]);
    expect((await second.get())!.isRevoked(issued.publicKey)).toBe(true);

    const entries = (await auditOf(desk.db)).filter((entry) => entry.action.startsWith('fleet.'));
    expect(entries.map(({ analyst, action, subject }) => ({ analyst, action, subject }))).toEqual([
      { analyst: 'ada', action: 'fleet.authority_saved', subject: created.operatorPublicKey },
      { analyst: 'bram', action: 'fleet.identity_issued', subject: machineId },
      { analyst: 'ada', action: 'fleet.identity_revoked', subject: machineId },
    ]);
    expect(JSON.parse(entries[1]!.details)).toEqual({ publicKey: issued.publicKey });
  }, 60_000);
});

describe("the desk's fleet authority on a desk with roles", () => {
  it('only leads and administrators read or change it', async () => {
    const tag = randomUUID().slice(0, 6).replace(/-/g, '');
    const ada = deskAnalyst(`ada_fa${tag}`, 'admin');
    const lena = deskAnalyst(`lena_fa${tag}`, 'lead');
    const bram = deskAnalyst(`bram_fa${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [lena, bram]);
    const asLena = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, lena) });
    const asBram = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, bram) });
    try {
      await deskAuthority(asLena, null, lena.login).adopt(FleetAuthority.create('roles-desk'));
      const machineId = randomUUID();
      await deskAuthority(asLena, null, lena.login).issueAgent(machineId);
      // The database names who did it, whatever the console claims.
      const audit = (await auditOf(owner)).filter((entry) => entry.action.startsWith('fleet.'));
      expect(audit.map((entry) => [entry.analyst, entry.action])).toEqual([
        [lena.login, 'fleet.authority_saved'],
        [lena.login, 'fleet.identity_issued'],
      ]);

      const denied = /permission denied/;
      await expect(deskAuthority(asBram, null, bram.login).get()).rejects.toThrow(denied);
      await expect(
        deskAuthority(asBram, null, bram.login).issueAgent(randomUUID()),
      ).rejects.toThrow(denied);
      const bramsUrl = signedInAs(ownerUrl, bram);
      expect(await tryAs(bramsUrl, 'SELECT state FROM fleet_authority')).toMatch(denied);
      expect(await tryAs(bramsUrl, "UPDATE fleet_authority SET state = '{}'")).toMatch(denied);
      // An administrator is a lead too.
      expect(await tryAs(signedInAs(ownerUrl, ada), 'SELECT state FROM fleet_authority')).toBe(
        'ok',
      );
      // Nobody removes it.
      expect(await tryAs(signedInAs(ownerUrl, ada), 'DELETE FROM fleet_authority')).toMatch(denied);
    } finally {
      await asLena.destroy();
      await asBram.destroy();
      await owner.destroy();
    }
  }, 60_000);
});
