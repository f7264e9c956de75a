import { selfCommand } from '../self-command';
import { AGENT_VERSION } from '../version';
import { childProcessRefresher } from './refresh-child';
import { InventoryService } from './service';
import type { AgentLogger } from '../log';

/**
 * The inventory service of a running agent: static sections collected by child processes
 * of this same agent (`inventory --static`), bundle or executable, so the serving process never loads the
 * hardware library.
 */
export function startInventoryService(dataDir: string, logger: AgentLogger): InventoryService {
  const service = new InventoryService({
    dataDir,
    agentVersion: AGENT_VERSION,
    refreshStatic: childProcessRefresher({ self: selfCommand(), dataDir }),
    onError: (error) => {
      logger.warn({ err: error }, 'inventory refresh failed');
    },
  });
  service.start();
  return service;
}
