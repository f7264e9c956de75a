import { z } from 'zod';
import { PrinterSchema } from '../facts/printers';
import { InstalledProgramSchema, type InstalledProgram } from '../facts/software';
import { PendingUpdateSchema, type PendingUpdate } from '../facts/updates';
import {
  DiskSchema,
  FileSystemSchema,
  GraphicsControllerSchema,
  MemoryModuleSchema,
  NetworkInterfaceSchema,
  type Disk,
  type FileSystem,
  type MemoryModule,
  type NetworkInterface,
} from './sections';
import type { InventoryV2 } from './v2';

/*
 * What changed on a machine between two inventories, section by section: configuration,
 * software and hardware, never what moves all the time (uptime, load, used memory, speed
 * of the CPU right now, collection times). Pure and linear: every list is matched through
 * a Map keyed by the item's identity.
 */

const GIB = 1024 ** 3;

/** Defaults of `InventoryDiffOptions`. */
export const INVENTORY_DIFF_DEFAULTS = {
  /**
   * A file system's free space (or size) counts as changed only when it moved by at least
   * `minFraction` of the file system's size AND by at least `minBytes`.
   */
  freeSpace: { minFraction: 0.05, minBytes: GIB },
} as const;

export const InventoryDiffOptionsSchema = z.object({
  freeSpace: z
    .object({
      minFraction: z.number().min(0).max(1).optional(),
      minBytes: z.number().nonnegative().optional(),
    })
    .optional(),
});
export type InventoryDiffOptions = z.input<typeof InventoryDiffOptionsSchema>;

const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FieldValueSchema = z.union([ScalarSchema, z.array(z.string())]);
type FieldValue = z.infer<typeof FieldValueSchema>;

/** One fact that changed: a field of the section or item, from its old to its new value. */
export const FieldChangeSchema = z.object({
  field: z.string(),
  from: FieldValueSchema,
  to: FieldValueSchema,
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** A section one of the two documents lacks (not asked for, or not readable then). */
export const NotComparableSchema = z.object({
  status: z.literal('not_comparable'),
  missingIn: z.enum(['before', 'after', 'both']),
});
export type NotComparable = z.infer<typeof NotComparableSchema>;

const compared = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('status', [
    NotComparableSchema,
    z.object({ status: z.literal('compared'), ...shape }),
  ]);

/** An item of a list present on both sides whose facts changed; `key` names it. */
export const ItemChangeSchema = z.object({ key: z.string(), changes: z.array(FieldChangeSchema) });
export type ItemChange = z.infer<typeof ItemChangeSchema>;

const listDiffShape = <T extends z.ZodType>(item: T) => ({
  added: z.array(item),
  removed: z.array(item),
  changed: z.array(ItemChangeSchema),
});

export const FieldsDiffSchema = compared({ changes: z.array(FieldChangeSchema) });

export const SoftwareUpdateSchema = z.object({
  name: z.string(),
  publisher: z.string(),
  architecture: z.string(),
  fromVersion: z.string(),
  toVersion: z.string(),
});
export type SoftwareUpdate = z.infer<typeof SoftwareUpdateSchema>;

export const InventoryDiffSectionsSchema = z.object({
  system: FieldsDiffSchema,
  bios: FieldsDiffSchema,
  baseboard: FieldsDiffSchema,
  /** Version, build, kernel, host name, time zone; not uptime or the last boot. */
  os: FieldsDiffSchema,
  /** Model and core counts; not the current speed or load. */
  cpu: FieldsDiffSchema,
  /** Installed memory and its modules; not what is used or available. */
  memory: compared({
    changes: z.array(FieldChangeSchema),
    modulesAdded: z.array(MemoryModuleSchema),
    modulesRemoved: z.array(MemoryModuleSchema),
  }),
  disks: compared(listDiffShape(DiskSchema)),
  /** Free space and size only beyond the thresholds of `InventoryDiffOptions`. */
  fileSystems: compared(listDiffShape(FileSystemSchema)),
  network: compared({
    interfaces: z.object(listDiffShape(NetworkInterfaceSchema)),
    /** DNS servers, search domains and default gateways. */
    changes: z.array(FieldChangeSchema),
  }),
  /** Graphics controllers, with their driver versions. */
  graphics: compared(listDiffShape(GraphicsControllerSchema)),
  /** Printers added or removed, their driver, port and default; not their queue or state. */
  printers: compared({
    ...listDiffShape(PrinterSchema),
    changes: z.array(FieldChangeSchema),
  }),
  software: compared({
    added: z.array(InstalledProgramSchema),
    removed: z.array(InstalledProgramSchema),
    updated: z.array(SoftwareUpdateSchema),
  }),
  /** Pending OS updates that appeared or went (installed, or withdrawn). */
  updates: compared({ ...listDiffShape(PendingUpdateSchema), changes: z.array(FieldChangeSchema) }),
});
export type InventoryDiffSections = z.infer<typeof InventoryDiffSectionsSchema>;
export type InventoryDiffSection = keyof InventoryDiffSections;

export const INVENTORY_DIFF_SECTIONS = Object.keys(
  InventoryDiffSectionsSchema.shape,
) as readonly InventoryDiffSection[];

/** Per section: how many changes, or null when the section could not be compared. */
export const InventoryDiffSummarySchema = z.object({
  total: z.number().int().nonnegative(),
  sections: z.record(
    z.enum(INVENTORY_DIFF_SECTIONS as [InventoryDiffSection, ...InventoryDiffSection[]]),
    z.number().int().nonnegative().nullable(),
  ),
});
export type InventoryDiffSummary = z.infer<typeof InventoryDiffSummarySchema>;

/** What changed between two inventories, by section, and the counts for a timeline. */
export const InventoryDiffSchema = z.object({
  sections: InventoryDiffSectionsSchema,
  summary: InventoryDiffSummarySchema,
});
export type InventoryDiff = z.infer<typeof InventoryDiffSchema>;

// ---------------------------------------------------------------------------------------
// Helpers

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => value === b[i]);
  }
  return a === b;
}

function fieldChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & InventoryDiffField)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before[field] as FieldValue;
    const to = after[field] as FieldValue;
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

/** A change of a fact the page knows how to name (`INVENTORY_DIFF_FIELDS`). */
const change = (field: InventoryDiffField, from: FieldValue, to: FieldValue): FieldChange => ({
  field,
  from,
  to,
});

const sorted = (values: readonly string[]) => [...values].sort();

function section<T, R extends object>(
  before: T | undefined,
  after: T | undefined,
  compare: (before: T, after: T) => R,
): NotComparable | ({ status: 'compared' } & R) {
  if (before === undefined || after === undefined) {
    const missingIn = before === undefined ? (after === undefined ? 'both' : 'before') : 'after';
    return { status: 'not_comparable', missingIn };
  }
  return { status: 'compared', ...compare(before, after) };
}

/** Groups items by key, keeping their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Pairs the items of both sides with the same key, in order; what has no partner is left.
 * Symmetric: swapping the sides swaps the leftovers.
 */
function pairBy<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): { pairs: [T, T][]; before: T[]; after: T[] } {
  // The positions in `after` of each key, in order, and how many of them are taken.
  const waiting = groupBy(
    after.map((_, index) => index),
    (index) => key(after[index]!),
  );
  const taken = new Map<string, number>();
  const pairedAfter = new Set<number>();
  const pairs: [T, T][] = [];
  const leftBefore: T[] = [];
  for (const item of before) {
    const k = key(item);
    const group = waiting.get(k);
    const used = taken.get(k) ?? 0;
    if (group && used < group.length) {
      const index = group[used]!;
      pairs.push([item, after[index]!]);
      pairedAfter.add(index);
      taken.set(k, used + 1);
    } else {
      leftBefore.push(item);
    }
  }
  // What is left keeps the order it came in on both sides, so that a later pass pairs the
  // same way whichever side is which.
  const leftAfter = after.filter((_, index) => !pairedAfter.has(index));
  return { pairs, before: leftBefore, after: leftAfter };
}

interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange[];
}

/** Added, removed and changed items of a list whose items are named by `key`. */
function listDiff<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  compare: (before: T, after: T) => FieldChange[],
): ListDiff<T> {
  const { pairs, before: removed, after: added } = pairBy(before, after, key);
  const changed: ItemChange[] = [];
  for (const [old, current] of pairs) {
    const changes = compare(old, current);
    if (changes.length > 0) changed.push({ key: key(old), changes });
  }
  return { added, removed, changed };
}

// ---------------------------------------------------------------------------------------
// Sections

const SYSTEM_FIELDS = ['manufacturer', 'model', 'serial', 'uuid', 'version', 'sku'] as const;
const BIOS_FIELDS = ['vendor', 'version', 'releaseDate', 'revision'] as const;
const BASEBOARD_FIELDS = ['manufacturer', 'model', 'version', 'serial', 'assetTag'] as const;
const OS_FIELDS = [
  'platform',
  'distro',
  'release',
  'codename',
  'build',
  'kernel',
  'arch',
  'hostname',
  'fqdn',
  'timezone',
] as const;
const CPU_FIELDS = [
  'manufacturer',
  'brand',
  'cores',
  'physicalCores',
  'sockets',
  'speedMaxGHz',
  'virtualization',
] as const;
const MEMORY_FIELDS = ['totalBytes', 'swapTotalBytes'] as const;
const DISK_FIELDS = [
  'device',
  'name',
  'type',
  'vendor',
  'sizeBytes',
  'firmware',
  'smartStatus',
] as const;
const FILE_SYSTEM_FIELDS = ['device', 'type', 'sizeBytes', 'availableBytes'] as const;
const INTERFACE_FIELDS = ['mac', 'type', 'up', 'internal', 'virtual', 'mtu'] as const;
const ADDRESS_FIELDS = ['ip4', 'ip6'] as const;
const NETWORK_FIELDS = [
  'dnsServers',
  'searchDomains',
  'defaultGateways.ip4',
  'defaultGateways.ip6',
] as const;
const CONTROLLER_FIELDS = ['driverVersion', 'vramBytes'] as const;
const PRINTER_FIELDS = ['isDefault', 'uri', 'driver', 'shared', 'description', 'location'] as const;
const SPOOLER_FIELDS = ['spooler', 'spoolerRunning'] as const;
const UPDATE_FIELDS = ['currentVersion', 'availableVersion', 'security'] as const;
const UPDATES_FIELDS = ['source', 'rebootRequired'] as const;

/**
 * Every `field` a `FieldChange` of `diffInventories` can name, each once: the names of the
 * inventory's facts (`defaultGateways.ip4` for the gateways of one family), for a page to
 * label them in its language.
 */
export const INVENTORY_DIFF_FIELDS = [
  ...new Set([
    ...SYSTEM_FIELDS,
    ...BIOS_FIELDS,
    ...BASEBOARD_FIELDS,
    ...OS_FIELDS,
    ...CPU_FIELDS,
    ...MEMORY_FIELDS,
    ...DISK_FIELDS,
    ...FILE_SYSTEM_FIELDS,
    ...INTERFACE_FIELDS,
    ...ADDRESS_FIELDS,
    ...NETWORK_FIELDS,
    ...CONTROLLER_FIELDS,
    ...PRINTER_FIELDS,
    ...SPOOLER_FIELDS,
    ...UPDATE_FIELDS,
    ...UPDATES_FIELDS,
  ]),
] as const;
export type InventoryDiffField = (typeof INVENTORY_DIFF_FIELDS)[number];

const moduleKey = (m: MemoryModule) =>
  [m.slot, m.sizeBytes, m.type, m.speedMHz, m.manufacturer, m.partNumber, m.serial].join('\u0000');

