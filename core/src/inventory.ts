import { z } from 'zod';

const bytes = z.number().nonnegative();

export const SystemSectionSchema = z.object({
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  uuid: z.string(),
  virtual: z.boolean(),
});

export const OsSectionSchema = z.object({
  platform: z.string(),
  distro: z.string(),
  release: z.string(),
  kernel: z.string(),
  arch: z.string(),
  hostname: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});

export const CpuSectionSchema = z.object({
  manufacturer: z.string(),
  brand: z.string(),
  cores: z.number().int().nonnegative(),
  physicalCores: z.number().int().nonnegative(),
  speedGHz: z.number().nonnegative(),
});

export const MemorySectionSchema = z.object({
  totalBytes: bytes,
  availableBytes: bytes,
  usedBytes: bytes,
  swapTotalBytes: bytes,
  swapUsedBytes: bytes,
});

export const DiskSchema = z.object({
  device: z.string(),
  name: z.string(),
  type: z.string(),
  vendor: z.string(),
  interfaceType: z.string(),
  sizeBytes: bytes,
});

export const FileSystemSchema = z.object({
  device: z.string(),
  type: z.string(),
  mount: z.string(),
  sizeBytes: bytes,
  usedBytes: bytes,
  availableBytes: bytes,
  usePercent: z.number().min(0).max(100).nullable(),
});

export const NetworkInterfaceSchema = z.object({
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

/**
 * The inventory document an agent (or the console, for "This computer") reports.
 * Every value is plain JSON so the document can be hashed canonically and kept as evidence.
 */
export const InventorySchema = z.object({
  schemaVersion: z.literal(1),
  collectedAt: z.iso.datetime(),
  system: SystemSectionSchema,
  os: OsSectionSchema,
  cpu: CpuSectionSchema,
  memory: MemorySectionSchema,
  disks: z.array(DiskSchema),
  fileSystems: z.array(FileSystemSchema),
  network: z.array(NetworkInterfaceSchema),
});

export type Inventory = z.infer<typeof InventorySchema>;
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;
export type FileSystem = z.infer<typeof FileSystemSchema>;
export type Disk = z.infer<typeof DiskSchema>;
