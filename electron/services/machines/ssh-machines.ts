/**
 * Machines without the agent, reached over SSH. The desk keeps where each one is, whom to
 * log in as, its jump host and the host keys analysts confirmed (table `machines`, transport
 * `ssh`); each analyst keeps their own login at their own console (ssh/ssh-logins.ts).
 * Nothing reaches a server whose host key nobody confirmed but the key exchange, and a
 * changed key is refused until an analyst confirms the new one on purpose.
 */
import { randomUUID } from 'node:crypto';
import {
  DesksideError,
  type AddSshMachineInputSchema,
  type ConfirmSshHostKeyInputSchema,
  type KnownHostsInputSchema,
  type ProbeSshMachineInputSchema,
  type SshHop,
  type MachineStatus,
  type SshLoginInputSchema,
  type SshMachine,
  type SshMachineInfo,
  type SshProbeResult,
} from '@deskside/core';
import type { z } from 'zod';
import type { Db } from '../database/open';
import type { MachinesTable } from '../database/schema';
import { connectMachine, type ConnectOptions, type Connection } from './ssh/connect';
import { knownHostFingerprints } from './ssh/known-hosts';
import type { RemoteSession, SshPool } from './ssh/pool';
import { sshRunChecks } from './ssh/ssh-checks';
import { collectRemoteInventory, detectRemoteOs, type RemoteOs } from './ssh/remote-inventory';
import { commandFailure, remoteCommands, type RemoteCommands } from './ssh/runner';
import type { SshLogin, SshLogins } from './ssh/ssh-logins';
import type { MachineTransport } from './transports';

/** What the desk keeps of an SSH machine: its row in `machines`. */
export type SshMachineRow = Pick<
  MachinesTable,
  | 'id'
  | 'name'
  | 'address'
  | 'port'
  | 'fingerprint'
  | 'sshUsername'
  | 'sshOs'
  | 'jumpHost'
  | 'jumpPort'
  | 'jumpUsername'
  | 'jumpHostKey'
>;

export const SSH_ROW_COLUMNS = [
  'sshUsername',
  'sshOs',
  'jumpHost',
  'jumpPort',
  'jumpUsername',
  'jumpHostKey',
] as const;

export interface SshMachinesDeps {
  db: Db;
  logins: SshLogins;
  pool: SshPool;
  connect?: (machine: SshMachine, options?: ConnectOptions) => Promise<Connection>;
  /** Where a check that breaks unexpectedly is reported (the analyst sees only its code). */
  onCheckFailure?: (checkId: string, error: unknown) => void;
}

type Connected = Extract<Connection, { status: 'connected' }>;

const REMOTE_OSES: readonly string[] = ['linux', 'darwin', 'win32'] satisfies RemoteOs[];
const knownOs = (os: string | null) =>
  os !== null && REMOTE_OSES.includes(os) ? (os as RemoteOs) : undefined;

/** The machine's OS and name, asked once when it is added. */
async function identify(remote: RemoteCommands): Promise<{ os: RemoteOs; hostname: string }> {
  const os = await detectRemoteOs(remote);
  const result =
    os === 'win32'
      ? await remote.runPowerShell('[Environment]::MachineName', { timeoutMs: 20_000 })
      : await remote.run('uname', ['-n'], { timeoutMs: 5_000 });
  return { os, hostname: result.stdout.trim() };
}

export class SshMachines {
  private readonly connect: NonNullable<SshMachinesDeps['connect']>;
  /** Each machine's key in the pool, as last used by this console. */
  private readonly pooled = new Map<string, string>();

  constructor(private readonly deps: SshMachinesDeps) {
    this.connect = deps.connect ?? connectMachine;
  }

  /** The host key to confirm next: the jump host's, then the machine's. */
  async probe(input: z.output<typeof ProbeSshMachineInputSchema>): Promise<SshProbeResult> {
    const connection = await this.connect({
      target: input.target,
      // No login is offered to an unconfirmed server: connectMachine stops after its key.
      auth: { kind: 'password', password: 'unused' },
      hostKey: null,
      ...(input.jump ? { jump: input.jump } : {}),
    });
    if (connection.status === 'connected') {
      connection.close();
      throw new DesksideError('conflict', 'Every host key on the way is confirmed already');
    }
    const [host = '', port = ''] = connection.host.split(/:(?=\d+$)/);
    return { hop: connection.hop, host, port: Number(port), fingerprint: connection.fingerprint };
  }

