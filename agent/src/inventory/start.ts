import { AGENT_VERSION } from '../version';
import { childProcessRefresher } from './refresh-child';
import { InventoryService } from './service';
import type { AgentLogger } from '../log';

/**
 * The inventory service of a running agent: static sections collected by child processes
 * of this same bundle (`inventory --static`), so the serving process never loads the
 * hardware library.
 */
export function startInventoryService(dataDir: string, logger: AgentLogger): InventoryService {
  const script = process.argv[1];
  if (!script) throw new Error('The agent cannot tell which script it runs from');
  const service = new InventoryService({
    dataDir,
    agentVersion: AGENT_VERSION,
    refreshStatic: childProcessRefresher({ nodePath: process.execPath, script, dataDir }),
    onError: (error) => {
      logger.warn({ err: error }, 'inventory refresh failed');
    },
  });
  service.start();
  return service;
}
