/**
 * The console's fleet mode: a FleetLink made from the settings' `fleet` (none without it),
 * made again when those settings change, its changes of presence sent to this console's
 * windows as `fleet.presence` events. A link that cannot be made (server away, bad file) is
 * logged and tried again after a while; the rest of the console does not wait for it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FleetLinkSettings, FleetMachinePresence, FleetPresenceEvent } from '@deskside/core';
import type { Logger } from 'pino';
import { FleetLink, type FleetLinkOptions } from './fleet-link';
import { loadFleetPresence, storedAsPresence } from './fleet-presence-store';

const RETRY_MS = 30_000;

export interface FleetServiceOptions extends Omit<FleetLinkOptions, 'onProblem'> {
  emit: (event: FleetPresenceEvent) => void;
  logger: Logger;
}

export class FleetService {
  private link: FleetLink | null = null;
  private settings: FleetLinkSettings | null = null;
  private starting: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly options: FleetServiceOptions) {}

  /** Uses `settings` from now on (null: fleet mode off); nothing happens when unchanged. */
  apply(settings: FleetLinkSettings | null): Promise<void> {
    if (isDeepStrictEqual(settings, this.settings)) return this.starting;
    this.settings = settings;
    const generation = ++this.generation;
    this.starting = this.starting.then(() => this.restart(generation));
    return this.starting;
  }

  /**
   * The link's view; without a link (fleet mode off here, or not linked yet) what the desk
   * keeps, which other consoles of the desk write.
   */
  async presence(): Promise<FleetMachinePresence[]> {
    if (this.link) return this.link.presence();
    return storedAsPresence(await loadFleetPresence(this.options.db));
  }

  async close(): Promise<void> {
    this.generation++;
    clearTimeout(this.retry);
    await this.starting;
    await this.link?.stop();
    this.link = null;
  }

  private async restart(generation: number): Promise<void> {
    clearTimeout(this.retry);
    const { logger, emit } = this.options;
    const old = this.link;
    this.link = null;
    if (old) {
      await old.stop();
      emit({
        type: 'fleet.presence',
        machineIds: old.presence().map((p) => p.machineId),
        at: new Date().toISOString(),
      });
    }
    if (generation !== this.generation || !this.settings) return;
    try {
      const link = await FleetLink.start(this.settings, {
        ...this.options,
        onProblem: (message, error) => {
          logger.warn({ err: error }, message);
        },
      });
      if (generation !== this.generation) {
        await link?.stop();
        return;
      }
      this.link = link;
      link?.onChange((machineIds) => {
        emit({ type: 'fleet.presence', machineIds, at: new Date().toISOString() });
      });
      logger.info({ servers: this.settings.servers }, 'fleet: linked');
    } catch (error) {
      logger.warn({ err: error }, 'fleet: cannot link to the NATS server; trying again shortly');
      this.retry = setTimeout(() => {
        if (generation === this.generation) {
          this.starting = this.starting.then(() => this.restart(generation));
        }
      }, RETRY_MS);
      this.retry.unref();
    }
  }
}