  /**
   * Adds a machine: logs in with the host keys the analyst confirmed, reads its host name,
   * then keeps the machine for the desk and the login for this analyst.
   */
  async add(input: z.output<typeof AddSshMachineInputSchema>): Promise<MachinesTable> {
    const { target } = input;
    const listed = await this.deps.db
      .selectFrom('machines')
      .select('name')
      .where('transport', '=', 'ssh')
      .where('address', '=', target.host)
      .where('port', '=', target.port)
      .executeTakeFirst();
    if (listed) {
      throw new DesksideError(
        'conflict',
        `${target.host}:${target.port} is already in the list as “${listed.name}”: log in to it there`,
      );
    }
    const login: SshLogin = {
      auth: input.auth,
      ...(input.jump ? { jumpAuth: input.jump.auth } : {}),
    };
    const machine: SshMachine = {
      target,
      auth: input.auth,
      hostKey: input.hostKey,
      ...(input.jump ? { jump: input.jump } : {}),
    };
    const { os, hostname } = await this.withConnection(machine, target.host, (connected) =>
      identify(remoteCommands(connected.ssh.connection!)),
    );
    const now = new Date().toISOString();
    const row: MachinesTable = {
      id: randomUUID(),
      name: input.name ?? (hostname || target.host),
      transport: 'ssh',
      address: target.host,
      port: target.port,
      fingerprint: input.hostKey,
      certPem: '',
      tokenSealed: '',
      hostname: hostname || target.host,
      addedAt: now,
      lastContactAt: now,
      sshUsername: target.username,
      sshOs: os,
      jumpHost: input.jump?.target.host ?? null,
      jumpPort: input.jump?.target.port ?? null,
      jumpUsername: input.jump?.target.username ?? null,
      jumpHostKey: input.jump?.hostKey ?? null,
    };
    await this.deps.db.insertInto('machines').values(row).execute();
    await this.deps.logins.set(row.id, login, input.remember);
    return row;
  }

  /** This analyst's own login to a machine the desk has: tried, then kept. */
  async login(input: z.output<typeof SshLoginInputSchema>): Promise<void> {
    const row = await this.row(input.id);
    const login: SshLogin = {
      auth: input.auth,
      ...(input.jumpAuth ? { jumpAuth: input.jumpAuth } : {}),
    };
    if (row.jumpHost && !login.jumpAuth) {
      throw new DesksideError(
        'validation',
        `${row.name} is reached through ${row.jumpHost}: give the login to the jump host too`,
      );
    }
    await this.withConnection(this.machineOf(row, login), row.address, () => Promise.resolve());
    this.letGo(row.id);
    await this.deps.logins.set(row.id, login, input.remember);
  }

  async forgetLogin(id: string): Promise<void> {
    await this.row(id);
    this.letGo(id);
    await this.deps.logins.forget(id);
  }

  /** Closes the connection to a machine the desk removed and forgets the login to it. */
  async removed(id: string): Promise<void> {
    this.letGo(id);
    await this.deps.logins.forget(id);
  }

  /**
   * Replaces a host key the analyst confirmed again on the machine itself. Connections
   * opened with the old key are closed; the audit log records who confirmed which key.
   */
  async confirmHostKey(input: z.output<typeof ConfirmSshHostKeyInputSchema>): Promise<void> {
    const row = await this.row(input.id);
    if (input.hop === 'jump' && !row.jumpHost) {
      throw new DesksideError('validation', `${row.name} has no jump host`);
    }
    await this.deps.db
      .updateTable('machines')
      .set(input.hop === 'jump' ? { jumpHostKey: input.hostKey } : { fingerprint: input.hostKey })
      .where('id', '=', row.id)
      .execute();
    this.letGo(row.id);
  }

  knownHosts(input: z.output<typeof KnownHostsInputSchema>): { fingerprints: string[] } {
    return { fingerprints: knownHostFingerprints(input.text, input.host, input.port) };
  }

  /** What the machine list shows of an SSH machine, with this analyst's login state. */
  async info(row: SshMachineRow): Promise<SshMachineInfo> {
    const { login, authKind } = await this.deps.logins.state(row.id);
    return {
      username: row.sshUsername ?? '',
      hostKey: row.fingerprint,
      jump:
        row.jumpHost && row.jumpPort && row.jumpUsername && row.jumpHostKey
          ? {
              host: row.jumpHost,
              port: row.jumpPort,
              username: row.jumpUsername,
              hostKey: row.jumpHostKey,
            }
          : null,
      login,
      authKind,
    };
  }

