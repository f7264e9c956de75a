/**
 * The real built agent in fleet mode for tests: its fleet credentials and a config file that
 * turns fleet mode on (heartbeat every second, the help page on a free port) in a data folder of its own, and `serve`
 * started with them. Plus `eventually`, for what arrives over NATS a little later.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFleetCredentials } from '../../agent/src/fleet/credentials';
import type { Db } from '../../electron/services/database/open';
import { FleetAuthority } from '../../electron/services/fleet/fleet-authority';
import { ensureFleetStorage } from '../../electron/services/fleet/fleet-storage';
import { startAgent, type RunningAgent } from './agent-process';
import { eventually } from './eventually';
import { connectTestConsole, startNatsServer, type TestNatsServer } from './nats';

export interface FleetAgentFiles {
  dataDir: string;
  config: string;
}

/**
 * Credentials for `agentId` and a config file that turns on fleet mode, in a folder under
 * `dir`; `fleet` adds to (or overrides) the config's fleet settings.
 */
export async function fleetAgentFiles(
  server: TestNatsServer,
  authority: FleetAuthority,
  dir: string,
  agentId: string,
  fleet: Record<string, unknown> = {},
): Promise<FleetAgentFiles> {
  const dataDir = await mkdtemp(path.join(dir, 'agent-'));
  const credentialsFile = path.join(dataDir, 'fleet.creds');
  await writeFleetCredentials(credentialsFile, (await authority.issueAgent(agentId)).creds);
  const config = path.join(dataDir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      fleet: {
        servers: [server.url],
        credentialsFile,
        heartbeatSeconds: 1,
        helpPort: 0,
        ...fleet,
      },
    }),
  );
  return { dataDir, config };
}

/** Two quick read-only checks from the catalog that pass on any machine (memory never "too full"). */
export const QUICK_FLEET_CHECKS = [
  { checkId: 'memory.pressure', params: { warnAbovePercent: 100, failAbovePercent: 100 } },
  { checkId: 'fs.writable' },
] as const;

/** `serve` with those files (stopped by the caller or `stopAllAgents`). */
export function startFleetAgent(files: FleetAgentFiles): Promise<RunningAgent> {
  return startAgent({ dataDir: files.dataDir, extraEnv: { DESKSIDE_AGENT_CONFIG: files.config } });
}

/** Probes every 100 ms until it gives something other than null; fails after `ms`. */
export async function eventuallyFound<T>(
  probe: () => Promise<T | null>,
  what: string,
  ms = 10_000,
): Promise<T> {
  return (await eventually(probe, (value) => value !== null, what, ms)) as T;
}

/**
 * A nats-server for fleet tests with everything a desk's administrator makes on it: the
 * presence and inventory buckets and streams (presence kept 3 s) and the check streams.
 */
export async function startFleetTestServer(
  deskName: string,
): Promise<{ authority: FleetAuthority; server: TestNatsServer }> {
  const authority = FleetAuthority.create(deskName);
  const server = await startNatsServer(authority);
  const admin = await connectTestConsole(server, authority, 'admin', 'admin-console');
  try {
    await ensureFleetStorage(admin, { presenceTtlMs: 3_000, checkQueueMaxAgeMs: 60 * 60_000 });
  } finally {
    await admin.close();
  }
  return { authority, server };
}

/** A machine row as a fleet agent's desk knows it (the agent id is the machine id; its address is never used). */
export function fleetMachineRow(id: string, name = `PC-${id.slice(0, 4)}`) {
  return {
    id,
    name,
    transport: 'agent-https',
    address: `${id}.fleet.example.org`,
    port: 7443,
    fingerprint: 'AA',
    certPem: '',
    tokenSealed: '',
    addedAt: new Date().toISOString(),
  };
}

/** Adds that machine to the desk. */
export async function addFleetMachine(db: Db, id: string, name: string): Promise<void> {
  await db.insertInto('machines').values(fleetMachineRow(id, name)).execute();
}
