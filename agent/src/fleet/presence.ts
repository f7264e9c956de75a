/**
 * The agent's presence in the fleet: a connection to NATS kept up with back-off (laptops
 * come and go), a heartbeat under its own key in the presence bucket every few seconds, and
 * its inventory whenever it changes: the document, gzip-compressed, on its inventory subject
 * (kept by the inventory stream), and a digest of it under its own key in the inventory
 * bucket. Loaded only when the config has `fleet`.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import {
  FLEET_BUCKETS,
  FLEET_HEARTBEAT_SECONDS,
  FLEET_INVENTORY_ENCODING,
  FleetInventoryDigestSchema,
  FleetPresenceSchema,
  fleetKvKey,
  fleetSubjects,
  type FleetInventoryDigest,
} from '@deskside/core';
import type { AgentConfig } from '../config';
import type { AgentLogger } from '../log';
import { AGENT_VERSION } from '../version';
import { connectFleetFromConfig } from './connect';
import { FleetCredentialsError } from './credentials';

const gzipAsync = promisify(gzip);
/** Back-off between attempts at the first connection: 1 s doubling up to a minute. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** Room left in a message for its headers and the protocol around it. */
const MESSAGE_OVERHEAD_BYTES = 4_096;

export interface FleetPresenceOptions {
  config: AgentConfig;
  logger: AgentLogger;
  /** The inventory JSON as the agent serves it. */
  inventory: () => Promise<Uint8Array>;
  /**
   * What else uses the fleet connection (checks over NATS, help requests), called in this
   * order; see `FleetConnectionHooks`.
   */
  hooks?: readonly FleetConnectionHooks[];
}

/**
 * Parts of the agent that use presence's connection rather than a second one of their own.
 * Each hook's failure is logged and does not stop presence.
 */
export interface FleetConnectionHooks {
  /**
   * A new connection (the first, or one made after the previous one closed); awaited before
   * the first heartbeat, so it should not wait for long work.
   */
  connected?: (connection: NatsConnection, agentId: string) => Promise<void>;
  /** The connection is back after a drop, or a heartbeat was sent while connected. */
  tick?: (reason: 'reconnect' | 'heartbeat') => void;
  /** The agent is stopping: called before the connection is drained. */
  stopping?: () => Promise<void>;
}

/** Starts fleet presence; `stop()` deletes the presence key and closes the connection. */
export class FleetPresence {
  private connection: NatsConnection | undefined;
  private agentId: string | undefined;
  private presenceBucket: KV | undefined;
  private inventoryBucket: KV | undefined;
  private js: JetStreamClient | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastDigest: string | undefined;
  private publishing: Promise<void> = Promise.resolve();
  private readonly startedAt = new Date().toISOString();
  private readonly intervalSeconds: number;

  constructor(private readonly options: FleetPresenceOptions) {
    this.intervalSeconds = options.config.fleet?.heartbeatSeconds ?? FLEET_HEARTBEAT_SECONDS;
  }

  start(): void {
    void this.connect(FIRST_RETRY_MS);
  }

  /** Publishes the inventory if it changed since it was last published (or never was). */
  inventoryChanged(): void {
    this.publishing = this.publishing.then(() => this.publishInventory());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    const connection = this.connection;
    if (!connection || connection.isClosed()) return;
    await this.publishing;
    for (const hooks of this.options.hooks ?? []) {
      await this.callHook('stopping', async () => {
        await hooks.stopping?.();
      });
    }
    try {
      // Gone at once rather than after the bucket's TTL.
      if (this.presenceBucket && this.agentId) {
        await this.presenceBucket.delete(fleetKvKey(this.agentId));
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'fleet: could not remove the presence key');
    }
    await connection.drain().catch(() => undefined);
    this.options.logger.info({}, 'fleet: disconnected');
  }

  private hasStopped(): boolean {
    return this.stopped;
  }

  private async callHook(name: string, hook: () => Promise<void> | void): Promise<void> {
    try {
      await hook();
    } catch (error) {
      this.options.logger.warn({ err: error, hook: name }, 'fleet: a connection hook failed');
    }
  }

  private tick(reason: 'reconnect' | 'heartbeat'): void {
    for (const hooks of this.options.hooks ?? []) {
      void this.callHook('tick', () => hooks.tick?.(reason));
    }
  }

