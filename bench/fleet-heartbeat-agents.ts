/**
 * Simulated fleet agents beating into the presence bucket, for bench/fleet-heartbeats.ts:
 * `node --import tsx bench/fleet-heartbeat-agents.ts <url> <authority state file> <folder>
 * <first> <count>`. The process issues its agents' identities itself from the desk's
 * authority (so the many signatures are spread over the processes), writes each `.creds`
 * into `<folder>`, connects each agent on its own NATS connection as the agent does
 * (`connectFleet`), opens the presence bucket bound by name as the agent does, and puts a
 * `FleetPresenceSchema` heartbeat under the agent's own key every `FLEET_HEARTBEAT_SECONDS`
 * (each agent at its own phase). It prints `connected <n>` now and then, `ready <n>` once
 * every agent has put its first heartbeat, `stats puts=<n> failed=<n>` every 10 s and on
 * SIGTERM (then it stops), and `mark puts=<n> failed=<n>` on SIGUSR2 (the start of the hold).
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  FLEET_BUCKETS,
  FLEET_HEARTBEAT_SECONDS,
  FleetPresenceSchema,
  fleetKvKey,
} from '@deskside/core';
import { connectFleet } from '../agent/src/fleet/connect';
import { FleetCredentialsError } from '../agent/src/fleet/credentials';
import { FleetAuthority } from '../electron/services/fleet/fleet-authority';

/** Connections opened at once while starting (the server and this process stay responsive). */
const CONNECTING_AT_ONCE = 20;
/**
 * Tries to connect again when the loaded machine makes the handshake fail (the server's
 * authentication timeout closes the socket: a timeout, or EPIPE on the client's CONNECT).
 */
const CONNECT_ATTEMPTS = 8;
const PUT_TIMEOUT_MS = 5_000;
const STATS_EVERY_MS = 10_000;

const stats = { puts: 0, failed: 0 };

async function connectWithRetries(url: string, credentialsFile: string): Promise<NatsConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await connectFleet({ servers: [url], credentialsFile, reconnect: false })).connection;
    } catch (error) {
      if (attempt >= CONNECT_ATTEMPTS || error instanceof FleetCredentialsError) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** One agent's heartbeat, the same document `FleetPresence` puts. */
function heartbeat(startedAt: string): string {
  return JSON.stringify(
    FleetPresenceSchema.parse({
      agentVersion: 'bench',
      hostName: os.hostname() || 'unknown',
      os: { platform: process.platform, release: os.release(), arch: process.arch },
      startedAt,
      sentAt: new Date().toISOString(),
      intervalSeconds: FLEET_HEARTBEAT_SECONDS,
    }),
  );
}

async function beat(bucket: KV, agentId: string, startedAt: string): Promise<void> {
  try {
    await bucket.put(fleetKvKey(agentId), heartbeat(startedAt), { timeout: PUT_TIMEOUT_MS });
    stats.puts++;
  } catch {
    stats.failed++;
  }
}

async function main(): Promise<void> {
  const [url, stateFile, dir, firstText, countText] = process.argv.slice(2);
  const first = Number(firstText);
  const count = Number(countText);
  if (!url || !stateFile || !dir || !Number.isInteger(first) || !Number.isInteger(count)) {
    throw new Error(
      'usage: fleet-heartbeat-agents.ts <url> <authority state> <folder> <first> <count>',
    );
  }
  const authority = FleetAuthority.fromState(JSON.parse(await readFile(stateFile, 'utf8')));
  const ids = Array.from(
    { length: count },
    (_, index) => `bench-${String(first + index).padStart(6, '0')}`,
  );
  const connections: NatsConnection[] = [];
  const timers: NodeJS.Timeout[] = [];
  const periodMs = FLEET_HEARTBEAT_SECONDS * 1_000;
  const startAgent = async (agentId: string) => {
    const credentialsFile = path.join(dir, `${agentId}.creds`);
    await writeFile(credentialsFile, (await authority.issueAgent(agentId)).creds, {
      mode: 0o600,
    });
    const connection = await connectWithRetries(url, credentialsFile);
    connections.push(connection);
    const js = jetstream(connection, { checkAPI: false });
    const bucket = await new Kvm(js).open(FLEET_BUCKETS.presence, { allow_direct: true });
    const startedAt = new Date().toISOString();
    await beat(bucket, agentId, startedAt);
    // Each agent beats at its own phase, as real agents started at different times do.
    const phase = setTimeout(() => {
      void beat(bucket, agentId, startedAt);
      const every = setInterval(() => void beat(bucket, agentId, startedAt), periodMs);
      timers.push(every);
    }, Math.random() * periodMs);
    timers.push(phase);
    if (connections.length % 250 === 0) process.stdout.write(`connected ${connections.length}\n`);
  };
  // A pool of workers, each taking the next agent: one slow handshake holds up only its own.
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTING_AT_ONCE }, async () => {
      while (next < ids.length) await startAgent(ids[next++]!);
    }),
  );
  process.stdout.write(`ready ${connections.length}\n`);
  const statsTimer = setInterval(() => {
    process.stdout.write(`stats puts=${stats.puts} failed=${stats.failed}\n`);
  }, STATS_EVERY_MS);
  process.on('SIGUSR2', () => {
    process.stdout.write(`mark puts=${stats.puts} failed=${stats.failed}\n`);
  });
  process.once('SIGTERM', () => {
    clearInterval(statsTimer);
    for (const timer of timers) clearTimeout(timer);
    process.stdout.write(`stats puts=${stats.puts} failed=${stats.failed}\n`);
    void Promise.all(connections.map((nc) => nc.close())).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
