/**
 * The console's link to the fleet over NATS, made when its settings have fleet mode
 * (servers and the console's `.creds` file): it watches the presence bucket and keeps each
 * fleet machine online or offline with the time it was last seen, and reads the inventory
 * stream into the desk's inventory history for machines the desk knows. Without fleet
 * settings nothing is started.
 *
 * Presence: a key put in `deskside-presence` is a heartbeat; a key deleted (an agent that
 * stopped cleanly) is offline at once; a key not renewed within the bucket's TTL is offline
 * too (nats-server 2.9 removes expired keys without telling watchers, so the link sweeps).
 * Only what the server let an agent write arrives, and agents write their own key only:
 * a value that does not parse as `FleetPresenceSchema` is ignored.
 *
 * What it saw is kept in the desk's database (fleet-presence-store.ts), read at start so an
 * offline machine keeps its "last seen" across a restart and on every console, and written
 * in batches: a machine is written when it comes online or goes offline (or its agent's
 * version changes), and otherwise at most once a minute (`lastSeenEveryMs`), never a write
 * per heartbeat.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { decode, parseCreds, type User } from '@nats-io/jwt';
import { DeliverPolicy, jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { Kvm, type KvEntry, type KvWatchEntry } from '@nats-io/kv';
import {
  connect,
  credsAuthenticator,
  type NatsConnection,
  type QueuedIterator,
} from '@nats-io/transport-node';
import {
  FLEET_BUCKETS,
  FLEET_INVENTORY_ENCODING,
  FLEET_STREAMS,
  FleetIdSchema,
  FleetLinkSettingsSchema,
  FleetPresenceSchema,
  fleetInboxPrefix,
  fleetSubjects,
  InventorySchema,
  type AnalystRole,
  type FleetLinkSettings,
  type FleetMachinePresence,
  type FleetPresence,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { InventoryHistoryService } from '../machines/inventory-history';
import { FleetHelp, type FleetHelpDeps } from './fleet-help';
import { loadFleetPresence, saveFleetPresence } from './fleet-presence-store';
import { DEFAULT_PRESENCE_TTL_MS } from './fleet-storage';

const gunzipAsync = promisify(gunzip);
const CONSOLE_NAME = /^console-([A-Za-z0-9_-]{1,64})-(analyst|lead|admin)$/;
/** Largest inventory accepted once decompressed. */
const MAX_INVENTORY_BYTES = 32 * 1024 * 1024;
/** How often what changed is written to the database. */
const PERSIST_EVERY_MS = 5_000;
/** An online machine's last seen is written at most this often. */
const LAST_SEEN_EVERY_MS = 60_000;

export class FleetLinkError extends Error {
  override readonly name = 'FleetLinkError';
}

export interface FleetLinkOptions {
  db: Db;
  history: InventoryHistoryService;
  /** Problems that do not stop the link (a bad message, a failed write), for the log. */
  onProblem?: (message: string, error?: unknown) => void;
  /** How often expired presence is looked for; a quarter of the TTL by default. */
  sweepEveryMs?: number;
  /** How often changed presence is written to the database (5 s by default). */
  persistEveryMs?: number;
  /** An online machine's last seen is written at most this often (a minute by default). */
  lastSeenEveryMs?: number;
  now?: () => number;
  /** Take employees' help requests into tickets (the console's ticket services). */
  help?: FleetHelpDeps;
}

interface Seen {
  presence: FleetPresence | null;
  /** The latest heartbeat's arrival (server time of the put), ms. */
  lastSeenAt: number | null;
  /** The key is in the bucket (put and not deleted). */
  present: boolean;
  online: boolean;
  /** From the heartbeat, or from the database before one arrived. */
  agentVersion: string | null;
}

/** What the database holds of a machine, as this link last wrote or read it. */
interface Persisted {
  lastSeenAt: number;
  online: boolean;
  agentVersion: string | null;
}

/** Who a console's `.creds` file was issued to (`console-<id>-<role>`). */
export interface FleetConsoleIdentity {
  consoleId: string;
  role: AnalystRole;
}

