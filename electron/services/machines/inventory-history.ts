import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  canonicalJson,
  DesksideError,
  INVENTORY_SECTIONS,
  InventorySchema,
  type Inventory,
  type InventoryHistoryEntry,
  type InventoryHistorySnapshot,
  type InventorySource,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Insertable } from 'kysely';
import type { DatabaseSchema, InventorySnapshotsTable } from '../database/schema';
import { writeMachineProfile } from './machine-profiles';

export interface RecordedSnapshot {
  snapshotId: number;
  /** false when the inventory equalled the machine's latest snapshot, which is kept instead. */
  stored: boolean;
}

/**
 * Where a section keeps values that change on every reading. They are taken out before the
 * section is hashed, so a machine that only ran longer or used some memory has the same
 * sections as before, and kept beside the snapshot (small) to put back when it is read.
 */
interface VolatileShape {
  fields?: readonly string[];
  /** The shape of each element, when the value is a list. */
  each?: VolatileShape;
  children?: Readonly<Record<string, VolatileShape>>;
}

const VOLATILE: Readonly<Record<string, VolatileShape>> = {
  os: { fields: ['uptimeSeconds'] },
  cpu: { fields: ['load'] },
  memory: { fields: ['availableBytes', 'usedBytes', 'swapUsedBytes'] },
  fileSystems: { each: { fields: ['usedBytes', 'availableBytes', 'usePercent'] } },
  battery: {
    fields: ['acConnected'],
    children: { batteries: { each: { fields: ['percent', 'state', 'timeRemainingMinutes'] } } },
  },
};

/** Sections larger than this (canonical JSON, bytes) are stored deflated. */
const COMPRESS_FROM_BYTES = 1024;

const SECTION_NAMES = new Set<string>(INVENTORY_SECTIONS);

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function strip(value: Json, shape: VolatileShape): { stable: Json; volatile: Json } {
  if (shape.each && Array.isArray(value)) {
    const parts = value.map((element) => strip(element, shape.each as VolatileShape));
    const volatile = parts.map((part) => part.volatile);
    return {
      stable: parts.map((part) => part.stable),
      volatile: volatile.some((v) => v !== undefined) ? volatile.map((v) => v ?? null) : undefined,
    };
  }
  if (!isObject(value)) return { stable: value, volatile: undefined };
  const fields = new Set(shape.fields ?? []);
  const stable: JsonObject = {};
  const volatile: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    if (fields.has(key)) volatile[key] = entry;
    else stable[key] = entry;
  }
  for (const [key, child] of Object.entries(shape.children ?? {})) {
    if (!(key in stable)) continue;
    const part = strip(stable[key], child);
    stable[key] = part.stable;
    if (part.volatile !== undefined) volatile[key] = part.volatile;
  }
  return { stable, volatile: Object.keys(volatile).length > 0 ? volatile : undefined };
}