  private async connect(retryMs: number): Promise<void> {
    if (this.stopped) return;
    const { logger, config } = this.options;
    try {
      const { connection, credentials } = await connectFleetFromConfig(config);
      // `stop()` may have been called while connecting.
      if (this.hasStopped()) {
        await connection.close();
        return;
      }
      this.connection = connection;
      this.agentId = credentials.agentId;
      logger.info(
        { agentId: credentials.agentId, server: connection.getServer() },
        'fleet: connected',
      );
      this.watchStatus(connection);
      this.js = jetstream(connection, { checkAPI: false });
      const kvm = new Kvm(this.js);
      this.presenceBucket = await kvm.open(FLEET_BUCKETS.presence, { allow_direct: true });
      this.inventoryBucket = await kvm.open(FLEET_BUCKETS.inventory, { allow_direct: true });
      // What else uses the connection is ready before the first heartbeat: a machine shows
      // online only once it answers.
      for (const hooks of this.options.hooks ?? []) {
        await this.callHook('connected', async () => {
          await hooks.connected?.(connection, credentials.agentId);
        });
      }
      this.heartbeatTimer = setInterval(() => {
        void this.heartbeat().then((stored) => {
          if (stored) this.tick('heartbeat');
        });
      }, this.intervalSeconds * 1_000);
      this.heartbeatTimer.unref();
      await this.heartbeat();
      this.inventoryChanged();
    } catch (error) {
      if (error instanceof FleetCredentialsError) {
        // A refused or missing identity does not mend itself: say so once, stop trying.
        logger.error({ err: error }, `fleet: ${error.message}`);
        return;
      }
      logger.warn(
        { err: error, retryInSeconds: retryMs / 1_000 },
        'fleet: cannot reach the NATS server; trying again',
      );
      this.retryTimer = setTimeout(() => {
        void this.connect(Math.min(retryMs * 2, MAX_RETRY_MS));
      }, retryMs);
      this.retryTimer.unref();
    }
  }

  /** Logs the connection's changes of state; the client reconnects by itself. */
  private watchStatus(connection: NatsConnection): void {
    const { logger } = this.options;
    void (async () => {
      for await (const status of connection.status()) {
        switch (status.type) {
          case 'disconnect':
            logger.warn({ server: status.server }, 'fleet: disconnected; reconnecting');
            break;
          case 'reconnect':
            logger.info({ server: status.server }, 'fleet: reconnected');
            void this.heartbeat().then(() => {
              this.tick('reconnect');
            });
            break;
          case 'error':
            logger.warn({ err: status.error }, 'fleet: the server reported an error');
            break;
          default:
            break;
        }
      }
    })();
    void connection.closed().then((error) => {
      if (!this.stopped) {
        clearInterval(this.heartbeatTimer);
        logger.error({ err: error }, 'fleet: the connection closed; trying again');
        this.retryTimer = setTimeout(() => {
          void this.connect(FIRST_RETRY_MS);
        }, FIRST_RETRY_MS);
        this.retryTimer.unref();
      }
    });
  }

  /** Puts the heartbeat; true when the server stored it (so the connection is up). */
  private async heartbeat(): Promise<boolean> {
    const bucket = this.presenceBucket;
    if (!bucket || !this.agentId || this.stopped) return false;
    const value = FleetPresenceSchema.parse({
      agentVersion: AGENT_VERSION,
      hostName: os.hostname() || 'unknown',
      os: { platform: process.platform, release: os.release(), arch: process.arch },
      startedAt: this.startedAt,
      sentAt: new Date().toISOString(),
      intervalSeconds: this.intervalSeconds,
    });
    try {
      await bucket.put(fleetKvKey(this.agentId), JSON.stringify(value), { timeout: 5_000 });
      return true;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'fleet: heartbeat not stored');
      return false;
    }
  }

  private async publishInventory(): Promise<void> {
    const { connection, js, inventoryBucket, agentId } = this;
    if (!connection || !js || !inventoryBucket || !agentId || this.stopped) return;
    const { logger } = this.options;
    try {
      const json = await this.options.inventory();
      const sha256 = createHash('sha256').update(json).digest('hex');
      if (sha256 === this.lastDigest) return;
      const compressed = await gzipAsync(json);
      const fits = compressed.length + MESSAGE_OVERHEAD_BYTES <= connection.info!.max_payload;
      if (fits) {
        const h = headers();
        h.set('Content-Encoding', FLEET_INVENTORY_ENCODING);
        await js.publish(fleetSubjects.inventory(agentId), compressed, {
          headers: h,
          timeout: 10_000,
        });
      } else {
        logger.warn(
          { gzipBytes: compressed.length, maxPayload: connection.info!.max_payload },
          'fleet: the inventory is larger than a message may be; only its digest is published',
        );
      }
      const digest: FleetInventoryDigest = FleetInventoryDigestSchema.parse({
        sha256,
        bytes: json.length,
        gzipBytes: compressed.length,
        published: fits,
        sentAt: new Date().toISOString(),
      });
      await inventoryBucket.put(fleetKvKey(agentId), JSON.stringify(digest), { timeout: 5_000 });
      this.lastDigest = sha256;
      logger.info({ bytes: json.length, gzipBytes: compressed.length }, 'fleet: inventory sent');
    } catch (error) {
      logger.warn(
        { err: error },
        'fleet: inventory not sent; it is sent again on the next refresh',
      );
    }
  }
}
