import { z } from 'zod';

// Schema version 1, as the first agents sent it and as evidence stored then holds it.
// Frozen: change InventoryV2Schema (v2.ts) instead.

const bytes = z.number().nonnegative();

export const SystemV1Schema = z.object({
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  uuid: z.string(),
  virtual: z.boolean(),
});

export const OsV1Schema = z.object({
  platform: z.string(),
  distro: z.string(),
  release: z.string(),
  kernel: z.string(),
  arch: z.string(),
  hostname: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});

export const CpuV1Schema = z.object({
  manufacturer: z.string(),
  brand: z.string(),
  cores: z.number().int().nonnegative(),
  physicalCores: z.number().int().nonnegative(),
  speedGHz: z.number().nonnegative(),
});

export const MemoryV1Schema = z.object({
  totalBytes: bytes,
  availableBytes: bytes,
  usedBytes: bytes,
  swapTotalBytes: bytes,
  swapUsedBytes: bytes,
});

export const DiskV1Schema = z.object({
  device: z.string(),
  name: z.string(),
  type: z.string(),
  vendor: z.string(),
  interfaceType: z.string(),
  sizeBytes: bytes,
});

export const FileSystemV1Schema = z.object({
  device: z.string(),
  type: z.string(),
  mount: z.string(),
  sizeBytes: bytes,
  usedBytes: bytes,
  availableBytes: bytes,
  usePercent: z.number().min(0).max(100).nullable(),
});

export const NetworkInterfaceV1Schema = z.object({
  name: z.string(),
  mac: z.string(),
  ip4: z.array(z.string()),
  ip6: z.array(z.string()),
  up: z.boolean(),
  internal: z.boolean(),
  virtual: z.boolean(),
  type: z.string(),
  speedMbps: z.number().nonnegative().nullable(),
});

/** The inventory document of schema version 1: every section present. */
export const InventoryV1Schema = z.object({
  schemaVersion: z.literal(1),
  collectedAt: z.iso.datetime(),
  system: SystemV1Schema,
  os: OsV1Schema,
  cpu: CpuV1Schema,
  memory: MemoryV1Schema,
  disks: z.array(DiskV1Schema),
  fileSystems: z.array(FileSystemV1Schema),
  network: z.array(NetworkInterfaceV1Schema),
});

export type InventoryV1 = z.infer<typeof InventoryV1Schema>;
