import {
  AGENT_API_VERSION,
  type Inventory,
  type PairRequest,
  type PairResponse,
} from '@deskside/core';
import { AGENT_VERSION } from '../version';
import type { RequestContext } from './context';
import type { AgentHandlers } from './handlers';

export interface HandlerDeps {
  collectInventory: () => Promise<Inventory>;
  /** Exchanges a pairing code (the console registry's `pairingHandler`). */
  pair: (ctx: RequestContext, request: PairRequest) => Promise<PairResponse>;
}

/**
 * The agent's handlers, one per route in core's `agentRoutes`. Read-only on the computer, all
 * of them: `pair` changes only the agent's own list of consoles.
 */
export function createHandlers(deps: HandlerDeps): AgentHandlers {
  return {
    health: () =>
      Promise.resolve({ status: 'ok', apiVersion: AGENT_API_VERSION, agentVersion: AGENT_VERSION }),
    inventory: () => deps.collectInventory(),
    pair: (ctx, { body }) => deps.pair(ctx, body),
  };
}
