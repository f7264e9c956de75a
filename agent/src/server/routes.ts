import { AGENT_API_VERSION, type Inventory } from '@deskside/core';
import { AGENT_VERSION } from '../version';
import type { AgentHandlers } from './handlers';

export interface HandlerDeps {
  collectInventory: () => Promise<Inventory>;
}

/** The agent's handlers, one per route in core's `agentRoutes`. Read-only, all of them. */
export function createHandlers(deps: HandlerDeps): AgentHandlers {
  return {
    health: () =>
      Promise.resolve({ status: 'ok', apiVersion: AGENT_API_VERSION, agentVersion: AGENT_VERSION }),
    inventory: () => deps.collectInventory(),
  };
}
