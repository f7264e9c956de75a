import { z } from 'zod';
import { BatteriesSchema } from '../facts/battery';
import { BytesSchema } from '../facts/common';
import { NetworkConfigSchema } from '../facts/network';
import { PrintersSchema } from '../facts/printers';
import { InstalledSoftwareSchema } from '../facts/software';
import { PendingUpdatesSchema } from '../facts/updates';
import { LoggedInUserSchema } from '../facts/users';
import {
  CpuV1Schema,
  DiskV1Schema,
  FileSystemV1Schema,
  MemoryV1Schema,
  NetworkInterfaceV1Schema,
  OsV1Schema,
  SystemV1Schema,
} from './v1';

// The sections of schema version 2. Text facts the machine does not give are "";
// numbers it does not give are null. Sections that existed in version 1 keep its fields.

export const SystemSchema = SystemV1Schema.extend({
  version: z.string(),
  sku: z.string(),
  /** The hypervisor when `virtual` ("KVM", "VMware"...); "" otherwise or unknown. */
  virtualHost: z.string(),
});

export const BiosSchema = z.object({
  vendor: z.string(),
  version: z.string(),
  releaseDate: z.string(),
  revision: z.string(),
});

export const BaseboardSchema = z.object({
  manufacturer: z.string(),
  model: z.string(),
  version: z.string(),
  serial: z.string(),
  assetTag: z.string(),
});

export const OsSchema = OsV1Schema.extend({
  codename: z.string(),
  build: z.string(),
  fqdn: z.string(),
  /** IANA zone of the machine's clock ("Europe/Brussels"). */
  timezone: z.string(),
  lastBootAt: z.iso.datetime(),
});

export const CpuLoadSchema = z.object({
  /** Busy share of all cores over the window, 0-100. */
  percent: z.number().min(0).max(100),
  perCore: z.array(z.number().min(0).max(100)),
  /** 1, 5 and 15 minute load averages (null on Windows, which has none). */
  loadAverage: z.tuple([z.number(), z.number(), z.number()]).nullable(),
  windowSeconds: z.number().nonnegative(),
  sampledAt: z.iso.datetime(),
});

export const CpuSchema = CpuV1Schema.extend({
  speedMaxGHz: z.number().nonnegative().nullable(),
  sockets: z.number().int().nonnegative().nullable(),
  virtualization: z.boolean().nullable(),
  /** Sampled in the background; null until the first sample. */
  load: CpuLoadSchema.nullable(),
});

export const MemoryModuleSchema = z.object({
  slot: z.string(),
  sizeBytes: BytesSchema,
  type: z.string(),
  speedMHz: z.number().nonnegative().nullable(),
  formFactor: z.string(),
  manufacturer: z.string(),
  partNumber: z.string(),
  serial: z.string(),
});

export const MemorySchema = MemoryV1Schema.extend({
  modules: z.array(MemoryModuleSchema),
});

export const DiskSchema = DiskV1Schema.extend({
  serial: z.string(),
  firmware: z.string(),
  /** SMART overall status as the OS reports it ("Ok", "Predicted failure"); "" when unknown. */
  smartStatus: z.string(),
});

export const FileSystemSchema = FileSystemV1Schema;

export const NetworkInterfaceSchema = NetworkInterfaceV1Schema.extend({
  mtu: z.number().int().nonnegative().nullable(),
});

export const NetworkSchema = NetworkConfigSchema.extend({
  interfaces: z.array(NetworkInterfaceSchema),
});

export const GraphicsControllerSchema = z.object({
  vendor: z.string(),
  model: z.string(),
  vramBytes: BytesSchema.nullable(),
  driverVersion: z.string(),
});

export const DisplaySchema = z.object({
  vendor: z.string(),
  model: z.string(),
  main: z.boolean(),
  builtin: z.boolean(),
  connection: z.string(),
  resolutionX: z.number().int().nonnegative().nullable(),
  resolutionY: z.number().int().nonnegative().nullable(),
});

export const GraphicsSchema = z.object({
  controllers: z.array(GraphicsControllerSchema),
  displays: z.array(DisplaySchema),
});

export const UsbDeviceSchema = z.object({
  name: z.string(),
  type: z.string(),
  vendor: z.string(),
  manufacturer: z.string(),
  /** The OS's identifier for the device ("1-2", a PnP device id). */
  id: z.string(),
  serial: z.string(),
});

/** Each section of the inventory document, by the name `?sections=` uses. */
export const inventorySectionSchemas = {
  system: SystemSchema,
  bios: BiosSchema,
  baseboard: BaseboardSchema,
  os: OsSchema,
  cpu: CpuSchema,
  memory: MemorySchema,
  disks: z.array(DiskSchema),
  fileSystems: z.array(FileSystemSchema),
  network: NetworkSchema,
  users: z.array(LoggedInUserSchema),
  battery: BatteriesSchema,
  graphics: GraphicsSchema,
  printers: PrintersSchema,
  usb: z.array(UsbDeviceSchema),
  software: InstalledSoftwareSchema,
  updates: PendingUpdatesSchema,
} as const;

export type InventorySectionName = keyof typeof inventorySectionSchemas;
export type InventorySections = {
  [K in InventorySectionName]: z.infer<(typeof inventorySectionSchemas)[K]>;
};

export type System = z.infer<typeof SystemSchema>;
export type Bios = z.infer<typeof BiosSchema>;
export type Baseboard = z.infer<typeof BaseboardSchema>;
export type Os = z.infer<typeof OsSchema>;
export type CpuLoad = z.infer<typeof CpuLoadSchema>;
export type Cpu = z.infer<typeof CpuSchema>;
export type MemoryModule = z.infer<typeof MemoryModuleSchema>;
export type Memory = z.infer<typeof MemorySchema>;
export type Disk = z.infer<typeof DiskSchema>;
export type FileSystem = z.infer<typeof FileSystemSchema>;
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;
export type Network = z.infer<typeof NetworkSchema>;
export type Graphics = z.infer<typeof GraphicsSchema>;
export type UsbDevice = z.infer<typeof UsbDeviceSchema>;
