/**
 * Simulated fleet agents for bench/fleet.ts: `node --import tsx bench/fleet-agents.ts <url>
 * <creds folder> <agent id>...`. Each agent is its own NATS connection (its own `.creds`)
 * with the agent's own check responder and check runner, as `deskside-agent serve` would
 * have; the process prints `ready <n>` once every agent listens, and stops on SIGTERM.
 */
import path from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { CheckRunner } from '../agent/src/checks/runner';
import { CheckResponder } from '../agent/src/fleet/check-responder';
import { connectFleet } from '../agent/src/fleet/connect';

/** Connections opened at once while starting (the server and this process stay responsive). */
const CONNECTING_AT_ONCE = 5;

/** Tries to connect again when the loaded machine makes the server's handshake time out. */
const CONNECT_ATTEMPTS = 3;

async function connectWithRetries(url: string, credentialsFile: string): Promise<NatsConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await connectFleet({ servers: [url], credentialsFile, reconnect: false })).connection;
    } catch (error) {
      if (attempt >= CONNECT_ATTEMPTS || !/timeout/i.test((error as Error).message)) throw error;
    }
  }
}

async function main(): Promise<void> {
  const [url, credsDir, ...agentIds] = process.argv.slice(2);
  if (!url || !credsDir || agentIds.length === 0) {
    throw new Error('usage: fleet-agents.ts <url> <creds folder> <agent id>...');
  }
  const connections: NatsConnection[] = [];
  for (let at = 0; at < agentIds.length; at += CONNECTING_AT_ONCE) {
    await Promise.all(
      agentIds.slice(at, at + CONNECTING_AT_ONCE).map(async (agentId) => {
        const connection = await connectWithRetries(url, path.join(credsDir, `${agentId}.creds`));
        connections.push(connection);
        await new CheckResponder({ connection, agentId, runner: new CheckRunner() }).start();
      }),
    );
  }
  process.stdout.write(`ready ${connections.length}\n`);
  process.once('SIGTERM', () => {
    void Promise.all(connections.map((nc) => nc.close())).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
