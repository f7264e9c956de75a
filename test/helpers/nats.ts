/**
 * A throwaway NATS server for tests: nats-server on a free port on 127.0.0.1 with JetStream,
 * the desk's operator and the full account resolver (which takes account updates at run
 * time), its store and resolver folders in a temporary folder, stopped by its pid and the
 * folder removed afterwards. nats-server comes from `DESKSIDE_NATS_SERVER` or the system
 * (`npm run setup` installs the distribution's nats-server).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  connect,
  credsAuthenticator,
  PermissionViolationError,
  type NatsConnection,
} from '@nats-io/transport-node';
import { fleetInboxPrefix, type AnalystRole } from '@deskside/core';
import { connectFleet } from '../../agent/src/fleet/connect';
import { writeFleetCredentials } from '../../agent/src/fleet/credentials';
import type { FleetAuthority, IssuedIdentity } from '../../electron/services/fleet/fleet-authority';
import {
  natsServerConfig,
  type NatsServerConfigOptions,
} from '../../electron/services/fleet/server-config';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

const START_TIMEOUT_MS = 15_000;
/** Where distributions and Homebrew put nats-server, which is not always on a user's PATH. */
const NATS_PLACES = [
  '/usr/sbin/nats-server',
  '/usr/local/bin/nats-server',
  '/opt/homebrew/bin/nats-server',
];

/** The nats-server tests start: `DESKSIDE_NATS_SERVER` where set, else the system's, else null. */
export function findNatsServer(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DESKSIDE_NATS_SERVER) {
    return existsSync(env.DESKSIDE_NATS_SERVER) ? env.DESKSIDE_NATS_SERVER : null;
  }
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'nats-server'));
  return [...onPath, ...NATS_PLACES].find((candidate) => existsSync(candidate)) ?? null;
}

export interface TestNatsServer {
  /** `nats://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  /** What the server printed so far (for a failing test's message). */
  log: () => string;
  stop: () => Promise<void>;
}

/** Settings beyond the defaults (a benchmark's thousands of connections). */
export type TestNatsServerOptions = Pick<
  NatsServerConfigOptions,
  'authTimeoutSeconds' | 'maxConnections'
>;

/** Starts nats-server trusting `authority`'s operator; resolves once it accepts clients. */
export async function startNatsServer(
  authority: FleetAuthority,
  options: TestNatsServerOptions = {},
): Promise<TestNatsServer> {
  const natsServer = findNatsServer();
  if (!natsServer) {
    throw new Error('No nats-server here: run `npm run setup`, or set DESKSIDE_NATS_SERVER');
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-nats-'));
  const [port, httpPort] = [await freePort(), await freePort()];
  const storeDir = path.join(dir, 'jetstream');
  const resolverDir = path.join(dir, 'accounts');
  await mkdir(resolverDir);
  const configFile = path.join(dir, 'nats.conf');
  await writeFile(
    configFile,
    await natsServerConfig(authority, {
      ...options,
      host: '127.0.0.1',
      port,
      httpPort,
      storeDir,
      resolverDir,
    }),
  );
  const server = await ManagedProcess.start(natsServer, ['-c', configFile], {
    label: 'nats-server',
  });
  const stop = async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(httpPort, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    pid: server.pid,
    log: () => server.output(),
    stop,
  };
}

/** `/healthz` answers 200 once the server accepts clients and JetStream is up. */
async function waitUntilReady(httpPort: number, server: ManagedProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await server.waitForExit(100).then(
      (status) => {
        throw server.failure(`exited (code ${String(status.code)}) before it was ready`);
      },
      () => undefined,
    );
  }
  throw server.failure(`was not ready within ${START_TIMEOUT_MS} ms`);
}

/** Every permission violation the server reports on a connection, in order (filled as they come). */
export function permissionViolations(nc: NatsConnection): PermissionViolationError[] {
  const seen: PermissionViolationError[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'error' && status.error instanceof PermissionViolationError) {
        seen.push(status.error);
      }
    }
  })();
  return seen;
}

/** An agent's identity issued, its `.creds` written in `dir`, connected as the agent does. */
export async function connectTestAgent(
  server: TestNatsServer,
  authority: FleetAuthority,
  dir: string,
  agentId: string,
): Promise<{ nc: NatsConnection; issued: IssuedIdentity; credentialsFile: string }> {
  const issued = await authority.issueAgent(agentId);
  const credentialsFile = path.join(dir, `${agentId}.creds`);
  await writeFleetCredentials(credentialsFile, issued.creds);
  const { connection } = await connectFleet({
    servers: [server.url],
    credentialsFile,
    reconnect: false,
  });
  return { nc: connection, issued, credentialsFile };
}

/** A console's identity of `role` issued and connected with its own inbox prefix. */
export async function connectTestConsole(
  server: TestNatsServer,
  authority: FleetAuthority,
  role: AnalystRole,
  consoleId: string,
): Promise<NatsConnection> {
  const issued = await authority.issueConsole(consoleId, role);
  return connect({
    servers: server.url,
    authenticator: credsAuthenticator(new TextEncoder().encode(issued.creds)),
    inboxPrefix: fleetInboxPrefix('console', consoleId),
    reconnect: false,
  });
}

/** A heartbeat as an agent puts it in the presence bucket (`FleetPresenceSchema`), as JSON. */
export function testHeartbeat(
  hostName: string,
  times: { startedAt?: string; sentAt?: string } = {},
): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    agentVersion: '1.4.2',
    hostName,
    os: { platform: 'linux', release: '6.1', arch: 'x64' },
    startedAt: times.startedAt ?? now,
    sentAt: times.sentAt ?? now,
    intervalSeconds: 1,
  });
}