const diskKey = (disk: Disk) => (disk.serial !== '' ? `serial:${disk.serial}` : disk.device);

const fileSystemKey = (fs: FileSystem) => (fs.mount !== '' ? fs.mount : fs.device);

function fileSystemChanges(
  before: FileSystem,
  after: FileSystem,
  threshold: { minFraction: number; minBytes: number },
): FieldChange[] {
  const changes = fieldChanges(before, after, ['device', 'type'] as const);
  const size = Math.max(before.sizeBytes, after.sizeBytes);
  const beyond = (from: number, to: number) => {
    const moved = Math.abs(to - from);
    return moved > 0 && moved >= threshold.minBytes && moved >= threshold.minFraction * size;
  };
  if (beyond(before.sizeBytes, after.sizeBytes)) {
    changes.push(change('sizeBytes', before.sizeBytes, after.sizeBytes));
  }
  if (beyond(before.availableBytes, after.availableBytes)) {
    changes.push(change('availableBytes', before.availableBytes, after.availableBytes));
  }
  return changes;
}

function interfaceChanges(before: NetworkInterface, after: NetworkInterface): FieldChange[] {
  const changes = fieldChanges(before, after, INTERFACE_FIELDS);
  // Addresses as sets: their order says nothing.
  for (const field of ADDRESS_FIELDS) {
    const from = sorted(before[field]);
    const to = sorted(after[field]);
    if (!sameValue(from, to)) changes.push(change(field, from, to));
  }
  return changes;
}

const gateways = (list: readonly { address: string; interface: string }[]) =>
  list.map((g) => (g.interface === '' ? g.address : `${g.address} dev ${g.interface}`));

function networkChanges(before: Required<InventoryV2>['network'], after: typeof before) {
  const changes = fieldChanges(before, after, ['dnsServers', 'searchDomains'] as const);
  for (const family of ['ip4', 'ip6'] as const) {
    const from = gateways(before.defaultGateways[family]);
    const to = gateways(after.defaultGateways[family]);
    if (!sameValue(from, to)) changes.push(change(`defaultGateways.${family}`, from, to));
  }
  return changes;
}

const programName = (p: InstalledProgram) => `${p.name.toLowerCase()}\u0000${p.architecture}`;

/** One order for programs, whichever side they are on: by version, then by everything. */
const inProgramOrder = (programs: readonly InstalledProgram[]) =>
  programs
    .map((p) => ({ p, version: p.version, whole: JSON.stringify(p) }))
    .sort(
      (x, y) =>
        x.version.localeCompare(y.version, 'en', { numeric: true }) ||
        (x.whole < y.whole ? -1 : x.whole > y.whole ? 1 : 0),
    )
    .map(({ p }) => p);

/**
 * Programs are the same program when name (ignoring case) and architecture agree: first
 * those whose version did not change, then those of the same publisher, then the rest.
 * Installed twice (two versions side by side), they pair in version order on both sides, so
 * comparing the other way round gives the same pairs.
 */
function softwareDiff(
  beforeAsListed: readonly InstalledProgram[],
  afterAsListed: readonly InstalledProgram[],
) {
  const before = inProgramOrder(beforeAsListed);
  const after = inProgramOrder(afterAsListed);
  const unchanged = pairBy(before, after, (p) => `${programName(p)}\u0000${p.version}`);
  const samePublisher = pairBy(
    unchanged.before,
    unchanged.after,
    (p) => `${programName(p)}\u0000${p.publisher}`,
  );
  const sameName = pairBy(samePublisher.before, samePublisher.after, programName);
  const updated: SoftwareUpdate[] = [...samePublisher.pairs, ...sameName.pairs].map(
    ([old, current]) => ({
      name: current.name,
      publisher: current.publisher,
      architecture: current.architecture,
      fromVersion: old.version,
      toVersion: current.version,
    }),
  );
  return { added: sameName.after, removed: sameName.before, updated };
}

const updateKey = (u: PendingUpdate) => u.name;

