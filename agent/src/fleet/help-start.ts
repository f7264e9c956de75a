/**
 * Fleet mode's help for the employee: the kept requests, the desk link over the fleet's
 * connection, the quick checks and the help page on the loopback address. Loaded by `serve`
 * only in fleet mode.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import type { CheckResult } from '@deskside/core';
import { DEFAULT_HELP_PORT, type AgentConfig } from '../config';
import type { AgentLogger } from '../log';
import { AgentHelpDesk } from './help-desk';
import { startHelpPage } from './help-page';
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
  url: string;
  connected: (connection: NatsConnection, agentId: string) => void;
  stop: () => Promise<void>;
}

export async function startHelp(options: {
  config: AgentConfig;
  logger: AgentLogger;
  inventory: () => Promise<Uint8Array>;
}): Promise<RunningHelp> {
  const { config, logger } = options;
  const store = new HelpStore(config.dataDir);
  await store.load();
  const desk = new AgentHelpDesk({
    store,
    logger,
    inventory: options.inventory,
    quickChecks: async (): Promise<CheckResult[]> => {
      const { CheckRunner } = await import('../checks');
      const runner = new CheckRunner({ maxConcurrent: config.limits.concurrentChecks });
      return runner.run(quickChecksFor(config));
    },
    pollMs: (config.fleet?.helpPollSeconds ?? DEFAULT_POLL_SECONDS) * 1_000,
  });
  const page = await startHelpPage({
    desk,
    logger,
    port: config.fleet?.helpPort ?? DEFAULT_HELP_PORT,
  });
  desk.start();
  return {
    url: page.url,
    connected: (connection, agentId) => {
      desk.connected(connection, agentId);
    },
    stop: async () => {
      await page.close();
      await desk.stop();
    },
  };
}
