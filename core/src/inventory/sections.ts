import { z } from 'zod';
import {
  PercentSchema,
  BooleanSchema,
  BytesSchema,
  DateTimeSchema,
  NonNegativeSchema,
  NullableBooleanSchema,
  NullableBytesSchema,
  NullableCountSchema,
  NullableNonNegativeSchema,
  TextSchema,
} from '../facts/common';
import { BatteriesSchema } from '../facts/battery';
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
import type { InventorySectionName } from './section-names';

// The sections of schema version 2. Text facts the machine does not give are "";
// numbers it does not give are null. Sections that existed in version 1 keep its fields.

export const SystemSchema = SystemV1Schema.extend({
  version: TextSchema,
  sku: TextSchema,
  /** The hypervisor when `virtual` ("KVM", "VMware"...); "" otherwise or unknown. */
  virtualHost: TextSchema,
});

export const BiosSchema = z.object({
  vendor: TextSchema,
  version: TextSchema,
  releaseDate: TextSchema,
  revision: TextSchema,
});

export const BaseboardSchema = z.object({
  manufacturer: TextSchema,
  model: TextSchema,
  version: TextSchema,
  serial: TextSchema,
  assetTag: TextSchema,
});

export const OsSchema = OsV1Schema.extend({
  codename: TextSchema,
  build: TextSchema,
  fqdn: TextSchema,
  /** IANA zone of the machine's clock ("Europe/Brussels"). */
  timezone: TextSchema,
  lastBootAt: DateTimeSchema,
});

export const CpuLoadSchema = z.object({
  /** Busy share of all cores over the window, 0-100. */
  percent: PercentSchema,
  perCore: z.array(PercentSchema),
  /** 1, 5 and 15 minute load averages (null on Windows, which has none). */
  loadAverage: z.tuple([z.number(), z.number(), z.number()]).nullable(),
  windowSeconds: NonNegativeSchema,
  sampledAt: DateTimeSchema,
});

export const CpuSchema = CpuV1Schema.extend({
  speedMaxGHz: NullableNonNegativeSchema,
  sockets: NullableCountSchema,
  virtualization: NullableBooleanSchema,
  /** Sampled in the background; null until the first sample. */
  load: CpuLoadSchema.nullable(),
});

export const MemoryModuleSchema = z.object({
  slot: TextSchema,
  sizeBytes: BytesSchema,
  type: TextSchema,
  speedMHz: NullableNonNegativeSchema,
  formFactor: TextSchema,
  manufacturer: TextSchema,
  partNumber: TextSchema,
  serial: TextSchema,
});

export const MemorySchema = MemoryV1Schema.extend({
  modules: z.array(MemoryModuleSchema),
});

export const DiskSchema = DiskV1Schema.extend({
  serial: TextSchema,
  firmware: TextSchema,
  /** SMART overall status as the OS reports it ("Ok", "Predicted failure"); "" when unknown. */
  smartStatus: TextSchema,
});

export const FileSystemSchema = FileSystemV1Schema;

export const NetworkInterfaceSchema = NetworkInterfaceV1Schema.extend({
  mtu: NullableCountSchema,
});

export const NetworkSchema = NetworkConfigSchema.extend({
  interfaces: z.array(NetworkInterfaceSchema),
});

export const GraphicsControllerSchema = z.object({
  vendor: TextSchema,
  model: TextSchema,
  vramBytes: NullableBytesSchema,
  driverVersion: TextSchema,
});

export const DisplaySchema = z.object({
  vendor: TextSchema,
  model: TextSchema,
  main: BooleanSchema,
  builtin: BooleanSchema,
  connection: TextSchema,
  resolutionX: NullableCountSchema,
  resolutionY: NullableCountSchema,
});

export const GraphicsSchema = z.object({
  controllers: z.array(GraphicsControllerSchema),
  displays: z.array(DisplaySchema),
});

export const UsbDeviceSchema = z.object({
  name: TextSchema,
  type: TextSchema,
  vendor: TextSchema,
  manufacturer: TextSchema,
  /** The OS's identifier for the device ("1-2", a PnP device id). */
  id: TextSchema,
  serial: TextSchema,
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
} as const satisfies { [K in InventorySectionName]: z.ZodType };
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
