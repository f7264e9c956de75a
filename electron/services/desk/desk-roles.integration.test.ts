/**
 * The desk's roles, held by PostgreSQL itself: each analyst signs in with their own login,
 * and what their role may not do fails in the database, whether a console or psql asks.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewAnalyst } from '@deskside/core';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, signedInAs, tryAs } from '#test/helpers/desk';
import { newPostgresDatabase } from '#test/helpers/stores';
import { openDatabaseTarget, postgresPool, type Db } from '../database/open';
import { DeskAnalysts, deskRoleNames, setUpDesk } from './desk-roles';

const analyst = deskAnalyst;

// Role names are unique on the whole server: each test's analysts get names of their own.
let run = 0;

describe('a desk on PostgreSQL with analysts who sign in as themselves', () => {
  let ownerUrl: string;
  let owner: Db;
  let names: ReturnType<typeof deskRoleNames>;
  let ada: NewAnalyst;
  let bram: NewAnalyst;
  let lena: NewAnalyst;
  const consoles: TestConsole[] = [];

  beforeEach(async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    ada = analyst(`ada_${tag}`, 'admin');
    bram = analyst(`bram_${tag}`, 'analyst');
    lena = analyst(`lena_${tag}`, 'lead');
    ownerUrl = await newPostgresDatabase();
    owner = await openDatabaseTarget({ kind: 'postgres', url: ownerUrl });
    names = deskRoleNames(new URL(ownerUrl).pathname.slice(1));
    await setUpDesk(owner, ada);
    const asAda = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, ada) });
    try {
      const admin = new DeskAnalysts(asAda);
      await admin.add(bram);
      await admin.add(lena);
    } finally {
      await asAda.destroy();
    }
  });

  afterEach(async () => {
    for (const desk of consoles.splice(0)) await desk.dispose();
    await owner.destroy();
  });

  it('lets each console work as its signed-in analyst, recorded as such', async () => {
    const bramsConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, bram) });
    consoles.push(bramsConsole);
    expect(bramsConsole.info.analyst).toBe(bram.login);
    const ticket = await bramsConsole.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'Printer jams',
    });
    expect(ticket.createdBy).toBe(bram.login);
    const queue = await bramsConsole.call('tickets.queue', {});
    expect(queue.tickets.map((row) => row.id)).toEqual([ticket.id]);

    // The desk's settings are a lead's: the database refuses the analyst, not the console.
    const config = await bramsConsole.call('workflow.config', {});
    const refused = await callError(bramsConsole.call('workflow.configure', config));
    expect(refused).toEqual({
      code: 'forbidden',
      message: 'Your role on this desk does not allow this; a team lead or administrator can do it',
    });
    const lenasConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, lena) });
    consoles.push(lenasConsole);
    await expect(lenasConsole.call('workflow.configure', config)).resolves.toBeTruthy();
    // An analyst's groups are the administrator's to set, not their own.
    const ownGroups = await callError(bramsConsole.call('profile.update', { groups: ['network'] }));
    expect(ownGroups.code).toBe('forbidden');
  });

  it('lets an administrator manage analysts from the console, groups in the desk’s configuration', async () => {
    const adasConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, ada) });
    consoles.push(adasConsole);
    expect(await adasConsole.call('desk.session', {})).toEqual({
      analyst: ada.login,
      role: 'admin',
      roles: true,
    });
    const kim = { ...analyst(`kim_${process.pid}_${run}`, 'analyst'), groups: ['network'] };
    const unknownGroup = await callError(
      adasConsole.call('desk.addAnalyst', { ...kim, groups: ['no-such-group'] }),
    );
    expect(unknownGroup).toMatchObject({ code: 'validation', issues: [{ path: 'groups' }] });
    const taken = await callError(
      adasConsole.call('desk.addAnalyst', { ...kim, login: bram.login }),
    );
    expect(taken.code).toBe('conflict');
    expect((await adasConsole.call('desk.analysts', {})).map((a) => a.login)).toEqual(
      [ada.login, bram.login, lena.login].sort(),
    );

    const added = await adasConsole.call('desk.addAnalyst', kim);
    expect(added.find((a) => a.login === kim.login)).toMatchObject({
      role: 'analyst',
      groups: ['network'],
      disabled: false,
    });
    const kimsConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, kim) });
    consoles.push(kimsConsole);
    expect(await kimsConsole.call('profile.get', {})).toMatchObject({
      analyst: kim.login,
      groups: ['network'],
    });
    expect(await kimsConsole.call('desk.session', {})).toMatchObject({ role: 'analyst' });

    const { login } = kim;
    const changed = await adasConsole.call('desk.changeAnalyst', {
      login,
      name: kim.name,
      email: kim.email,
      language: kim.language,
      role: 'lead',
      groups: ['workplace', 'identity'],
    });
    expect(changed.find((a) => a.login === login)).toMatchObject({
      role: 'lead',
      groups: ['workplace', 'identity'],
    });
    // The new role holds at once in the database: the lead now reads the audit log.
    const trail = await kimsConsole.call('audit.list', { action: 'analyst.changed' });
    expect(trail.entries.map((e) => [e.analyst, e.subject])).toEqual([[ada.login, login]]);

    // Bram, an analyst, may not manage anyone: the database says so.
    const bramsConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, bram) });
    consoles.push(bramsConsole);
    const refused = await callError(bramsConsole.call('desk.disableAnalyst', { login }));
    expect(refused.code).toBe('forbidden');
    expect(await bramsConsole.call('desk.session', {})).toMatchObject({ role: 'analyst' });
  });

  it('refuses an analyst’s own credentials, used directly, what their role may not do', async () => {
    const asBram = signedInAs(ownerUrl, bram);
    await sql`INSERT INTO machines (id, name, transport, address, port, fingerprint, cert_pem,
      token_sealed, added_at) VALUES ('m1', 'PC-1', 'agent-https', '10.0.0.1', 7443, 'f', 'c',
      't', '2026-12-02T08:00:00.000Z')`.execute(owner);

    const denied = /permission denied/;
    expect(await tryAs(asBram, `UPDATE settings SET value = '{}'`)).toMatch(denied);
    expect(await tryAs(asBram, `INSERT INTO settings (key, value) VALUES ('sla', '{}')`)).toMatch(
      denied,
    );
    expect(await tryAs(asBram, `DELETE FROM machines`)).toMatch(denied);
    // Agents' keys are the desk's: not an analyst's to read, whatever the role.
    expect(await tryAs(asBram, `SELECT key FROM machine_keys`)).toMatch(denied);
    expect(await tryAs(signedInAs(ownerUrl, ada), `SELECT key FROM machine_keys`)).toMatch(denied);
    expect(await tryAs(asBram, `SELECT * FROM audit_log`)).toMatch(denied);
    expect(await tryAs(asBram, `UPDATE audit_log SET action = 'nothing'`)).toMatch(denied);
    expect(await tryAs(asBram, `DELETE FROM audit_log`)).toMatch(denied);
    expect(await tryAs(asBram, `CREATE TABLE mine (x int)`)).toMatch(denied);
    expect(await tryAs(asBram, `DROP TABLE tickets`)).toMatch(/must be owner/);
    expect(
      await tryAs(
        asBram,
        `SELECT deskside_add_analyst('eve', 'a long password', 'Eve', 'e@x.org', 'en', 'admin')`,
      ),
    ).toMatch(denied);
    expect(await tryAs(asBram, `GRANT ${names.admin} TO ${bram.login}`)).toMatch(
      /permission denied|must have admin option/,
    );
    // What an analyst may do, they may.
    expect(await tryAs(asBram, `SELECT count(*) FROM tickets`)).toBe('ok');
    // An entry claiming to be someone else's is signed with the login that wrote it.
    expect(
      await tryAs(
        asBram,
        `INSERT INTO audit_log (at, analyst, pc, action) VALUES ('2026-12-02T08:00:00.000Z', '${ada.login}', 'y', 'checks.run')`,
      ),
    ).toBe('ok');
    const forged = await sql<{ analyst: string }>`
      SELECT analyst FROM audit_log WHERE action = 'checks.run'`.execute(owner);
    expect(forged.rows).toEqual([{ analyst: bram.login }]);

    // A lead reads the audit log and changes settings, and still cannot rewrite the log.
    const asLena = signedInAs(ownerUrl, lena);
    expect(await tryAs(asLena, `SELECT * FROM audit_log`)).toBe('ok');
    expect(await tryAs(asLena, `DELETE FROM machines`)).toMatch(denied);
    expect(await tryAs(asLena, `UPDATE audit_log SET action = 'nothing'`)).toMatch(denied);
    // Nobody rewrites it: not an administrator, not even the desk's owner.
    const asAda = signedInAs(ownerUrl, ada);
    expect(await tryAs(asAda, `DELETE FROM machines WHERE id = 'm1'`)).toBe('ok');
    expect(await tryAs(asAda, `DELETE FROM audit_log`)).toMatch(denied);
    expect(await tryAs(ownerUrl, `UPDATE audit_log SET action = 'nothing'`)).toMatch(
      /audit_log is immutable/,
    );
    expect(await tryAs(ownerUrl, `TRUNCATE audit_log`)).toMatch(/audit_log is immutable/);
  });

  it('signs every author column with the analyst signed in, whatever psql sends', async () => {
    const bramsConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, bram) });
    consoles.push(bramsConsole);
    const ticket = await bramsConsole.call('tickets.create', {
      requester: 'Sam',
      channel: 'phone',
      summary: 'VPN drops',
    });
    const asBram = signedInAs(ownerUrl, bram);
    // Who created a ticket stays who created it; a note claiming to be Ada's is Bram's.
    expect(
      await tryAs(asBram, `UPDATE tickets SET created_by = '${ada.login}' WHERE id = ${ticket.id}`),
    ).toBe('ok');
    expect(
      await tryAs(
        asBram,
        `INSERT INTO timeline (ticket_id, kind, author, at, body, data)
         VALUES (${ticket.id}, 'note', '${ada.login}', '2026-12-02T08:00:00.000Z', 'forged', '{}')`,
      ),
    ).toBe('ok');
    const { rows } = await sql<{ createdBy: string; author: string }>`
      SELECT t.created_by, n.author FROM tickets t JOIN timeline n ON n.ticket_id = t.id
      WHERE t.id = ${ticket.id} AND n.body = 'forged'`.execute(owner);
    expect(rows).toEqual([{ createdBy: bram.login, author: bram.login }]);
    // The desk's owner (an import, a restore) writes what it is given.
    await sql`INSERT INTO timeline (ticket_id, kind, author, at, body, data)
      VALUES (${ticket.id}, 'note', 'imported.analyst', '2026-11-01T08:00:00.000Z', 'old', '{}')`.execute(
      owner,
    );
    const imported = await sql<{ author: string }>`
      SELECT author FROM timeline WHERE body = 'old'`.execute(owner);
    expect(imported.rows).toEqual([{ author: 'imported.analyst' }]);
  });

  it('cuts a disabled analyst off at once, and keeps who did it in the audit log', async () => {
    const bramsConsole = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, bram) });
    consoles.push(bramsConsole);
    await bramsConsole.call('tickets.queue', {});
    const bramsPool = postgresPool(signedInAs(ownerUrl, bram), 1);
    const open = await bramsPool.connect();
    // The server ends this session mid-test: that is the point, not a crash.
    open.on('error', () => undefined);
    try {
      await open.query('SELECT 1');
      const asAda = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, ada) });
      try {
        await new DeskAnalysts(asAda).disable(bram.login);
        const accounts = await new DeskAnalysts(asAda).list();
        expect(accounts.find((a) => a.login === bram.login)?.disabled).toBe(true);
        // An analyst is no administrator: they cannot disable anyone, or undo it.
        const asLena = await openDatabaseTarget({
          kind: 'postgres',
          url: signedInAs(ownerUrl, lena),
        });
        try {
          await expect(new DeskAnalysts(asLena).disable(ada.login)).rejects.toThrow(
            /permission denied/,
          );
        } finally {
          await asLena.destroy();
        }
      } finally {
        await asAda.destroy();
      }
      // The session that was open is gone, and a new one is refused.
      await expect(open.query('SELECT 1')).rejects.toThrow(/terminat|connection/i);
    } finally {
      open.release(true);
      await bramsPool.end();
    }
    expect(await tryAs(signedInAs(ownerUrl, bram), 'SELECT 1').catch(String)).toMatch(
      /not permitted to log in/,
    );
    // His console says so in words, not as a fault of its own.
    const refused = await callError(bramsConsole.call('tickets.queue', {}));
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(refused.message).toMatch(/no longer lets you in/);

    const { rows } = await sql<{ analyst: string; action: string; subject: string; pc: string }>`
      SELECT analyst, action, subject, pc FROM audit_log ORDER BY id`.execute(owner);
    expect(rows.map(({ analyst, action, subject }) => [analyst, action, subject])).toEqual([
      [new URL(ownerUrl).username, 'analyst.added', ada.login],
      [ada.login, 'analyst.added', bram.login],
      [ada.login, 'analyst.added', lena.login],
      [bram.login, 'console.opened', ''],
      [ada.login, 'analyst.disabled', bram.login],
    ]);
    // The PC by its host name, as the console writes it for its own entries.
    expect(rows[4]?.pc).toBe(os.hostname());
  });

  it('refuses a bad new analyst with a clear error and creates nothing', async () => {
    const asAda = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, ada) });
    try {
      const admin = new DeskAnalysts(asAda);
      await expect(
        admin.add({ ...analyst('Robert; DROP', 'analyst'), email: 'robert@example.org' }),
      ).rejects.toThrow(/Invalid analyst: login/);
      await expect(
        admin.add({ ...analyst('short_pw', 'analyst'), password: 'abc' }),
      ).rejects.toThrow(/at least 12 characters/);
      await expect(admin.add(bram)).rejects.toThrow(/is taken on this server/);
      expect((await admin.list()).map((a) => a.login)).toEqual(
        [ada.login, bram.login, lena.login].sort(),
      );
    } finally {
      await asAda.destroy();
    }
  });

  it('never upgrades the schema under an analyst’s login: it asks for the owner', async () => {
    await sql`DELETE FROM kysely_migration WHERE name = '0005-desk'`.execute(owner);
    await expect(
      openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, bram) }),
    ).rejects.toThrow(/only the desk's owner upgrades it/);
  });
});