/**
 * What changed from `before` to `after`, by section. Both documents are taken as valid
 * (parse them with `InventoryV2Schema` first); a section either lacks is `not_comparable`.
 */
export function diffInventories(
  before: InventoryV2,
  after: InventoryV2,
  options: InventoryDiffOptions = {},
): InventoryDiff {
  const parsed = InventoryDiffOptionsSchema.parse(options);
  const threshold = { ...INVENTORY_DIFF_DEFAULTS.freeSpace, ...parsed.freeSpace };
  const fields =
    <T extends object>(names: readonly (keyof T & InventoryDiffField)[]) =>
    (b: T, a: T) => ({ changes: fieldChanges(b, a, names) });
  const sections: InventoryDiffSections = {
    system: section(before.system, after.system, fields(SYSTEM_FIELDS)),
    bios: section(before.bios, after.bios, fields(BIOS_FIELDS)),
    baseboard: section(before.baseboard, after.baseboard, fields(BASEBOARD_FIELDS)),
    os: section(before.os, after.os, fields(OS_FIELDS)),
    cpu: section(before.cpu, after.cpu, fields(CPU_FIELDS)),
    memory: section(before.memory, after.memory, (b, a) => {
      const modules = pairBy(b.modules, a.modules, moduleKey);
      return {
        changes: fieldChanges(b, a, MEMORY_FIELDS),
        modulesAdded: modules.after,
        modulesRemoved: modules.before,
      };
    }),
    disks: section(before.disks, after.disks, (b, a) =>
      listDiff(b, a, diskKey, (old, current) => fieldChanges(old, current, DISK_FIELDS)),
    ),
    fileSystems: section(before.fileSystems, after.fileSystems, (b, a) =>
      listDiff(b, a, fileSystemKey, (old, current) => fileSystemChanges(old, current, threshold)),
    ),
    network: section(before.network, after.network, (b, a) => ({
      interfaces: listDiff(b.interfaces, a.interfaces, (n) => n.name, interfaceChanges),
      changes: networkChanges(b, a),
    })),
    graphics: section(before.graphics, after.graphics, (b, a) =>
      listDiff(
        b.controllers,
        a.controllers,
        (c: z.infer<typeof GraphicsControllerSchema>) => `${c.vendor} ${c.model}`,
        (old, current) => fieldChanges(old, current, CONTROLLER_FIELDS),
      ),
    ),
    printers: section(before.printers, after.printers, (b, a) => ({
      ...listDiff(
        b.printers,
        a.printers,
        (p) => p.name,
        (old, current) => fieldChanges(old, current, PRINTER_FIELDS),
      ),
      changes: fieldChanges(b, a, SPOOLER_FIELDS),
    })),
    software: section(before.software, after.software, (b, a) =>
      softwareDiff(b.programs, a.programs),
    ),
    updates: section(before.updates, after.updates, (b, a) => ({
      ...listDiff(b.updates, a.updates, updateKey, (old, current) =>
        fieldChanges(old, current, UPDATE_FIELDS),
      ),
      changes: fieldChanges(b, a, UPDATES_FIELDS),
    })),
  };
  return { sections, summary: summarize(sections) };
}

/** How many changes a compared section holds: every item and field change counts once. */
function countChanges(diff: InventoryDiffSections[InventoryDiffSection]): number | null {
  if (diff.status === 'not_comparable') return null;
  let count = 0;
  const add = (value: unknown) => {
    if (Array.isArray(value)) count += value.length;
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(add);
  };
  Object.values(diff).forEach(add);
  return count;
}

/** Counts per section, for a timeline entry; null for a section that was not comparable. */
function summarize(diff: InventoryDiffSections): InventoryDiffSummary {
  const sections = {} as Record<InventoryDiffSection, number | null>;
  let total = 0;
  for (const name of INVENTORY_DIFF_SECTIONS) {
    const count = countChanges(diff[name]);
    sections[name] = count;
    total += count ?? 0;
  }
  return { total, sections };
}