function restore(stable: Json, volatile: Json, shape: VolatileShape): Json {
  if (volatile === null || volatile === undefined) return stable;
  if (shape.each && Array.isArray(stable) && Array.isArray(volatile)) {
    const each = shape.each;
    return stable.map((element, i) => restore(element, volatile[i], each));
  }
  if (!isObject(stable) || !isObject(volatile)) return stable;
  const value: JsonObject = { ...stable };
  for (const field of shape.fields ?? []) {
    if (field in volatile) value[field] = volatile[field];
  }
  for (const [key, child] of Object.entries(shape.children ?? {})) {
    if (key in volatile && key in value) value[key] = restore(value[key], volatile[key], child);
  }
  return value;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function encodeSection(json: string): { encoding: string; body: string } {
  if (Buffer.byteLength(json) < COMPRESS_FROM_BYTES) return { encoding: 'json', body: json };
  return { encoding: 'deflate', body: deflateRawSync(json, { level: 9 }).toString('base64') };
}

function decodeSection(row: { encoding: string; body: string }): Json {
  const text =
    row.encoding === 'deflate'
      ? inflateRawSync(Buffer.from(row.body, 'base64')).toString('utf8')
      : row.body;
  return JSON.parse(text) as Json;
}

/** An inventory taken apart: its sections (stable content), volatile values and the rest. */
export function splitInventory(inventory: Inventory): {
  head: JsonObject;
  sections: Map<string, { hash: string; json: string }>;
  volatile: JsonObject;
  contentHash: string;
} {
  const head: JsonObject = {};
  const sections = new Map<string, { hash: string; json: string }>();
  const volatile: JsonObject = {};
  for (const [name, value] of Object.entries(inventory as JsonObject)) {
    if (!SECTION_NAMES.has(name)) {
      head[name] = value;
      continue;
    }
    const shape = VOLATILE[name];
    const part = shape ? strip(value, shape) : { stable: value, volatile: undefined };
    if (part.volatile !== undefined) volatile[name] = part.volatile;
    const json = canonicalJson(part.stable);
    sections.set(name, { hash: sha256(json), json });
  }
  const hashes = Object.fromEntries([...sections].map(([name, { hash }]) => [name, hash]));
  // Times are when, not what: two readings of an unchanged machine are the same content.
  const what = Object.fromEntries(
    Object.entries(head).filter(([key]) => key !== 'collectedAt' && key !== 'observedAt'),
  );
  const contentHash = sha256(canonicalJson({ ...what, sections: hashes }));
  return { head, sections, volatile, contentHash };
}

/** A snapshot's row as `documents` reads it. */
export type SnapshotRow = Pick<
  InventorySnapshotsTable,
  'machineId' | 'takenAt' | 'source' | 'takenBy' | 'head' | 'sections' | 'volatile'
> & { id: number };

export type SplitInventory = ReturnType<typeof splitInventory>;

/** A section's row: stored once under the hash of its canonical JSON. */
export function sectionRow(
  hash: string,
  json: string,
): Insertable<DatabaseSchema['inventorySections']> {
  return { hash, ...encodeSection(json), sizeBytes: Buffer.byteLength(json) };
}

/** A snapshot's row: the document's head, its sections' hashes and its readings. */
export function snapshotRow(
  split: SplitInventory,
  of: { machineId: string; takenAt: string; source: InventorySource; takenBy: string },
): Insertable<InventorySnapshotsTable> {
  return {
    ...of,
    contentHash: split.contentHash,
    head: canonicalJson(split.head),
    sections: canonicalJson(
      Object.fromEntries([...split.sections].map(([name, { hash }]) => [name, hash])),
    ),
    volatile: canonicalJson(split.volatile),
  };
}

export function toSummary(
  row: Pick<
    InventorySnapshotsTable,
    'machineId' | 'takenAt' | 'source' | 'takenBy' | 'head' | 'sections'
  > & { id: number },
): InventoryHistoryEntry {
  const head = JSON.parse(row.head) as JsonObject;
  return {
    id: row.id,
    machineId: row.machineId,
    takenAt: row.takenAt,
    source: row.source as InventorySource,
    takenBy: row.takenBy,
    hostname: typeof head.hostname === 'string' ? head.hostname : '',
    sections: JSON.parse(row.sections) as Record<string, string>,
  };
}

/**
 * Every inventory the console receives, per machine, in the database (migration 0009): a
 * section is stored once however many snapshots hold it, and a snapshot equal to the
 * machine's latest one (same sections, host name and problems; readings such as uptime or
 * free space aside) is not stored again: `record` answers the latest one's id.
 */
export class InventoryHistoryService {
  constructor(
    private readonly db: Db,
    private readonly analyst: string,
  ) {}

  async record(
    machineId: string,
    inventory: Inventory,
    source: InventorySource,
    takenAt: string = new Date().toISOString(),
  ): Promise<RecordedSnapshot> {
    const split = splitInventory(inventory);
    return this.db.transaction().execute(async (trx) => {
      const latest = await trx
        .selectFrom('inventorySnapshots')
        .select(['id', 'contentHash'])
        .where('machineId', '=', machineId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest?.contentHash === split.contentHash) {
        return { snapshotId: latest.id, stored: false };
      }
      const hashes = [...split.sections.values()].map((section) => section.hash);
      const known = new Set(
        hashes.length === 0
          ? []
          : (
              await trx
                .selectFrom('inventorySections')
                .select('hash')
                .where('hash', 'in', hashes)
                .execute()
            ).map((row) => row.hash),
      );
      for (const { hash, json } of split.sections.values()) {
        if (known.has(hash)) continue;
        known.add(hash);
        await trx
          .insertInto('inventorySections')
          .values(sectionRow(hash, json))
          .onConflict((conflict) => conflict.column('hash').doNothing())
          .execute();
      }
      const inserted = await trx
        .insertInto('inventorySnapshots')
        .values(snapshotRow(split, { machineId, takenAt, source, takenBy: this.analyst }))
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeMachineProfile(trx, { machineId, snapshotId: inserted.id, takenAt, inventory });
      return { snapshotId: inserted.id, stored: true };
    });
  }

  /**
   * Gives each machine that has snapshots but no profile (history recorded before migration
   * 0010) the profile of its newest snapshot. One anti-join when there is nothing to do, so
   * every console runs it at start. Answers the machines it profiled.
   */
  async backfillProfiles(): Promise<string[]> {
    const missing = await this.db
      .selectFrom('inventorySnapshots as s')
      .select('s.machineId')
      .distinct()
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('machineProfiles as p')
              .select('p.machineId')
              .whereRef('p.machineId', '=', 's.machineId'),
          ),
        ),
      )
      .execute();
    const done: string[] = [];
    for (const { machineId } of missing) {
      const newest = await this.db
        .selectFrom('inventorySnapshots')
        .select(['id', 'takenAt'])
        .where('machineId', '=', machineId)
        .orderBy('takenAt', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const { inventory } = await this.get(newest.id);
      const written = await this.db.transaction().execute((trx) =>
        writeMachineProfile(trx, {
          machineId,
          snapshotId: newest.id,
          takenAt: newest.takenAt,
          inventory,
        }),
      );
      if (written) done.push(machineId);
    }
    return done;
  }

  /** The machine's snapshots, newest first. */
  async list(
    machineId: string,
    options: {
      from?: string | undefined;
      to?: string | undefined;
      limit?: number | undefined;
    } = {},
  ): Promise<InventoryHistoryEntry[]> {
    let query = this.db
      .selectFrom('inventorySnapshots')
      .select(['id', 'machineId', 'takenAt', 'source', 'takenBy', 'head', 'sections'])
      .where('machineId', '=', machineId);
    if (options.from !== undefined) query = query.where('takenAt', '>=', options.from);
    if (options.to !== undefined) query = query.where('takenAt', '<', options.to);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(options.limit ?? 100, 1), 1000))
      .execute();
    return rows.map(toSummary);
  }

  /** The inventory of snapshot `snapshotId`, reassembled as it was received. */
  async get(snapshotId: number): Promise<InventoryHistorySnapshot> {
    const row = await this.db
      .selectFrom('inventorySnapshots')
      .selectAll()
      .where('id', '=', snapshotId)
      .executeTakeFirst();
    if (!row) {
      throw new DesksideError('not_found', `There is no inventory snapshot ${snapshotId}`);
    }
    const [document] = await this.documents([row]);
    const inventory = InventorySchema.parse(document);
    return { entry: toSummary(row), inventory };
  }

  /**
   * The documents of several snapshots, in their order, each distinct section read and
   * decoded once. Not checked against `InventorySchema` again: every one was an `Inventory`
   * when it was recorded (`get` checks, for a caller that wants it).
   */
  async documents(rows: readonly SnapshotRow[]): Promise<Inventory[]> {
    const wanted = [
      ...new Set(
        rows.flatMap((row) => Object.values(JSON.parse(row.sections) as Record<string, string>)),
      ),
    ];
    const stored = new Map<string, Json>();
    // A few hundred hashes per query keeps every database's parameter limit far away.
    for (let i = 0; i < wanted.length; i += 500) {
      const rowsOfSections = await this.db
        .selectFrom('inventorySections')
        .select(['hash', 'encoding', 'body'])
        .where('hash', 'in', wanted.slice(i, i + 500))
        .execute();
      for (const section of rowsOfSections) stored.set(section.hash, decodeSection(section));
    }
    return rows.map((row) => {
      const hashes = JSON.parse(row.sections) as Record<string, string>;
      const volatile = JSON.parse(row.volatile) as JsonObject;
      const document: JsonObject = JSON.parse(row.head) as JsonObject;
      for (const [name, hash] of Object.entries(hashes)) {
        if (!stored.has(hash)) {
          throw new DesksideError('not_found', `Section ${name} of snapshot ${row.id} is missing`);
        }
        const shape = VOLATILE[name];
        const stable = stored.get(hash);
        document[name] = shape ? restore(stable, volatile[name], shape) : stable;
      }
      return document as Inventory;
    });
  }
}
