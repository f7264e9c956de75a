import { z } from 'zod';
import {
  BytesSchema,
  CountSchema,
  DateTimeSchema,
  IntegerSchema,
  MeasureSchema,
  NonNegativeSchema,
  NullableBooleanSchema,
  NullableIntegerSchema,
  NullableMeasureSchema,
  NullableTextSchema,
  PercentSchema,
  TextListSchema,
  TextSchema,
} from '../facts/common';

/*
 * What the checks of the machine itself report, one schema per check: the agent's answer is
 * held to it, and the console reads it typed. An object per kind of outcome where outcomes
 * report different things; every object is strict, so a fact nobody declared is refused.
 */

export const DiskFreeFactsSchema = z.union([
  z.strictObject({
    path: TextSchema,
    freeBytes: BytesSchema,
    totalBytes: BytesSchema,
    freePercent: PercentSchema,
    warnBelowPercent: PercentSchema,
    failBelowPercent: PercentSchema,
  }),
  /** `disk.free.path_missing` */
  z.strictObject({ path: TextSchema }),
]);

/** Where the share of memory in use comes from: what programs can still get, or macOS's level. */
export const MemorySourceSchema = z.enum(['available', 'kern.memorystatus_level']);
export type MemorySource = z.infer<typeof MemorySourceSchema>;

export const MemoryPressureFactsSchema = z.strictObject({
  usedPercent: PercentSchema,
  totalBytes: BytesSchema,
  source: MemorySourceSchema,
  warnAbovePercent: PercentSchema,
  failAbovePercent: PercentSchema,
});

export const CpuLoadFactsSchema = z.strictObject({
  usedPercent: PercentSchema,
  sampleMs: CountSchema,
  cores: CountSchema,
  /** 1, 5 and 15 minutes; null where the OS has none (Windows). */
  loadAverage: z.array(NonNegativeSchema).nullable(),
  warnAbovePercent: PercentSchema,
  failAbovePercent: PercentSchema,
});

/**
 * What says a reboot is pending: Debian's `/run/reboot-required`, RHEL's `needs-restarting`,
 * or Windows' component servicing and Windows Update flags.
 */
export const RebootReasonSchema = z.enum([
  'reboot-required',
  'needs-restarting',
  'servicing',
  'windowsUpdate',
]);
export type RebootReason = z.infer<typeof RebootReasonSchema>;

export const SystemUptimeFactsSchema = z.strictObject({
  uptimeSeconds: CountSchema,
  uptimeDays: NonNegativeSchema,
  bootTime: DateTimeSchema,
  /** null: this OS has no cheap way to tell. */
  pendingReboot: NullableBooleanSchema,
  pendingRebootReasons: z.array(RebootReasonSchema),
  /** The packages that asked for it, where the OS names them. */
  pendingRebootPackages: TextListSchema.optional(),
  warnAfterDays: NonNegativeSchema,
  failAfterDays: NonNegativeSchema,
});

export const FsWritableFactsSchema = z.union([
  /** `fs.writable.ok` */
  z.strictObject({ path: TextSchema, bytesWritten: CountSchema }),
  /** A write that failed, with the system's error code when it gave one. */
  z.strictObject({ path: TextSchema, errorCode: NullableTextSchema }),
  /** No such folder, not a folder, or what was read back differs from what was written. */
  z.strictObject({ path: TextSchema }),
]);

export const SmartVerdictSchema = z.enum([
  'passed',
  'warning',
  'failing',
  'open_failed',
  'no_verdict',
]);
export type SmartVerdict = z.infer<typeof SmartVerdictSchema>;

export const SmartDeviceSchema = z.strictObject({
  device: TextSchema,
  verdict: SmartVerdictSchema,
  model: NullableTextSchema,
  serial: NullableTextSchema,
  /** smartctl's exit status, a bit mask (smartctl(8)). */
  exitStatus: IntegerSchema,
  temperatureC: NullableMeasureSchema,
  powerOnHours: NullableMeasureSchema,
});
export type SmartDevice = z.infer<typeof SmartDeviceSchema>;

export const DiskSmartFactsSchema = z.union([
  z.strictObject({ devices: z.array(SmartDeviceSchema) }),
  /** `disk.smart.unavailable`: smartctl is not installed on this OS. */
  z.strictObject({ platform: TextSchema }),
]);

/** As each service manager says it; the `name` asked for comes back in every outcome. */
export const ServiceRunningFactsSchema = z.discriminatedUnion('manager', [
  z.strictObject({
    name: TextSchema,
    manager: z.literal('systemd'),
    loadState: NullableTextSchema,
    activeState: NullableTextSchema,
    subState: NullableTextSchema,
    mainPid: NullableIntegerSchema,
  }),
  z.strictObject({
    name: TextSchema,
    manager: z.literal('windows'),
    /** `sc query`'s state keyword (RUNNING, STOPPED...). */
    state: NullableTextSchema,
  }),
  z.strictObject({
    name: TextSchema,
    manager: z.literal('launchd'),
    state: NullableTextSchema,
    pid: NullableIntegerSchema,
  }),
  /** No service manager (a container): the processes of that name. */
  z.strictObject({ name: TextSchema, manager: z.literal('none'), pids: z.array(CountSchema) }),
]);

/** One process as the check shows it: never its command line, which may hold secrets. */
export const TopProcessSchema = z.strictObject({
  pid: CountSchema,
  name: TextSchema,
  cpuPercent: MeasureSchema,
  memoryPercent: MeasureSchema,
  memoryBytes: BytesSchema,
});

export const ProcessesTopFactsSchema = z.strictObject({
  processCount: CountSchema,
  byCpu: z.array(TopProcessSchema),
  byMemory: z.array(TopProcessSchema),
});