  /**
   * Whether this analyst can use the machine now: their login works (`paired`), is missing
   * or refused (`refused`), the host key changed (`certificate_changed`), or nothing answers.
   */
  async status(
    row: SshMachineRow,
  ): Promise<Pick<MachineStatus, 'state' | 'detail' | 'presentedFingerprint'>> {
    try {
      const machine = await this.reachable(row);
      await this.use(row, machine, () => Promise.resolve());
      return { state: 'paired', detail: null, presentedFingerprint: null };
    } catch (error) {
      if (!(error instanceof DesksideError)) throw error;
      const detail = error.message;
      switch (error.code) {
        case 'ssh_login_missing':
        case 'ssh_auth_refused':
          return { state: 'refused', detail, presentedFingerprint: null };
        case 'host_key_changed':
          return {
            state: 'certificate_changed',
            detail,
            presentedFingerprint: /presented the host key (SHA256:\S+),/.exec(detail)?.[1] ?? null,
          };
        default:
          return { state: 'unreachable', detail, presentedFingerprint: null };
      }
    }
  }

  /** How this console reaches the machine, with this analyst's login. */
  async transport(row: SshMachineRow): Promise<MachineTransport> {
    const machine = await this.reachable(row);
    const host = row.address;
    return {
      kind: 'ssh',
      inventory: () =>
        this.use(row, machine, async (session) => {
          const read = await collectRemoteInventory(session, { knownOs: knownOs(row.sshOs) });
          if (read.os !== row.sshOs) {
            await this.deps.db
              .updateTable('machines')
              .set({ sshOs: read.os })
              .where('id', '=', row.id)
              .execute();
          }
          return read.inventory;
        }).catch((error: unknown) => {
          throw commandFailure(error, host);
        }),
      runChecks: (checks, onEvent, signal) =>
        this.use(row, machine, (session) =>
          sshRunChecks(
            session,
            this.deps.onCheckFailure ? { onCheckFailure: this.deps.onCheckFailure } : {},
          )(checks, onEvent, signal),
        ),
    };
  }

  /**
   * Runs `use` on the machine's pooled connection. Connections are pooled per address and
   * host keys as well as per machine: when another console confirmed a new key or the
   * machine moved, the connection opened for what the desk said before is not reused.
   */
  private use<T>(
    row: SshMachineRow,
    machine: SshMachine,
    use: (session: RemoteSession) => Promise<T>,
  ): Promise<T> {
    const key = JSON.stringify([
      row.id,
      row.address,
      row.port,
      row.fingerprint,
      row.jumpHost,
      row.jumpPort,
      row.jumpHostKey,
    ]);
    const before = this.pooled.get(row.id);
    if (before !== undefined && before !== key) this.deps.pool.close(before);
    this.pooled.set(row.id, key);
    return this.deps.pool.use(key, machine, use);
  }

  /** Closes this console's connection to the machine (its login or keys changed). */
  private letGo(id: string): void {
    const key = this.pooled.get(id);
    if (key === undefined) return;
    this.pooled.delete(id);
    this.deps.pool.close(key);
  }

  /** The machine with this analyst's login, or `ssh_login_missing`. */
  private async reachable(row: SshMachineRow): Promise<SshMachine> {
    const login = await this.deps.logins.get(row.id);
    if (!login) {
      throw new DesksideError(
        'ssh_login_missing',
        `Log in to ${row.name} over SSH first: each analyst uses a login of their own`,
      );
    }
    return this.machineOf(row, login);
  }

  private machineOf(row: SshMachineRow, login: SshLogin): SshMachine {
    const jump: SshHop | undefined =
      row.jumpHost && row.jumpPort && row.jumpUsername
        ? {
            target: { host: row.jumpHost, port: row.jumpPort, username: row.jumpUsername },
            auth: login.jumpAuth ?? login.auth,
            hostKey: row.jumpHostKey,
          }
        : undefined;
    return {
      target: { host: row.address, port: row.port, username: row.sshUsername ?? '' },
      auth: login.auth,
      hostKey: row.fingerprint,
      ...(jump ? { jump } : {}),
    };
  }

  private async row(id: string): Promise<SshMachineRow> {
    const row = await this.deps.db
      .selectFrom('machines')
      .select(['id', 'name', 'address', 'port', 'fingerprint', ...SSH_ROW_COLUMNS])
      .where('id', '=', id)
      .where('transport', '=', 'ssh')
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such machine reached over SSH');
    return row;
  }

  /** Opens a connection with confirmed keys only, runs `use`, and closes it. */
  private async withConnection<T>(
    machine: SshMachine,
    host: string,
    use: (connection: Connected) => Promise<T>,
  ): Promise<T> {
    const connection = await this.connect(machine);
    if (connection.status === 'unconfirmed') {
      throw new DesksideError(
        'validation',
        `Confirm the host key of ${connection.host} (${connection.fingerprint}) first`,
      );
    }
    try {
      return await use(connection);
    } catch (error) {
      throw commandFailure(error, host);
    } finally {
      connection.close();
    }
  }
}
