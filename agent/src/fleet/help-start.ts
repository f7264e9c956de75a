/**
 * Fleet mode's help for the employee: the kept requests, the desk link over the fleet's
 * connection, the quick checks and the help page on the loopback address. Loaded by `serve`
 * only in fleet mode.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import type { CheckResult } from '@deskside/core';
import { DEFAULT_HELP_PORT, type AgentConfig } from '../config';
import type { AgentLogger } from '../log';
import type { CheckRunner } from '../checks/runner';
import { AgentHelpDesk } from './help-desk';
import { startHelpPage } from './help-page';
import type { FleetConnectionHooks } from './presence';
import { HelpStore } from './help-store';

const DEFAULT_POLL_SECONDS = 5;

/** The quick read-only checks sent with a request: network, gateway, disk, memory, DNS. */
export function quickChecksFor(config: AgentConfig): { checkId: string; params?: unknown }[] {
  const checks: { checkId: string; params?: unknown }[] = [
    { checkId: 'network.interfaces' },
    { checkId: 'network.gateway', params: { waitMs: 1_000 } },
    { checkId: 'disk.free' },
    { checkId: 'memory.pressure' },
  ];
  // The fleet server's name, when it is one, is the name this computer most needs.
  const host = /^[a-z]+:\/\/([^:/\]]+)/i.exec(config.fleet?.servers[0] ?? '')?.[1];
  if (host && /[a-z]/i.test(host) && host.includes('.')) {
    checks.push({ checkId: 'dns.resolve', params: { name: host, waitMs: 2_000 } });
  }
  return checks;
}

export interface RunningHelp {
  /** The page's address; null when it could not listen (the port taken): see `problem`. */
  url: string | null;
  problem: string | null;
  /** For `FleetPresence`: the desk link is told of each connection and reconnection. */
  hooks: FleetConnectionHooks;
  stop: () => Promise<void>;
}

export async function startHelp(options: {
  config: AgentConfig;
  logger: AgentLogger;
  inventory: () => Promise<Uint8Array>;
  /** The agent's check runner, shared with its HTTPS API and checks over NATS. */
  runner: () => Promise<CheckRunner>;
}): Promise<RunningHelp> {
  const { config, logger } = options;
  const store = new HelpStore(config.dataDir);
  await store.load();
  const desk = new AgentHelpDesk({
    store,
    logger,
    inventory: options.inventory,
    quickChecks: async (): Promise<CheckResult[]> =>
      (await options.runner()).run(quickChecksFor(config)),
    pollMs: (config.fleet?.helpPollSeconds ?? DEFAULT_POLL_SECONDS) * 1_000,
  });
  const port = config.fleet?.helpPort ?? DEFAULT_HELP_PORT;
  // Without its page the agent still serves the desk, and `request-help` still reaches it.
  let page: Awaited<ReturnType<typeof startHelpPage>> | null = null;
  let problem: string | null = null;
  try {
    page = await startHelpPage({ desk, logger, port });
  } catch (error) {
    problem = `the help page could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`;
    logger.error({ err: error, port }, 'help page not started');
  }
  desk.start();
  let linked: { connection: NatsConnection; agentId: string } | undefined;
  return {
    url: page?.url ?? null,
    problem,
    hooks: {
      connected: (connection, agentId) => {
        linked = { connection, agentId };
        desk.connected(connection, agentId);
        return Promise.resolve();
      },
      tick: (reason) => {
        if (reason === 'reconnect' && linked) desk.connected(linked.connection, linked.agentId);
      },
    },
    stop: async () => {
      await page?.close();
      await desk.stop();
    },
  };
}
