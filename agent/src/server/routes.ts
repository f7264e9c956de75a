import { AGENT_API_VERSION, type Inventory, type InventorySectionName } from '@deskside/core';
import { AGENT_VERSION } from '../version';
import type { AgentHandlers } from './handlers';

export interface HandlerDeps {
  /** The sections asked for, or all of them. */
  collectInventory: (sections?: readonly InventorySectionName[]) => Promise<Inventory>;
}

/** The agent's handlers, one per route in core's `agentRoutes`. Read-only, all of them. */
export function createHandlers(deps: HandlerDeps): AgentHandlers {
  return {
    health: () =>
      Promise.resolve({ status: 'ok', apiVersion: AGENT_API_VERSION, agentVersion: AGENT_VERSION }),
    inventory: (_ctx, { query }) => deps.collectInventory(query.sections),
  };
}