/** The console id and role a `.creds` file was issued to (`console-<id>-<role>`). */
async function consoleIdOf(text: string, file: string): Promise<FleetConsoleIdentity> {
  try {
    const creds = await parseCreds(new TextEncoder().encode(text));
    const claims = decode<User>(creds.jwt);
    const match = CONSOLE_NAME.exec(claims.name);
    if (!match?.[1] || !match[2]) {
      throw new Error(`it was issued to "${claims.name}", not to a console`);
    }
    return { consoleId: match[1], role: match[2] as AnalystRole };
  } catch (error) {
    throw new FleetLinkError(
      `${file} is not a console's fleet credentials file: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export class FleetLink {
  private readonly seen = new Map<string, Seen>();
  private readonly listeners = new Set<(machineIds: string[]) => void>();
  private readonly recorded: Promise<void>[] = [];
  private ttlMs = DEFAULT_PRESENCE_TTL_MS;
  private sweepTimer: NodeJS.Timeout | undefined;
  private watcher: QueuedIterator<KvWatchEntry> | undefined;
  private messages: ConsumerMessages | undefined;
  private helpDesk: FleetHelp | null = null;
  private readonly now: () => number;
  private readonly persisted = new Map<string, Persisted>();
  private readonly dirty = new Set<string>();
  private persistTimer: NodeJS.Timeout | undefined;
  private persisting: Promise<void> = Promise.resolve();

  private constructor(
    /** The console's connection (checks over NATS use it too). */
    readonly connection: NatsConnection,
    /** The console id and role of its credentials. */
    readonly identity: FleetConsoleIdentity,
    private readonly options: FleetLinkOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Connects with the console's identity and starts watching; `null` settings: nothing. */
  static async start(
    settings: FleetLinkSettings | null | undefined,
    options: FleetLinkOptions,
  ): Promise<FleetLink | null> {
    if (!settings) return null;
    const { servers, credentialsFile, tlsCaFile } = FleetLinkSettingsSchema.parse(settings);
    const text = await readFile(credentialsFile, 'utf8').catch((error: unknown) => {
      throw new FleetLinkError(
        `The console's fleet credentials file ${credentialsFile} cannot be read`,
        {
          cause: error,
        },
      );
    });
    const identity = await consoleIdOf(text, credentialsFile);
    const { consoleId } = identity;
    const connection = await connect({
      servers,
      authenticator: credsAuthenticator(new TextEncoder().encode(text)),
      inboxPrefix: fleetInboxPrefix('console', consoleId),
      name: `deskside-console ${consoleId}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 2_000,
      ...(tlsCaFile ? { tls: { caFile: tlsCaFile } } : {}),
    });
    const link = new FleetLink(connection, identity, options);
    try {
      await link.watchPresence();
      await link.readInventory();
      await link.takeHelp();
    } catch (error) {
      await link.stop();
      throw error;
    }
    return link;
  }

  /** Called with the machine ids whose presence changed. Returns the way to stop listening. */
  onChange(listener: (machineIds: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every fleet machine seen since the link started, online or not. */
  presence(): FleetMachinePresence[] {
    return [...this.seen.entries()].map(([machineId, seen]) => ({
      machineId,
      online: seen.online,
      lastSeenAt: seen.lastSeenAt === null ? null : new Date(seen.lastSeenAt).toISOString(),
      presence: seen.presence,
      agentVersion: seen.presence?.agentVersion ?? seen.agentVersion,
    }));
  }

  presenceOf(machineId: string): FleetMachinePresence | null {
    return this.presence().find((p) => p.machineId === machineId) ?? null;
  }

  /** Resolves once every inventory received so far has been recorded (for tests). */
  async settled(): Promise<void> {
    while (this.recorded.length > 0) await Promise.allSettled(this.recorded.splice(0));
  }

  /** Help requests and messages to employees (null without the ticket services). */
  help(): FleetHelp | null {
    return this.helpDesk;
  }

  /** Writes what changed since the last write to the database (also done every few seconds). */
  persist(): Promise<void> {
    this.persisting = this.persisting.then(() => this.writeDirty());
    return this.persisting;
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    await this.helpDesk?.stop();
    clearInterval(this.persistTimer);
    this.watcher?.stop();
    await this.messages?.close().catch(() => undefined);
    if (!this.connection.isClosed()) await this.connection.close();
    await this.settled();
    await this.persist();
    this.listeners.clear();
  }

  /** What the database held at start: offline machines keep their last seen. */
  private async loadPersisted(): Promise<void> {
    let rows;
    try {
      rows = await loadFleetPresence(this.options.db);
    } catch (error) {
      this.problem('fleet: the presence kept by the desk cannot be read', error);
      return;
    }
    const now = this.now();
    for (const row of rows) {
      const lastSeenAt = Date.parse(row.lastSeenAt);
      this.persisted.set(row.machineId, {
        lastSeenAt,
        online: row.online,
        agentVersion: row.agentVersion,
      });
      // Believed online until the TTL says otherwise; the watcher's first values follow.
      this.seen.set(row.machineId, {
        presence: null,
        lastSeenAt,
        present: false,
        online: row.online && now - lastSeenAt < this.ttlMs,
        agentVersion: row.agentVersion,
      });
    }
  }

  /** Marks a machine to be written when the database's row is behind what matters. */
  private note(machineId: string): void {
    const seen = this.seen.get(machineId);
    if (!seen || seen.lastSeenAt === null) return;
    const stored = this.persisted.get(machineId);
    const every = this.options.lastSeenEveryMs ?? LAST_SEEN_EVERY_MS;
    if (
      !stored ||
      stored.online !== seen.online ||
      stored.agentVersion !== this.versionOf(seen) ||
      seen.lastSeenAt - stored.lastSeenAt >= every
    ) {
      this.dirty.add(machineId);
    }
  }

  private versionOf(seen: Seen): string | null {
    return seen.presence?.agentVersion ?? seen.agentVersion;
  }

  private async writeDirty(): Promise<void> {
    if (this.dirty.size === 0) return;
    const rows = [...this.dirty].flatMap((machineId) => {
      const seen = this.seen.get(machineId);
      if (!seen || seen.lastSeenAt === null) return [];
      return [
        {
          machineId,
          online: seen.online,
          lastSeenAt: seen.lastSeenAt,
          agentVersion: this.versionOf(seen),
        },
      ];
    });
    this.dirty.clear();
    try {
      await saveFleetPresence(
        this.options.db,
        rows.map((row) => ({ ...row, lastSeenAt: new Date(row.lastSeenAt).toISOString() })),
        new Date(this.now()),
      );
      for (const { machineId, ...row } of rows) this.persisted.set(machineId, row);
    } catch (error) {
      for (const row of rows) this.dirty.add(row.machineId);
      this.problem('fleet: presence was not written to the desk; trying again', error);
    }
  }

  private problem(message: string, error?: unknown): void {
    this.options.onProblem?.(message, error);
  }

  private changed(machineIds: string[]): void {
    if (machineIds.length === 0) return;
    for (const listener of this.listeners) listener(machineIds);
  }

  private async watchPresence(): Promise<void> {
    const js = jetstream(this.connection, { checkAPI: false });
    const bucket = await new Kvm(js).open(FLEET_BUCKETS.presence, { allow_direct: true });
    try {
      const ttl = (await bucket.status()).ttl;
      if (ttl > 0) this.ttlMs = ttl;
    } catch (error) {
      this.problem('fleet: the presence bucket cannot be read; is the fleet initialised?', error);
      throw error;
    }
    await this.loadPersisted();
    this.watcher = await bucket.watch();
    void (async () => {
      for await (const entry of this.watcher!) this.onPresence(entry);
    })().catch((error: unknown) => {
      this.problem('fleet: the presence watch stopped', error);
    });
    const every = this.options.sweepEveryMs ?? Math.max(250, Math.floor(this.ttlMs / 4));
    this.sweepTimer = setInterval(() => {
      this.sweep();
    }, every);
    this.sweepTimer.unref();
    this.persistTimer = setInterval(() => {
      void this.persist();
    }, this.options.persistEveryMs ?? PERSIST_EVERY_MS);
    this.persistTimer.unref();
  }

  private onPresence(entry: KvEntry): void {
    const machineId = entry.key;
    if (!FleetIdSchema.safeParse(machineId).success) return;
    const previous = this.seen.get(machineId);
    if (entry.operation !== 'PUT') {
      if (previous?.online || previous?.present) {
        this.seen.set(machineId, { ...previous, present: false, online: false });
        this.note(machineId);
        this.changed([machineId]);
      }
      return;
    }
    let presence: FleetPresence;
    try {
      presence = FleetPresenceSchema.parse(entry.json());
    } catch (error) {
      this.problem(`fleet: an unreadable heartbeat from ${machineId} was ignored`, error);
      return;
    }
    const lastSeenAt = entry.created.getTime();
    const online = this.now() - lastSeenAt < this.ttlMs;
    this.seen.set(machineId, {
      presence,
      lastSeenAt,
      present: true,
      online,
      agentVersion: presence.agentVersion,
    });
    this.note(machineId);
    // Only comings and goings are announced: a heartbeat of a machine already online is not
    // (windows would read the list again every few seconds for each agent).
    if (previous?.online !== online) this.changed([machineId]);
  }

  /** Keys not renewed within the TTL: offline, with their last seen time kept. */
  private sweep(): void {
    const now = this.now();
    const gone: string[] = [];
    for (const [machineId, seen] of this.seen) {
      if (seen.online && seen.lastSeenAt !== null && now - seen.lastSeenAt >= this.ttlMs) {
        seen.online = false;
        seen.present = false;
        this.note(machineId);
        gone.push(machineId);
      }
    }
    this.changed(gone);
  }

  private async takeHelp(): Promise<void> {
    if (!this.options.help) return;
    const help = new FleetHelp({
      ...this.options.help,
      connection: this.connection,
      onProblem: (message, error) => {
        this.problem(message, error);
      },
    });
    await help.start();
    this.helpDesk = help;
  }

  private async readInventory(): Promise<void> {
    const js = jetstream(this.connection, { checkAPI: false });
    // An ordered consumer from the latest inventory of each agent, then every new one.
    const consumer = await js.consumers.get(FLEET_STREAMS.inventoryChanges.name, {
      deliver_policy: DeliverPolicy.LastPerSubject,
      // One subject as a string: `filter_subject`, which nats-server 2.9 knows.
      filter_subjects: fleetSubjects.anyAgent('inventory'),
    });
    this.messages = await consumer.consume();
    void (async () => {
      for await (const message of this.messages!) {
        const recording = this.onInventory(message);
        this.recorded.push(recording);
        await recording;
      }
    })().catch((error: unknown) => {
      this.problem('fleet: the inventory stream stopped', error);
    });
  }

  private async onInventory(message: JsMsg): Promise<void> {
    const machineId = message.subject.split('.')[2] ?? '';
    try {
      if (!FleetIdSchema.safeParse(machineId).success) return;
      const known = await this.options.db
        .selectFrom('machines')
        .select('id')
        .where('id', '=', machineId)
        .executeTakeFirst();
      if (!known) return;
      const gzipped = message.headers?.get('Content-Encoding') === FLEET_INVENTORY_ENCODING;
      const body = gzipped
        ? await gunzipAsync(message.data, { maxOutputLength: MAX_INVENTORY_BYTES })
        : Buffer.from(message.data);
      const inventory = InventorySchema.parse(JSON.parse(body.toString('utf8')));
      await this.options.history.record(
        machineId,
        inventory,
        'agent',
        message.info.timestampNanos
          ? new Date(message.info.timestampNanos / 1_000_000).toISOString()
          : undefined,
      );
    } catch (error) {
      this.problem(`fleet: the inventory of ${machineId} was not recorded`, error);
    }
  }
}
