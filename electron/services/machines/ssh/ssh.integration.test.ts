import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { CommandError, type CommandRunner } from '@deskside/agent/collect';
import { DesksideError, InventoryV2Schema, type SshAuth, type SshMachine } from '@deskside/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#test/helpers/free-port';
import { ManagedProcess } from '#test/helpers/managed-process';
import { makeSshKey, startSshd, type SshKeyPair, type SshServer } from '#test/helpers/sshd';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { connectMachine, type Connection } from './connect';
import { collectLinuxInventory } from './linux-inventory';
import { SshPool } from './pool';
import { PLATFORM_SCRIPT, collectRemoteInventory } from './remote-inventory';
import { commandFailure, remoteCommands, remoteRunner } from './runner';
import { HOSTILE_VALUES } from './fixtures/hostile-values';

const folders = temporaryFolders('deskside-ssh-');
let dir: string;
let server: SshServer;
let keys: Record<'ed25519' | 'ecdsa' | 'rsa' | 'protected' | 'stranger', SshKeyPair>;

const keyAuth = (key: SshKeyPair, passphrase?: string): SshAuth => ({
  kind: 'key',
  privateKey: key.privateKey,
  ...(passphrase ? { passphrase } : {}),
});

function machine(auth: SshAuth, hostKey: string | null = server.hostKey.fingerprint): SshMachine {
  return {
    target: { host: server.host, port: server.port, username: server.username },
    auth,
    hostKey,
  };
}

async function connected(m: SshMachine): Promise<Extract<Connection, { status: 'connected' }>> {
  const connection = await connectMachine(m);
  if (connection.status !== 'connected')
    throw new Error(`not connected: ${connection.fingerprint}`);
  return connection;
}

async function runOn<T>(m: SshMachine, use: (run: CommandRunner) => Promise<T>): Promise<T> {
  const connection = await connected(m);
  try {
    return await use(remoteRunner(connection.ssh.connection!));
  } finally {
    connection.close();
  }
}

const logins = () => server.log().match(/Accepted publickey/g)?.length ?? 0;

beforeAll(async () => {
  dir = await folders.make();
  const [ed25519, ecdsa, rsa, protectedKey, stranger] = await Promise.all([
    makeSshKey(dir, 'id_ed25519', 'ed25519'),
    makeSshKey(dir, 'id_ecdsa', 'ecdsa'),
    makeSshKey(dir, 'id_rsa', 'rsa'),
    makeSshKey(dir, 'id_protected', 'ed25519', 'correct horse battery staple'),
    makeSshKey(dir, 'id_stranger', 'ed25519'),
  ]);
  keys = { ed25519, ecdsa, rsa, protected: protectedKey, stranger };
  server = await startSshd({
    authorizedKeys: [ed25519, ecdsa, rsa, protectedKey].map((k) => k.publicKey),
  });
});

afterAll(async () => {
  await server.stop();
  await folders.removeAll();
});

