import { z } from 'zod';
import {
  PercentSchema,
  BooleanSchema,
  BytesSchema,
  CountSchema,
  DateTimeSchema,
  NonNegativeSchema,
  NullableNonNegativeSchema,
  TextListSchema,
  TextSchema,
} from '../facts/common';

// Schema version 1, as the first agents sent it and as evidence stored then holds it.
// Frozen: change InventoryV2Schema (v2.ts) instead.

export const SystemV1Schema = z.object({
  manufacturer: TextSchema,
  model: TextSchema,
  serial: TextSchema,
  uuid: TextSchema,
  virtual: BooleanSchema,
});

export const OsV1Schema = z.object({
  platform: TextSchema,
  distro: TextSchema,
  release: TextSchema,
  kernel: TextSchema,
  arch: TextSchema,
  hostname: TextSchema,
  uptimeSeconds: NonNegativeSchema,
});

export const CpuV1Schema = z.object({
  manufacturer: TextSchema,
  brand: TextSchema,
  cores: CountSchema,
  physicalCores: CountSchema,
  speedGHz: NonNegativeSchema,
});

export const MemoryV1Schema = z.object({
  totalBytes: BytesSchema,
  availableBytes: BytesSchema,
  usedBytes: BytesSchema,
  swapTotalBytes: BytesSchema,
  swapUsedBytes: BytesSchema,
});

export const DiskV1Schema = z.object({
  device: TextSchema,
  name: TextSchema,
  type: TextSchema,
  vendor: TextSchema,
  interfaceType: TextSchema,
  sizeBytes: BytesSchema,
});

export const FileSystemV1Schema = z.object({
  device: TextSchema,
  type: TextSchema,
  mount: TextSchema,
  sizeBytes: BytesSchema,
  usedBytes: BytesSchema,
  availableBytes: BytesSchema,
  usePercent: PercentSchema.nullable(),
});

export const NetworkInterfaceV1Schema = z.object({
  name: TextSchema,
  mac: TextSchema,
  ip4: TextListSchema,
  ip6: TextListSchema,
  up: BooleanSchema,
  internal: BooleanSchema,
  virtual: BooleanSchema,
  type: TextSchema,
  speedMbps: NullableNonNegativeSchema,
});

/** The inventory document of schema version 1: every section present. */
export const InventoryV1Schema = z.object({
  schemaVersion: z.literal(1),
  collectedAt: DateTimeSchema,
  system: SystemV1Schema,
  os: OsV1Schema,
  cpu: CpuV1Schema,
  memory: MemoryV1Schema,
  disks: z.array(DiskV1Schema),
  fileSystems: z.array(FileSystemV1Schema),
  network: z.array(NetworkInterfaceV1Schema),
});

export type InventoryV1 = z.infer<typeof InventoryV1Schema>;
