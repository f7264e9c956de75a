/**
 * Machines without the agent, through the console's API, against real OpenSSH servers on
 * 127.0.0.1: first contact and confirmation, inventory attached to a ticket, a desk of two
 * analysts on PostgreSQL each logging in with their own key (which the database never
 * sees), a host key that changed, a jump host, and logins kept or forgotten when a console
 * closes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inventoryHostname, type NewAnalyst, type SshAuth } from '@deskside/core';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { followRun } from '#test/helpers/check-runs';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, signedInAs } from '#test/helpers/desk';
import { makeSshKey, startSshd, type SshKeyPair, type SshServer } from '#test/helpers/sshd';
import { newPostgresDatabase } from '#test/helpers/stores';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { openDatabaseTarget } from '../database/open';
import { DeskAnalysts, setUpDesk } from '../desk/desk-roles';

const PASSPHRASE = 'grey heron over the canal';
const folders = temporaryFolders('deskside-ssh-machines-');
let server: SshServer;
let jump: SshServer;
let keys: Record<'bram' | 'cleo' | 'stranger', SshKeyPair>;
const consoles: TestConsole[] = [];

const keyAuth = (key: SshKeyPair, passphrase?: string): SshAuth => ({
  kind: 'key',
  privateKey: key.privateKey,
  ...(passphrase ? { passphrase } : {}),
});

const target = (s: SshServer) => ({ host: s.host, port: s.port, username: s.username });

async function open(options: Parameters<typeof openTestConsole>[0] = {}): Promise<TestConsole> {
  const desk = await openTestConsole(options);
  consoles.push(desk);
  return desk;
}

beforeAll(async () => {
  const dir = await folders.make();
  const [bram, cleo, stranger] = await Promise.all([
    makeSshKey(dir, 'id_bram', 'ed25519', PASSPHRASE),
    makeSshKey(dir, 'id_cleo', 'ecdsa'),
    makeSshKey(dir, 'id_stranger', 'ed25519'),
  ]);
  keys = { bram, cleo, stranger };
  const authorizedKeys = [bram.publicKey, cleo.publicKey];
  [server, jump] = await Promise.all([
    startSshd({ authorizedKeys }),
    startSshd({ authorizedKeys }),
  ]);
});

afterEach(async () => {
  for (const desk of consoles.splice(0)) await desk.dispose();
});

afterAll(async () => {
  await Promise.all([server.stop(), jump.stop()]);
  await folders.removeAll();
});

describe('adding a machine over SSH', () => {
  it('shows the host key on first contact, adds the machine once it is confirmed, and attaches its inventory', async () => {
    const desk = await open();
    const probed = await desk.call('machines.probeSsh', { target: target(server) });
    expect(probed).toEqual({
      hop: 'machine',
      host: '127.0.0.1',
      port: server.port,
      fingerprint: server.hostKey.fingerprint,
    });

    const machine = await desk.call('machines.addSsh', {
      target: target(server),
      auth: keyAuth(keys.bram, PASSPHRASE),
      hostKey: probed.fingerprint,
      name: 'LAB-LINUX-01',
    });
    expect(machine).toMatchObject({
      name: 'LAB-LINUX-01',
      transport: 'ssh',
      address: '127.0.0.1',
      port: server.port,
      fingerprint: server.hostKey.fingerprint,
      ssh: { username: server.username, jump: null, login: 'session', authKind: 'key' },
    });
    const listed = (await desk.call('machines.list', {})).find((m) => m.id === machine.id);
    expect(listed?.transport).toBe('ssh');

    const snapshot = await desk.call('machines.inventory', { id: machine.id });
    expect(snapshot.transport).toBe('ssh');
    expect(inventoryHostname(snapshot.inventory)).toBe(machine.hostname);
    // Kept in the machine's inventory history as read over SSH.
    const [kept] = await desk.call('machines.inventoryHistory', { id: machine.id });
    expect(kept?.source).toBe('ssh');
    const ticket = await desk.call('tickets.create', {
      requester: 'Lab manager',
      summary: 'Lab PC is slow',
      channel: 'phone',
    });
    const evidence = await desk.call('tickets.attachInventory', {
      ticketId: ticket.id,
      snapshotId: snapshot.snapshotId,
    });
    expect(evidence).toMatchObject({ kind: 'inventory', transport: 'ssh', machineId: machine.id });

    expect(await desk.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'paired',
    });

    // Checks over the same connection, with the agent's own check code, attached as evidence.
    const started = await desk.call('machines.startChecks', {
      id: machine.id,
      checks: [
        { checkId: 'disk.free', params: { path: '/' } },
        { checkId: 'tcp.port', params: { host: '127.0.0.1', port: server.port } },
        { checkId: 'service.running', params: { name: 'no-such-service-here' } },
      ],
    });
    const run = (await followRun(desk, started)).at(-1)!;
    expect(run.state).toBe('done');
    expect(run.transport).toBe('ssh');
    const [disk, port, service] = run.checks.map((c) => c.result);
    expect(disk).toMatchObject({ checkId: 'disk.free', facts: { path: '/' } });
    expect(disk?.facts.totalBytes).toBeGreaterThan(0);
    expect(port).toMatchObject({ checkId: 'tcp.port', status: 'pass' });
    expect(service).toMatchObject({ checkId: 'service.running', status: 'fail' });
    const attached = await desk.call('tickets.attachCheckRun', {
      ticketId: ticket.id,
      runId: run.runId,
    });
    expect(attached).toMatchObject({ kind: 'checks', transport: 'ssh' });

    // A check that needs the agent on the machine is refused before anything runs.
    const refused = await callError(
      desk.call('machines.startChecks', {
        id: machine.id,
        checks: [{ checkId: 'fs.writable', params: {} }],
      }),
    );
    expect(refused.code).toBe('validation');
    expect(refused.message).toMatch(/does not run over SSH/);
  });

  it('refuses a key the analyst did not confirm, and a second entry for the same server', async () => {
    const desk = await open();
    const wrongKey = await callError(
      desk.call('machines.addSsh', {
        target: target(server),
        auth: keyAuth(keys.cleo),
        hostKey: keys.stranger.fingerprint,
      }),
    );
    expect(wrongKey.code).toBe('host_key_changed');
    const refused = await callError(
      desk.call('machines.addSsh', {
        target: target(server),
        auth: keyAuth(keys.stranger),
        hostKey: server.hostKey.fingerprint,
      }),
    );
    expect(refused.code).toBe('ssh_auth_refused');
    expect(await desk.call('machines.list', {})).toHaveLength(1); // This computer only.

    const input = {
      target: target(server),
      auth: keyAuth(keys.cleo),
      hostKey: server.hostKey.fingerprint,
    };
    await desk.call('machines.addSsh', input);
    expect((await callError(desk.call('machines.addSsh', input))).code).toBe('conflict');
  });

  it('reaches a machine through a jump host, confirming the jump host first', async () => {
    const desk = await open();
    const jumpHop = { target: target(jump), auth: keyAuth(keys.cleo) };
    const first = await desk.call('machines.probeSsh', {
      target: target(server),
      jump: { ...jumpHop, hostKey: null },
    });
    expect(first).toMatchObject({ hop: 'jump', fingerprint: jump.hostKey.fingerprint });
    const second = await desk.call('machines.probeSsh', {
      target: target(server),
      jump: { ...jumpHop, hostKey: first.fingerprint },
    });
    expect(second).toMatchObject({ hop: 'machine', fingerprint: server.hostKey.fingerprint });
    const before = jump.log().match(/Accepted publickey/g)?.length ?? 0;
    const machine = await desk.call('machines.addSsh', {
      target: target(server),
      auth: keyAuth(keys.cleo),
      hostKey: second.fingerprint,
      jump: { ...jumpHop, hostKey: first.fingerprint },
    });
    expect(machine.ssh?.jump).toEqual({
      host: '127.0.0.1',
      port: jump.port,
      username: jump.username,
      hostKey: jump.hostKey.fingerprint,
    });
    const snapshot = await desk.call('machines.inventory', { id: machine.id });
    expect(snapshot.transport).toBe('ssh');
    expect(jump.log().match(/Accepted publickey/g)?.length ?? 0).toBeGreaterThan(before);
  });

  it('offers the fingerprints a known_hosts file holds for the machine', async () => {
    const desk = await open();
    const [type, blob] = server.hostKey.publicKey.split(' ');
    const text = [
      `# exported from an admin's laptop`,
      `other.example.org ${keys.stranger.publicKey}`,
      `[127.0.0.1]:${server.port} ${type} ${blob}`,
    ].join('\n');
    expect(
      await desk.call('machines.knownHosts', { text, host: '127.0.0.1', port: server.port }),
    ).toEqual({ fingerprints: [server.hostKey.fingerprint] });
    expect(
      await desk.call('machines.knownHosts', { text, host: '127.0.0.1', port: server.port + 1 }),
    ).toEqual({ fingerprints: [] });
  });

  it('keeps a login the analyst asked it to remember, sealed, and forgets one it was not asked to', async () => {
    const dataDir = await folders.make();
    const first = await open({ dataDir });
    const remembered = await first.call('machines.addSsh', {
      target: target(server),
      auth: keyAuth(keys.bram, PASSPHRASE),
      hostKey: server.hostKey.fingerprint,
      remember: true,
    });
    const forgotten = await first.call('machines.addSsh', {
      target: target(jump),
      auth: keyAuth(keys.cleo),
      hostKey: jump.hostKey.fingerprint,
    });
    expect(remembered.ssh?.login).toBe('remembered');
    expect(forgotten.ssh?.login).toBe('session');
    const files = await readdir(path.join(dataDir, 'ssh-logins'));
    const sealed = await Promise.all(
      files.map((f) => readFile(path.join(dataDir, 'ssh-logins', f), 'utf8')),
    );
    expect(sealed.join('')).not.toContain(PASSPHRASE);
    expect(sealed.join('')).not.toContain('OPENSSH PRIVATE KEY');
    await first.close();
    consoles.splice(consoles.indexOf(first), 1);

    const again = await open({ dataDir });
    expect((await again.call('machines.get', { id: remembered.id })).ssh?.login).toBe('remembered');
    expect((await again.call('machines.inventory', { id: remembered.id })).transport).toBe('ssh');
    expect((await again.call('machines.get', { id: forgotten.id })).ssh?.login).toBe('none');
    expect((await callError(again.call('machines.inventory', { id: forgotten.id }))).code).toBe(
      'ssh_login_missing',
    );
    await again.call('machines.forgetSshLogin', { id: remembered.id });
    expect((await again.call('machines.get', { id: remembered.id })).ssh?.login).toBe('none');
  });
});

describe('SSH machines on a desk of analysts (PostgreSQL)', () => {
  let ownerUrl: string;
  let bram: NewAnalyst;
  let cleo: NewAnalyst;

  beforeAll(async () => {
    bram = deskAnalyst(`bram_ssh_${process.pid}`, 'admin');
    cleo = deskAnalyst(`cleo_ssh_${process.pid}`, 'analyst');
    ownerUrl = await newPostgresDatabase();
    const owner = await openDatabaseTarget({ kind: 'postgres', url: ownerUrl });
    try {
      await setUpDesk(owner, bram);
      const asBram = await openDatabaseTarget({
        kind: 'postgres',
        url: signedInAs(ownerUrl, bram),
      });
      try {
        await new DeskAnalysts(asBram).add(cleo);
      } finally {
        await asBram.destroy();
      }
    } finally {
      await owner.destroy();
    }
  });

  it('shares the machine and its confirmed key, never a login; refuses a changed key until it is confirmed again', async () => {
    const bramsConsole = await open({ databaseUrl: signedInAs(ownerUrl, bram) });
    const cleosConsole = await open({ databaseUrl: signedInAs(ownerUrl, cleo) });
    const machine = await bramsConsole.call('machines.addSsh', {
      target: target(server),
      auth: keyAuth(keys.bram, PASSPHRASE),
      hostKey: server.hostKey.fingerprint,
      remember: true,
    });

    // Cleo sees the machine with the key Bram confirmed, and has no login of her own yet.
    const seen = await cleosConsole.call('machines.get', { id: machine.id });
    expect(seen).toMatchObject({ transport: 'ssh', fingerprint: server.hostKey.fingerprint });
    expect(seen.ssh).toMatchObject({ login: 'none', authKind: null });
    expect(
      (await callError(cleosConsole.call('machines.inventory', { id: machine.id }))).code,
    ).toBe('ssh_login_missing');
    expect(await cleosConsole.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'refused',
    });
    const wrong = await callError(
      cleosConsole.call('machines.sshLogin', { id: machine.id, auth: keyAuth(keys.stranger) }),
    );
    expect(wrong.code).toBe('ssh_auth_refused');
    await cleosConsole.call('machines.sshLogin', { id: machine.id, auth: keyAuth(keys.cleo) });
    const snapshot = await cleosConsole.call('machines.inventory', { id: machine.id });
    expect(snapshot.transport).toBe('ssh');
    expect(server.log()).toContain(`Accepted publickey for ${server.username}`);

    // Nothing of either login is in the desk's database.
    const owner = await openDatabaseTarget({ kind: 'postgres', url: ownerUrl });
    try {
      const rows = await sql<{ row: string }>`SELECT row_to_json(m)::text AS row FROM machines m
        UNION ALL SELECT row_to_json(a)::text FROM audit_log a`.execute(owner);
      const everything = rows.rows.map((r) => r.row).join('\n');
      expect(everything).toContain(server.hostKey.fingerprint);
      for (const secret of [PASSPHRASE, keys.bram.privateKey, keys.cleo.privateKey]) {
        expect(everything).not.toContain(secret.trim().split('\n')[1]);
      }

      // The server is reinstalled: another host key answers at the machine's address.
      const reinstalled = await startSshd({
        authorizedKeys: [keys.bram.publicKey, keys.cleo.publicKey],
      });
      try {
        await owner
          .updateTable('machines')
          .set({ port: reinstalled.port })
          .where('id', '=', machine.id)
          .execute();
        const changed = await callError(
          cleosConsole.call('machines.inventory', { id: machine.id }),
        );
        expect(changed.code).toBe('host_key_changed');
        expect(changed.message).toContain(reinstalled.hostKey.fingerprint);
        expect(await bramsConsole.call('machines.status', { id: machine.id })).toMatchObject({
          state: 'certificate_changed',
          presentedFingerprint: reinstalled.hostKey.fingerprint,
        });
        expect(reinstalled.log()).not.toContain('Accepted publickey');

        // Bram checks the new key on the machine and confirms it, for the whole desk.
        await bramsConsole.call('machines.confirmSshHostKey', {
          id: machine.id,
          hostKey: reinstalled.hostKey.fingerprint,
        });
        expect((await cleosConsole.call('machines.inventory', { id: machine.id })).transport).toBe(
          'ssh',
        );
        const audit = await bramsConsole.call('audit.list', {
          action: 'machine.host_key_confirmed',
        });
        expect(audit.entries[0]).toMatchObject({
          analyst: bram.login,
          subject: machine.id,
          details: { hostKey: reinstalled.hostKey.fingerprint },
        });
      } finally {
        await reinstalled.stop();
      }
    } finally {
      await owner.destroy();
    }
  });
});