describe('connecting to a machine over SSH', () => {
  it('on first contact answers the host key fingerprint to confirm, and logs in to nothing', async () => {
    const before = logins();
    const connection = await connectMachine(machine(keyAuth(keys.ed25519), null));
    expect(connection).toEqual({
      status: 'unconfirmed',
      hop: 'machine',
      host: `127.0.0.1:${server.port}`,
      fingerprint: server.hostKey.fingerprint,
    });
    expect(logins()).toBe(before);
  });

  it.each(['ed25519', 'ecdsa', 'rsa'] as const)(
    'logs in with an %s key once the host key is confirmed',
    async (type) => {
      const out = await runOn(machine(keyAuth(keys[type])), (run) => run('id', ['-un']));
      expect(out).toMatchObject({ stdout: `${server.username}\n`, exitCode: 0 });
    },
  );

  it('refuses a host key other than the confirmed one, logs in to nothing and runs nothing', async () => {
    const before = logins();
    const error = await connectMachine(
      machine(keyAuth(keys.ed25519), keys.stranger.fingerprint),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesksideError);
    expect(error).toMatchObject({ code: 'host_key_changed' });
    expect((error as Error).message).toContain(server.hostKey.fingerprint);
    expect((error as Error).message).toContain(keys.stranger.fingerprint);
    expect(logins()).toBe(before);
  });

  it('says the login was refused for a key the machine does not authorize', async () => {
    await expect(connectMachine(machine(keyAuth(keys.stranger)))).rejects.toMatchObject({
      code: 'ssh_auth_refused',
      message: expect.stringContaining('not authorized') as string,
    });
  });

  it('logs in with a passphrase-protected key, and says so when the passphrase is missing or wrong', async () => {
    const out = await runOn(
      machine(keyAuth(keys.protected, 'correct horse battery staple')),
      (run) => run('echo', ['unlocked']),
    );
    expect(out.stdout).toBe('unlocked\n');
    await expect(connectMachine(machine(keyAuth(keys.protected)))).rejects.toMatchObject({
      code: 'ssh_auth_refused',
      message: expect.stringMatching(/passphrase/i) as string,
    });
    await expect(connectMachine(machine(keyAuth(keys.protected, 'wrong')))).rejects.toMatchObject({
      code: 'ssh_auth_refused',
    });
  });

  it("logs in with a key held by the analyst's ssh-agent", async () => {
    const socket = path.join(dir, 'agent.sock');
    const agent = await ManagedProcess.start('ssh-agent', ['-D', '-a', socket], {
      label: 'ssh-agent',
    });
    try {
      await agent.waitForLine(/SSH_AUTH_SOCK/, 10_000);
      await promisify(execFile)('ssh-add', [keys.rsa.privateKeyPath], {
        env: { ...process.env, SSH_AUTH_SOCK: socket },
      });
      const out = await runOn(machine({ kind: 'agent', socket }), (run) => run('id', ['-un']));
      expect(out.stdout).toBe(`${server.username}\n`);
    } finally {
      await agent.stop();
    }
  });

  it('ends with machine_unreachable at once when nothing listens, and in time when the server never answers', async () => {
    const silent = net.createServer(() => undefined); // Accepts, then says nothing.
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    const closedPort = await freePort(); // Nothing listens there.
    try {
      const at = (port: number): SshMachine => ({
        ...machine(keyAuth(keys.ed25519)),
        target: { host: '127.0.0.1', port, username: server.username },
      });
      await expect(connectMachine(at(closedPort))).rejects.toMatchObject({
        code: 'machine_unreachable',
        message: expect.stringContaining('nothing listens') as string,
      });
      const started = Date.now();
      await expect(connectMachine(at(silentPort), { readyTimeoutMs: 1000 })).rejects.toMatchObject({
        code: 'machine_unreachable',
        message: expect.stringContaining('did not answer within 1000 ms') as string,
      });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });

  it('reaches a machine through a jump host, checking both host keys', async () => {
    const jump = await startSshd({ authorizedKeys: [keys.ecdsa.publicKey] });
    try {
      const through = (jumpKey: string | null): SshMachine => ({
        ...machine(keyAuth(keys.ed25519)),
        jump: {
          target: { host: jump.host, port: jump.port, username: jump.username },
          auth: keyAuth(keys.ecdsa),
          hostKey: jumpKey,
        },
      });
      await expect(connectMachine(through(null))).resolves.toMatchObject({
        status: 'unconfirmed',
        hop: 'jump',
        fingerprint: jump.hostKey.fingerprint,
      });
      const out = await runOn(through(jump.hostKey.fingerprint), (run) => run('id', ['-un']));
      expect(out.stdout).toBe(`${server.username}\n`);
      expect(jump.log()).toMatch(/direct-tcpip|Accepted publickey/);
    } finally {
      await jump.stop();
    }
  });
});

describe('running commands over SSH', () => {
  it('hands hostile arguments over as literal words and runs nothing in them', async () => {
    const marker = path.join(dir, 'ran');
    const attacks = [
      ...HOSTILE_VALUES,
      `'; touch ${marker} #`,
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `\ntouch ${marker}\n`,
    ];
    const outs = await runOn(machine(keyAuth(keys.ed25519)), (run) =>
      Promise.all(attacks.map((value) => run('printf', ['<%s>', value], { timeoutMs: 40_000 }))),
    );
    expect(outs).toEqual(
      attacks.map((value) => ({ stdout: `<${value}>`, stderr: '', exitCode: 0 })),
    );
    expect(existsSync(marker)).toBe(false);
  });

  it('ends a command that hangs with a clear error in time, and kills it on the machine', async () => {
    await runOn(machine(keyAuth(keys.ed25519)), async (run) => {
      const started = Date.now();
      const error = await run('sleep', ['31.4159'], { timeoutMs: 1000 }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2500);
      expect(error).toBeInstanceOf(CommandError);
      expect(commandFailure(error, 'pc-7')).toMatchObject({
        code: 'command_timeout',
        message: 'On pc-7: sleep did not finish within 1000 ms',
      });
      // Killed on the machine by `timeout` a second after the console gave up.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const left = await run('pgrep', ['-f', '[s]leep 31.4159']);
      expect(left).toMatchObject({ stdout: '', exitCode: 1 });
    });
  });

  it('stops a command at its output cap, and says a program is not installed', async () => {
    await runOn(machine(keyAuth(keys.ed25519)), async (run) => {
      await expect(
        run('head', ['-c', '100000', '/dev/zero'], { maxBytes: 1000 }),
      ).rejects.toMatchObject({
        failure: 'too_large',
      });
      await expect(run('no-such-program-here', [])).rejects.toMatchObject({ failure: 'missing' });
      // The connection still serves commands after both.
      await expect(run('true', [])).resolves.toMatchObject({ exitCode: 0 });
    });
  });

  it('reuses one connection per machine, closes it when idle and keeps to the connection limit', async () => {
    const pool = new SshPool({ idleMs: 200, maxConnections: 1 });
    try {
      const before = logins();
      const m = machine(keyAuth(keys.ed25519));
      const outs = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          // More than OpenSSH's 10 sessions per connection at once: the runner queues them.
          pool.use('pc-1', m, ({ run }) => run('echo', [String(i)], { timeoutMs: 40_000 })),
        ),
      );
      expect(outs.map((o) => o.stdout)).toEqual(Array.from({ length: 12 }, (_, i) => `${i}\n`));
      expect(logins() - before).toBe(1);
      // A second machine waits for the one slot, which the first gives up once idle.
      const other = machine(keyAuth(keys.ecdsa));
      await pool.use('pc-2', other, ({ run }) => run('true', []));
      expect(pool.size).toBe(1);
      expect(logins() - before).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(pool.size).toBe(0);
    } finally {
      pool.closeAll();
    }
  }, 60_000);
});

