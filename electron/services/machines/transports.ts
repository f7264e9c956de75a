import {
  DesksideError,
  type CheckRequest,
  type CheckResult,
  type CheckRunEvent,
  type Inventory,
  type TransportKind,
} from '@deskside/core';
import { agentGet, agentStream, type PinnedAgent } from './agent-client';
import { where } from './agent-errors';

/** Follows a run of checks as it happens (each check's start and result). */
export type CheckRunListener = (event: CheckRunEvent) => void;

/** Runs checks somewhere: results in request order, each check validated beforehand. */
export type RunChecks = (
  checks: readonly CheckRequest[],
  onEvent?: CheckRunListener,
  /** Aborting stops the run: checks not yet ended end cancelled, or not at all. */
  signal?: AbortSignal,
) => Promise<CheckResult[]>;

/** How the console reaches one machine. SSH and NATS transports implement the same shape. */
export interface MachineTransport {
  readonly kind: TransportKind;
  inventory(): Promise<Inventory>;
  runChecks: RunChecks;
}

/**
 * Runs checks on an agent through its streaming route, so the console hears of each check
 * as it ends; the run is complete only when the agent says `done` with every result in.
 */
function agentRunChecks(agent: PinnedAgent): RunChecks {
  return async (checks, onEvent, signal) => {
    const results = new Array<CheckResult | undefined>(checks.length);
    // An object, so the check after the stream sees what the callback set.
    const run = { done: false };
    await agentStream(
      agent,
      'runChecksStream',
      { checks: [...checks] },
      (event) => {
        if ((event.type === 'result' || event.type === 'started') && event.index >= checks.length) {
          return; // Not one of ours: ignore rather than trust it.
        }
        if (event.type === 'result') results[event.index] = event.result;
        if (event.type === 'done') run.done = true;
        onEvent?.(event);
      },
      signal,
    );
    if (!run.done || results.includes(undefined)) {
      throw new DesksideError(
        'agent_error',
        `The agent at ${where(agent)} stopped before every check had ended`,
      );
    }
    return results as CheckResult[];
  };
}

export function agentHttpsTransport(agent: PinnedAgent): MachineTransport {
  return {
    kind: 'agent-https',
    inventory: () => agentGet(agent, 'inventory'),
    runChecks: agentRunChecks(agent),
  };
}

/** This computer: the agent's own collectors and checks, in the console's process. */
export function localTransport(
  collectInventory: () => Promise<Inventory>,
  runChecks: RunChecks,
): MachineTransport {
  return { kind: 'local', inventory: collectInventory, runChecks };
}
