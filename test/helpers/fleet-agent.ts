/**
 * The real built agent in fleet mode for tests: its fleet credentials and a config file that
 * turns fleet mode on (heartbeat every second) in a data folder of its own, and `serve`
 * started with them. Plus `eventually`, for what arrives over NATS a little later.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFleetCredentials } from '../../agent/src/fleet/credentials';
import type { FleetAuthority } from '../../electron/services/fleet/fleet-authority';
import { startAgent, type RunningAgent } from './agent-process';
import type { TestNatsServer } from './nats';

export interface FleetAgentFiles {
  dataDir: string;
  config: string;
}

/** Credentials for `agentId` and a config file that turns on fleet mode, in a folder under `dir`. */
export async function fleetAgentFiles(
  server: TestNatsServer,
  authority: FleetAuthority,
  dir: string,
  agentId: string,
): Promise<FleetAgentFiles> {
  const dataDir = await mkdtemp(path.join(dir, 'agent-'));
  const credentialsFile = path.join(dataDir, 'fleet.creds');
  await writeFleetCredentials(credentialsFile, (await authority.issueAgent(agentId)).creds);
  const config = path.join(dataDir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({ fleet: { servers: [server.url], credentialsFile, heartbeatSeconds: 1 } }),
  );
  return { dataDir, config };
}

/** `serve` with those files (stopped by the caller or `stopAllAgents`). */
export function startFleetAgent(files: FleetAgentFiles): Promise<RunningAgent> {
  return startAgent({ dataDir: files.dataDir, extraEnv: { DESKSIDE_AGENT_CONFIG: files.config } });
}

/** Probes every 100 ms until it gives something other than null; fails after `ms`. */
export async function eventually<T>(
  probe: () => Promise<T | null>,
  what: string,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Still not there after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