describe('the Linux inventory over SSH', () => {
  it("of this machine fits core's schema and agrees with what this process sees", async () => {
    const inventory = await runOn(machine(keyAuth(keys.ed25519)), (run) =>
      collectLinuxInventory(run),
    );
    expect(InventoryV2Schema.parse(inventory)).toEqual(inventory);
    expect(inventory.hostname).toBe(os.hostname());
    expect(inventory.os).toMatchObject({
      platform: 'linux',
      kernel: os.release(),
      arch: os.arch(),
    });
    const memTotal = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))![1]);
    expect(inventory.memory?.totalBytes).toBe(memTotal * 1024);
    expect(inventory.cpu?.cores).toBe(os.cpus().length);
    expect(inventory.fileSystems?.some((f) => f.mount === '/')).toBe(true);
    expect(inventory.network?.interfaces.map((i) => i.name)).toEqual(
      expect.arrayContaining(Object.keys(os.networkInterfaces())),
    );
    // dpkg-query ran over the connection: this Debian machine has openssh-server installed.
    expect(inventory.software?.programs.some((p) => p.name === 'openssh-server')).toBe(true);
    expect(inventory.problems.map((p) => p.section)).not.toContain('software');
  }, 60_000);
});

describe('the inventory of a machine over SSH, whatever its OS', () => {
  it('finds that this machine runs Linux and reads it with the Linux collector', async () => {
    const connection = await connected(machine(keyAuth(keys.ed25519)));
    try {
      const remote = remoteCommands(connection.ssh.connection!);
      const { os: detected, inventory } = await collectRemoteInventory(remote, {
        sections: ['os'],
      });
      expect(detected).toBe('linux');
      expect(inventory.os).toMatchObject({ platform: 'linux', kernel: os.release() });
      // The encoded PowerShell command line reaches the machine's shell as it is: no
      // powershell.exe here, which the shell says as for any missing program.
      await expect(remote.runPowerShell(PLATFORM_SCRIPT)).rejects.toMatchObject({
        failure: 'missing',
      });
    } finally {
      connection.close();
    }
  }, 60_000);
});
