/**
 * The fleet's buckets and streams, made by an administrator's console (or
 * `npm run fleet -- init-server`): the presence bucket (each key expires after `presenceTtlMs`,
 * so a silent agent goes offline), the inventory bucket, the inventory and help streams, the
 * help queue (the desk's answers, kept until their agent takes them), and the check queue and
 * results streams (checks over NATS). Idempotent: what exists is left as it is.
 */
import { jetstreamManager, RetentionPolicy } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  FLEET_BUCKETS,
  FLEET_CHECK_STREAMS,
  FLEET_HEARTBEAT_SECONDS,
  FLEET_HELP_QUEUE,
  FLEET_PRESENCE_TTL_HEARTBEATS,
  FLEET_STREAMS,
} from '@deskside/core';
import { ensureFleetCheckStreams } from './fleet-checks';

/** The presence bucket's TTL by default: three heartbeats of 15 s. */
export const DEFAULT_PRESENCE_TTL_MS =
  FLEET_HEARTBEAT_SECONDS * FLEET_PRESENCE_TTL_HEARTBEATS * 1_000;
/** Answers to help requests wait this long for their agent: 30 days. */
const HELP_QUEUE_MAX_AGE_NS = 30 * 24 * 3_600 * 1_000_000_000;
/** Inventory messages kept by the stream: a week, the latest one of each agent kept anyway. */
const INVENTORY_STREAM_MAX_AGE_NS = 7 * 24 * 3_600 * 1_000_000_000;

export interface FleetStorageOptions {
  presenceTtlMs?: number;
  /** How long a queued check waits for its agent (default 7 days). */
  checkQueueMaxAgeMs?: number;
}

/** What `ensureFleetStorage` made (names of buckets and streams); empty when all existed. */
export async function ensureFleetStorage(
  nc: NatsConnection,
  options: FleetStorageOptions = {},
): Promise<string[]> {
  const jsm = await jetstreamManager(nc);
  const made: string[] = [];
  const exists = async (stream: string) =>
    jsm.streams.info(stream).then(
      () => true,
      (error: unknown) => {
        if (/stream not found/i.test((error as Error).message)) return false;
        throw error;
      },
    );
  const kvm = new Kvm(nc);
  if (!(await exists(`KV_${FLEET_BUCKETS.presence}`))) {
    await kvm.create(FLEET_BUCKETS.presence, {
      ttl: options.presenceTtlMs ?? DEFAULT_PRESENCE_TTL_MS,
      history: 1,
    });
    made.push(FLEET_BUCKETS.presence);
  }
  if (!(await exists(`KV_${FLEET_BUCKETS.inventory}`))) {
    await kvm.create(FLEET_BUCKETS.inventory, { history: 1 });
    made.push(FLEET_BUCKETS.inventory);
  }
  const { inventoryChanges, help } = FLEET_STREAMS;
  if (!(await exists(inventoryChanges.name))) {
    await jsm.streams.add({
      name: inventoryChanges.name,
      subjects: [...inventoryChanges.subjects],
      max_age: INVENTORY_STREAM_MAX_AGE_NS,
      max_msgs_per_subject: 5,
    });
    made.push(inventoryChanges.name);
  }
  if (!(await exists(help.name))) {
    await jsm.streams.add({ name: help.name, subjects: [...help.subjects] });
    made.push(help.name);
  }
  if (!(await exists(FLEET_HELP_QUEUE.name))) {
    await jsm.streams.add({
      name: FLEET_HELP_QUEUE.name,
      subjects: [...FLEET_HELP_QUEUE.subjects],
      retention: RetentionPolicy.Workqueue,
      max_age: HELP_QUEUE_MAX_AGE_NS,
      duplicate_window: 120 * 1_000_000_000,
    });
    made.push(FLEET_HELP_QUEUE.name);
  }
  const { queue, results } = FLEET_CHECK_STREAMS;
  if (!(await exists(queue.name)) || !(await exists(results.name))) {
    await ensureFleetCheckStreams(nc, options.checkQueueMaxAgeMs);
    made.push(queue.name, results.name);
  }
  return made;
}
