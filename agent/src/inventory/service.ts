import {
  INVENTORY_SECTIONS,
  type InventorySectionName,
  type InventoryV2,
  type PreparedJson,
} from '@deskside/core';
import type { DocumentInputs, Observed } from '../collect/document';
import { runCommand, type CommandRunner } from '../collect/exec';
import { CpuLoadSampler } from '../collect/live/cpu-load';
import {
  DEFAULT_STATIC_MAX_AGE_MS,
  STATIC_MAX_AGE_MS,
  stateSourcesFor,
  staticSectionsFor,
  type StateSource,
} from '../collect/tiers';
import { JsonFragments } from '../json-fragments';
import type { RefreshUrgency, StaticRefresher } from './refresh-child';
import { hasStaticCache, loadStaticCache } from './static-cache';
import type { SectionNotice } from './stored-section';
import { StaleWhileRevalidate } from './state-cache';
import { waitAtMost, waiter, type Waiter } from './waiting';

export interface InventoryServiceOptions {
  /** The agent's data folder: the static cache lives there. */
  dataDir: string;
  agentVersion: string;
  refreshStatic: StaticRefresher;
  platform?: NodeJS.Platform;
  run?: CommandRunner;
  /** How old users, battery, printers, gateways and DNS may be before they are read again. */
  stateMaxAgeMs?: number;
  /** How often the schedule looks for static sections due for collection. */
  scheduleEveryMs?: number;
  /** After a failed collection, how long before a section is tried again. */
  retryAfterMs?: number;
  sampler?: CpuLoadSampler;
  /**
   * How long a request waits for sections never collected yet (a first start); those still
   * missing then are reported as a `timeout` problem, and a later request gets them.
   */
  firstCollectionWaitMs?: number;
  onError?: (error: unknown) => void;
}

/** Some sections take long the first time (a simulated `apt-get dist-upgrade`: 9 s here). */
const DEFAULT_FIRST_COLLECTION_WAIT_MS = 8_000;

/**
 * The agent's inventory: static sections from a cache kept in memory and on disk,
 * refreshed at start and on a schedule (by `refreshStatic`, a child process in the agent);
 * users, battery, printers and network configuration refreshed in the background when
 * stale; load, memory, disk usage and network state read for every request. A request waits
 * only when a section has never been collected yet.
 */
