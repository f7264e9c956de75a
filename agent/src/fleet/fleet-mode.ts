/**
 * Fleet mode in a running agent: presence, checks over NATS and the help page, all on
 * presence's one connection. `serve` starts it at start-up when the agent has fleet settings
 * (its config's `fleet`, else `fleet.json` in its data folder), and the `fleetEnrol` route
 * starts it (or again, with the new identity) when a paired console delivers one.
 */
import type { AgentConfig } from '../config';
import type { CheckRunner } from '../checks';
import type { AgentLogger } from '../log';
import type { RunningHelp } from './help-start';
import type { FleetPresence } from './presence';

export type FleetSettings = NonNullable<AgentConfig['fleet']>;

export interface FleetModeDeps {
  /** The agent's config; its `fleet` is replaced by the settings each start is given. */
  config: AgentConfig;
  logger: AgentLogger;
  /** The inventory JSON as the agent serves it. */
  inventory: () => Promise<Uint8Array>;
  /** The agent's one check runner, shared with its HTTPS API. */
  runner: () => Promise<CheckRunner>;
}

export interface RunningFleet {
  settings: FleetSettings;
  presence: FleetPresence;
  help: RunningHelp;
}

/** Starts presence, checks over NATS and the help page with `settings`. */
export async function startFleetMode(
  deps: FleetModeDeps,
  settings: FleetSettings,
): Promise<RunningFleet> {
  const config: AgentConfig = { ...deps.config, fleet: settings };
  const { logger } = deps;
  const help = await (
    await import('./help-start')
  ).startHelp({
    config,
    logger: logger.child({ part: 'help' }),
    inventory: deps.inventory,
    runner: deps.runner,
  });
  const presence = new (await import('./presence')).FleetPresence({
    config,
    logger: logger.child({ part: 'fleet' }),
    inventory: deps.inventory,
    hooks: [
      new (await import('./fleet-check-service')).FleetCheckService({
        runner: deps.runner,
        logger: logger.child({ part: 'fleet-checks' }),
      }).hooks(),
      help.hooks,
    ],
  });
  presence.start();
  return { settings, presence, help };
}

/** Stops what `startFleetMode` started. */
export async function stopFleetMode(running: RunningFleet): Promise<void> {
  await Promise.allSettled([running.presence.stop(), running.help.stop()]);
}

/**
 * Fleet mode that can be started, and started again with new settings, while the agent runs;
 * at most one runs at a time.
 */
export class FleetModeControl {
  private running: RunningFleet | null = null;
  private changing: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: FleetModeDeps) {}

  current(): RunningFleet | null {
    return this.running;
  }

  /** Starts fleet mode with `settings`, stopping the one running first; answers whether one ran. */
  start(settings: FleetSettings): Promise<{ restarted: boolean; running: RunningFleet }> {
    const next = this.changing.then(async () => {
      const previous = this.running;
      this.running = null;
      if (previous) await stopFleetMode(previous);
      this.running = await startFleetMode(this.deps, settings);
      return { restarted: previous !== null, running: this.running };
    });
    this.changing = next.catch(() => undefined);
    return next;
  }

  /** Publishes the inventory when it changed (after a refresh). */
  inventoryChanged(): void {
    this.running?.presence.inventoryChanged();
  }

  async stop(): Promise<void> {
    await this.changing;
    const running = this.running;
    this.running = null;
    if (running) await stopFleetMode(running);
  }
}
