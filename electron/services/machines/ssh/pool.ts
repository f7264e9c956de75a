/**
 * One SSH connection per machine, reused by its commands and closed after it has been idle
 * for a while, with at most `maxConnections` open at once: a caller waits for a slot, and
 * an idle connection is closed early to make room.
 */
import { DesksideError, type SshMachine } from '@deskside/core';
import type { ConnectFromMachine } from './check-probes';
import { connectMachine, type ConnectOptions, type Connection } from './connect';
import { remoteCommands, type RemoteCommands } from './runner';
import { sshConnectTcp } from './ssh-checks';

/**
 * Everything the console does on a machine over its one connection: commands for a POSIX
 * shell, fixed PowerShell scripts, and TCP connections opened by the machine.
 */
export interface RemoteSession extends RemoteCommands {
  connectTcp: ConnectFromMachine;
}

export const DEFAULT_IDLE_MS = 60_000;
export const DEFAULT_MAX_CONNECTIONS = 16;

interface Open {
  session: RemoteSession;
  close: () => void;
  users: number;
  idleTimer?: NodeJS.Timeout;
}

export interface SshPoolOptions extends ConnectOptions {
  idleMs?: number;
  maxConnections?: number;
  connect?: (machine: SshMachine, options: ConnectOptions) => Promise<Connection>;
}

export class SshPool {
  private readonly open = new Map<string, Promise<Open>>();
  private readonly waiting: (() => void)[] = [];
  private readonly idleMs: number;
  private readonly maxConnections: number;
  private readonly connect: NonNullable<SshPoolOptions['connect']>;

  constructor(private readonly options: SshPoolOptions = {}) {
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
    this.connect = options.connect ?? connectMachine;
  }

  /** How many connections are open or opening. */
  get size(): number {
    return this.open.size;
  }

  /**
   * Runs `use` with a session on the machine's connection (opened if need be). The machine's
   * host key must have been confirmed: first contact goes through `connectMachine` itself.
   */
  async use<T>(
    id: string,
    machine: SshMachine,
    use: (session: RemoteSession) => Promise<T>,
  ): Promise<T> {
    const entry = await this.acquire(id, machine);
    try {
      return await use(entry.session);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) {
        entry.idleTimer = setTimeout(() => {
          this.close(id);
        }, this.idleMs);
        entry.idleTimer.unref();
        this.wakeOne();
      }
    }
  }

  /** Closes the machine's connection (after its host key or credentials changed). */
  close(id: string): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.open.delete(id);
    void entry.then(
      (e) => {
        clearTimeout(e.idleTimer);
        e.close();
      },
      () => undefined, // It never opened: nothing to close.
    );
    this.wakeOne();
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private async acquire(id: string, machine: SshMachine): Promise<Open> {
    for (;;) {
      const existing = this.open.get(id);
      if (existing) {
        const entry = await existing;
        clearTimeout(entry.idleTimer);
        entry.users += 1;
        return entry;
      }
      if (this.open.size < this.maxConnections || (await this.closeAnIdleOne())) break;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const opening = this.openConnection(machine);
    this.open.set(id, opening);
    opening.catch(() => {
      if (this.open.get(id) === opening) this.open.delete(id);
      this.wakeOne();
    });
    const entry = await opening;
    entry.users += 1;
    return entry;
  }

  private async openConnection(machine: SshMachine): Promise<Open> {
    const connection = await this.connect(machine, this.options);
    if (connection.status === 'unconfirmed') {
      throw new DesksideError(
        'validation',
        `Confirm the host key of ${connection.host} (${connection.fingerprint}) before running anything there`,
      );
    }
    const client = connection.ssh.connection;
    if (!client)
      throw new DesksideError('machine_unreachable', 'The SSH connection closed at once');
    const entry: Open = {
      session: { ...remoteCommands(client), connectTcp: sshConnectTcp(client) },
      close: connection.close,
      users: 0,
    };
    // A connection the server or the network ends is opened again on next use.
    client.once('close', () => {
      for (const [id, open] of this.open) {
        void open.then(
          (e) => {
            if (e === entry && this.open.get(id) === open) this.open.delete(id);
          },
          () => undefined, // Another machine's connection that failed to open: not this one.
        );
      }
    });
    return entry;
  }

  private async closeAnIdleOne(): Promise<boolean> {
    for (const [id, opening] of this.open) {
      const entry = await opening.catch(() => null);
      if (entry && entry.users === 0) {
        this.close(id);
        return true;
      }
    }
    return false;
  }

  private wakeOne(): void {
    this.waiting.shift()?.();
  }
}