export class InventoryService {
  private readonly platform: NodeJS.Platform;
  private readonly run: CommandRunner;
  /** What the refreshes said about each section: collected when, or why not. */
  private readonly known = new Map<InventorySectionName, SectionNotice>();
  /** Sections read from the cache file for a request, until a refresh writes newer ones. */
  private readonly parsed = new Map<InventorySectionName, Observed<unknown>>();
  /** Their JSON, serialised once per refresh rather than for each request. */
  private readonly fragments = new JsonFragments();
  /** Documents being put together, by the sections they hold. */
  private readonly building = new Map<string, Promise<PreparedJson<InventoryV2>>>();
  private readonly failedAt = new Map<InventorySectionName, number>();
  private readonly arrivals = new Map<InventorySectionName, Waiter>();
  private readonly states: { [K in StateSource]: StaleWhileRevalidate<unknown> };
  private readonly sampler: CpuLoadSampler;
  private refreshing: Promise<void> | undefined;
  private readonly refreshListeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: InventoryServiceOptions) {
    this.platform = options.platform ?? process.platform;
    this.run = options.run ?? runCommand;
    this.sampler = options.sampler ?? new CpuLoadSampler();
    const maxAge = options.stateMaxAgeMs ?? 15_000;
    // Collectors load with the first request that needs them: an idle agent never does.
    const read = (source: StateSource) => async () =>
      (await import('../collect/sections')).STATE_SOURCES[source]({
        platform: this.platform,
        run: this.run,
      });
    this.states = {
      users: new StaleWhileRevalidate('users', read('users'), maxAge),
      battery: new StaleWhileRevalidate('battery', read('battery'), maxAge),
      printers: new StaleWhileRevalidate('printers', read('printers'), maxAge),
      networkConfig: new StaleWhileRevalidate('network', read('networkConfig'), maxAge),
    };
  }

  /**
   * Starts sampling the CPU and collects every static section again. The cache file from
   * the last run is read when a request first needs it: an agent nobody asks holds no facts.
   * Without one, the first requests wait for this collection.
   */
  start(): void {
    this.sampler.start();
    const cached = hasStaticCache(this.options.dataDir, this.identity());
    void this.refresh(
      staticSectionsFor(INVENTORY_SECTIONS, this.platform),
      cached ? 'background' : 'awaited',
    );
    this.timer = setInterval(
      () => {
        void this.refresh(this.dueSections(), 'background');
      },
      this.options.scheduleEveryMs ?? 10 * 60_000,
    ).unref();
  }

  /** Resolves when no static collection is running. */
  async settled(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }

  /** Calls `listener` after each static collection has finished (fleet mode publishes then). */
  onRefreshed(listener: () => void): void {
    this.refreshListeners.add(listener);
  }

  stop(): void {
    clearInterval(this.timer);
    this.refreshListeners.clear();
    this.sampler.stop();
  }

  /** The document for the sections asked (all by default). Never runs a static collection. */
  async get(sections: readonly InventorySectionName[] = INVENTORY_SECTIONS): Promise<InventoryV2> {
    const needed = staticSectionsFor(sections, this.platform);
    const statics: DocumentInputs['statics'] = {};
    for (const [section, observed] of await this.staticSections(needed)) {
      Object.assign(statics, { [section]: observed });
    }
    const states: DocumentInputs['states'] = {};
    await Promise.all(
      stateSourcesFor(sections).map(async (source) => {
        Object.assign(states, { [source]: await this.states[source].get() });
      }),
    );
    const { buildDocument } = await import('../collect/document');
    return buildDocument({
      sections,
      platform: this.platform,
      run: this.run,
      statics,
      states,
      // Before the first window closes, the load since the agent started.
      load: sections.includes('cpu') ? (this.sampler.current() ?? this.sampler.sample()) : null,
    });
  }

  /**
   * `get`, serialised: the static sections as the JSON they were turned into when first read,
   * only what changes between requests stringified again. Requests for the same sections
   * that arrive while such a document is being put together get that document: at once,
   * they would read the same facts.
   */
  prepared(
    sections: readonly InventorySectionName[] = INVENTORY_SECTIONS,
  ): Promise<PreparedJson<InventoryV2>> {
    const key = sections.join(',');
    let building = this.building.get(key);
    if (!building) {
      building = this.get(sections).then((document) => this.fragments.serialize(document));
      this.building.set(key, building);
      const forget = () => this.building.delete(key);
      building.then(forget, forget);
    }
    return building;
  }

  /**
   * The static sections asked for: from memory, else from the cache file, else (never
   * collected yet) once the running refresh has written them, waiting a bounded time.
   */
  private async staticSections(
    sections: readonly InventorySectionName[],
  ): Promise<Map<InventorySectionName, Observed<unknown>>> {
    const result = new Map<InventorySectionName, Observed<unknown>>();
    const deadline =
      Date.now() + (this.options.firstCollectionWaitMs ?? DEFAULT_FIRST_COLLECTION_WAIT_MS);
    for (let attempt = 0; attempt < 3; attempt++) {
      const missing = sections.filter((s) => !result.has(s) && !this.parsed.has(s));
      const stored =
        missing.length > 0 ? await loadStaticCache(this.options.dataDir, this.identity()) : null;
      const pending: InventorySectionName[] = [];
      for (const section of sections) {
        if (result.has(section)) continue;
        let observed = this.parsed.get(section);
        const fromFile = stored?.get(section);
        if (!observed && fromFile) {
          // The section schemas load with the first request that reads the cache.
          const { readStoredSection } = await import('./read-section');
          observed = readStoredSection(section, fromFile);
          this.parsed.set(section, observed);
          this.fragments.remember(observed.value);
        }
        const problem = this.known.get(section)?.problem;
        if (!observed && problem) observed = { problem };
        if (observed) result.set(section, observed);
        else pending.push(section);
      }
      if (pending.length === 0 || attempt === 2 || Date.now() >= deadline) break;
      await waitAtMost(
        Promise.all(pending.map((section) => this.arrival(section))),
        deadline - Date.now(),
      );
    }
    for (const section of sections) {
      if (!result.has(section)) {
        result.set(section, {
          problem: {
            section,
            reason: 'timeout',
            message: `${section}: still being collected for the first time; ask again shortly`,
          },
        });
      }
    }
    return result;
  }

  private identity() {
    return { agentVersion: this.options.agentVersion, platform: this.platform };
  }

  /** Resolves once `section` has been collected (or has failed) for the first time. */
  private arrival(section: InventorySectionName): Promise<void> {
    let arrival = this.arrivals.get(section);
    if (!arrival) {
      arrival = waiter();
      this.arrivals.set(section, arrival);
      if (!this.refreshing) void this.refresh([section], 'awaited');
    }
    return arrival.promise;
  }

  private dueSections(now = Date.now()): InventorySectionName[] {
    return staticSectionsFor(INVENTORY_SECTIONS, this.platform).filter((section) => {
      const observed = this.known.get(section);
      if (!observed || observed.problem) {
        return now - (this.failedAt.get(section) ?? 0) > (this.options.retryAfterMs ?? 10 * 60_000);
      }
      const maxAge = STATIC_MAX_AGE_MS[section] ?? DEFAULT_STATIC_MAX_AGE_MS;
      return now - Date.parse(observed.observedAt) > maxAge;
    });
  }

  private refresh(sections: InventorySectionName[], urgency: RefreshUrgency): Promise<void> {
    if (this.refreshing || sections.length === 0) return this.refreshing ?? Promise.resolve();
    const refreshing = this.options
      .refreshStatic(
        sections,
        (notice) => {
          this.known.set(notice.section, notice);
          if (notice.problem) this.failedAt.set(notice.section, Date.now());
          // Newer facts are in the file; a failed collection leaves the old ones there.
          else this.parsed.delete(notice.section);
          this.arrivals.get(notice.section)?.resolve();
          this.arrivals.delete(notice.section);
        },
        urgency,
      )
      .catch((error: unknown) => {
        this.options.onError?.(error);
      })
      .then(() => {
        // Sections the refresh never reported (it crashed): stop waiting for them.
        for (const section of sections) {
          if (!this.known.has(section)) {
            this.known.set(section, {
              section,
              problem: {
                section,
                reason: 'failed',
                message: `${section}: the collection stopped early`,
              },
            });
            this.failedAt.set(section, Date.now());
          }
          this.arrivals.get(section)?.resolve();
          this.arrivals.delete(section);
        }
      })
      .finally(() => {
        this.refreshing = undefined;
        for (const listener of this.refreshListeners) listener();
        // Requests waiting for sections this refresh did not include.
        const waiting = [...this.arrivals.keys()];
        if (waiting.length > 0) void this.refresh(waiting, 'awaited');
      });
    this.refreshing = refreshing;
    return refreshing;
  }
}
