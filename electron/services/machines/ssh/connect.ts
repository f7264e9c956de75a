/**
 * Opening an SSH connection to a machine, directly or through a jump host, with node-ssh.
 * The host key is checked before anything else: on first contact (no confirmed key) the
 * server's fingerprint is handed back for the analyst to confirm and the connection ends
 * before logging in, so no credential reaches an unconfirmed server and nothing runs; a key
 * other than the confirmed one is refused the same way, with `host_key_changed`.
 */
import { DesksideError, type SshAuth, type SshHop, type SshMachine } from '@deskside/core';
import { NodeSSH, type Config } from 'node-ssh';
import type { Readable } from 'node:stream';
import { fingerprintFromHex } from './fingerprint';

/** How long the TCP connection, key exchange and login may take together. */
export const DEFAULT_READY_TIMEOUT_MS = 10_000;

export type Connection =
  | { status: 'connected'; ssh: NodeSSH; close: () => void }
  /** First contact: nothing was sent but the key exchange; the analyst confirms `fingerprint`. */
  | { status: 'unconfirmed'; hop: 'machine' | 'jump'; host: string; fingerprint: string };

export interface ConnectOptions {
  readyTimeoutMs?: number;
}

const where = (hop: SshHop) => `${hop.target.host}:${hop.target.port}`;

function authConfig(auth: SshAuth): Partial<Config> {
  switch (auth.kind) {
    case 'key':
      return {
        privateKey: auth.privateKey,
        ...(auth.passphrase ? { passphrase: auth.passphrase } : {}),
      };
    case 'agent': {
      const agent = auth.socket ?? process.env.SSH_AUTH_SOCK;
      if (!agent) {
        throw new DesksideError(
          'ssh_auth_refused',
          'No ssh-agent is running for this console (SSH_AUTH_SOCK is not set)',
        );
      }
      return { agent };
    }
    case 'password':
      return { password: auth.password, tryKeyboard: false };
  }
}

/** What went wrong, in words the analyst can act on. */
function connectError(hop: SshHop, error: unknown, timeoutMs: number): DesksideError {
  const failure = error as Error & { code?: string; level?: string };
  const message = error instanceof Error ? error.message : String(error);
  if (failure.level === 'client-authentication') {
    return new DesksideError(
      'ssh_auth_refused',
      `${where(hop)} refused the login of ${hop.target.username} (${hop.auth.kind === 'key' ? 'the key is not authorized there' : hop.auth.kind === 'agent' ? 'no key in the ssh-agent is authorized there' : 'wrong password'})`,
    );
  }
  if (/passphrase|decrypt|Cannot parse privateKey|Unsupported key format/i.test(message)) {
    return new DesksideError(
      'ssh_auth_refused',
      `The private key for ${where(hop)} cannot be read: ${message}`,
    );
  }
  if (failure.level === 'client-timeout' || /Timed out/i.test(message)) {
    return new DesksideError(
      'machine_unreachable',
      `${where(hop)} did not answer within ${timeoutMs} ms`,
    );
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'nothing listens on that port',
    EHOSTUNREACH: 'no route to the host',
    ENETUNREACH: 'the network is unreachable',
    ENOTFOUND: 'the host name is unknown',
    EAI_AGAIN: 'the host name could not be looked up',
    ECONNRESET: 'the connection was reset',
  };
  const reason = (failure.code && reasons[failure.code]) ?? message;
  return new DesksideError('machine_unreachable', `${where(hop)} cannot be reached: ${reason}`);
}

interface HopResult {
  ssh?: NodeSSH;
  presented?: string;
}

async function connectHop(hop: SshHop, timeoutMs: number, sock?: Readable): Promise<HopResult> {
  const ssh = new NodeSSH();
  let presented: string | undefined;
  const config: Config = {
    host: hop.target.host,
    port: hop.target.port,
    username: hop.target.username,
    readyTimeout: timeoutMs,
    hostHash: 'sha256',
    hostVerifier: (hex: string) => {
      presented = fingerprintFromHex(hex);
      return presented === hop.hostKey;
    },
    ...authConfig(hop.auth),
    ...(sock ? { sock } : {}),
  };
  try {
    await ssh.connect(config);
    // Each command is a few small packets each way: with Nagle's algorithm on, some wait for
    // the server's delayed acknowledgement, about 40 ms per command on loopback.
    ssh.connection?.setNoDelay(true);
    return { ssh };
  } catch (error) {
    ssh.dispose();
    if (presented !== undefined && presented !== hop.hostKey) return { presented };
    throw connectError(hop, error, timeoutMs);
  }
}

/** A TCP stream to `hop` through an open connection to the jump host. */
function forward(jump: NodeSSH, hop: SshHop): Promise<Readable> {
  return new Promise((resolve, reject) => {
    jump.connection!.forwardOut(
      '127.0.0.1',
      0,
      hop.target.host,
      hop.target.port,
      (error, stream) => {
        if (error)
          reject(
            new DesksideError(
              'machine_unreachable',
              `The jump host cannot reach ${where(hop)}: ${error.message}`,
            ),
          );
        else resolve(stream);
      },
    );
  });
}

function refusedOrUnconfirmed(
  hop: SshHop,
  which: 'machine' | 'jump',
  presented: string,
): Connection {
  if (hop.hostKey === null) {
    return { status: 'unconfirmed', hop: which, host: where(hop), fingerprint: presented };
  }
  throw new DesksideError(
    'host_key_changed',
    `${where(hop)} presented the host key ${presented}, not the confirmed ${hop.hostKey}. It may have been reinstalled, or someone may be intercepting the connection: nothing was sent or run. Check the key on the machine itself before confirming it again.`,
  );
}

/** Connects to the machine (through its jump host, if any); see the module's comment. */
export async function connectMachine(
  machine: SshMachine,
  options: ConnectOptions = {},
): Promise<Connection> {
  const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  let jump: NodeSSH | undefined;
  let sock: Readable | undefined;
  if (machine.jump) {
    const hop = await connectHop(machine.jump, timeoutMs);
    if (!hop.ssh) return refusedOrUnconfirmed(machine.jump, 'jump', hop.presented!);
    jump = hop.ssh;
    try {
      sock = await forward(jump, machine);
    } catch (error) {
      jump.dispose();
      throw error;
    }
  }
  let hop: HopResult;
  try {
    hop = await connectHop(machine, timeoutMs, sock);
  } catch (error) {
    jump?.dispose();
    throw error;
  }
  if (!hop.ssh) {
    jump?.dispose();
    return refusedOrUnconfirmed(machine, 'machine', hop.presented!);
  }
  const ssh = hop.ssh;
  return {
    status: 'connected',
    ssh,
    close: () => {
      ssh.dispose();
      jump?.dispose();
    },
  };
}
