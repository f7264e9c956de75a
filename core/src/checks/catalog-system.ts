import { z } from 'zod';
import { AGENT_AND_SSH_TRANSPORTS, AGENT_TRANSPORTS, ALL_OSES, defineCheck } from './definition';
import {
  CpuLoadFactsSchema,
  DiskFreeFactsSchema,
  DiskSmartFactsSchema,
  FsWritableFactsSchema,
  MemoryPressureFactsSchema,
  ProcessesTopFactsSchema,
  ServiceRunningFactsSchema,
  SystemUptimeFactsSchema,
} from './facts-system';
import {
  AbsolutePathSchema,
  DiskDeviceSchema,
  PercentSchema,
  ServiceNameSchema,
  thresholdsInOrder,
} from './params';

/** Checks of the machine itself: disks, memory, CPU, uptime, services, processes. */
export const systemChecks = {
  'disk.free': defineCheck({
    summary: 'Free space on a disk',
    description:
      'Free space of the file system holding `path` (the system drive by default), as a share of its size, against a warn and a fail threshold.',
    params: z
      .object({
        path: AbsolutePathSchema.optional(),
        warnBelowPercent: PercentSchema.default(15),
        failBelowPercent: PercentSchema.default(5),
      })
      .strict()
      .refine(...thresholdsInOrder('warnBelowPercent', 'failBelowPercent', 'below')),
    timeoutMs: 5_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: ['disk.free.ok', 'disk.free.low', 'disk.free.critical', 'disk.free.path_missing'],
    facts: DiskFreeFactsSchema,
  }),

  'memory.pressure': defineCheck({
    summary: 'Memory in use',
    description:
      'Share of physical memory not available to programs (Linux: MemAvailable; macOS: the kernel’s memory-pressure level; Windows: available physical memory).',
    params: z
      .object({
        warnAbovePercent: PercentSchema.default(85),
        failAbovePercent: PercentSchema.default(95),
      })
      .strict()
      .refine(...thresholdsInOrder('warnAbovePercent', 'failAbovePercent', 'above')),
    timeoutMs: 5_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: ['memory.pressure.ok', 'memory.pressure.high', 'memory.pressure.critical'],
    facts: MemoryPressureFactsSchema,
  }),

  'cpu.load': defineCheck({
    summary: 'CPU load',
    description:
      'Share of CPU time spent busy over a short sampling window, across all cores; the load average too where the OS has one.',
    params: z
      .object({
        sampleMs: z.number().int().min(100).max(5_000).default(1_000),
        warnAbovePercent: PercentSchema.default(80),
        failAbovePercent: PercentSchema.default(95),
      })
      .strict()
      .refine(...thresholdsInOrder('warnAbovePercent', 'failAbovePercent', 'above')),
    timeoutMs: 10_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: ['cpu.load.ok', 'cpu.load.high', 'cpu.load.critical'],
    facts: CpuLoadFactsSchema,
  }),

  'system.uptime': defineCheck({
    summary: 'Uptime and pending reboot',
    description:
      'How long since the last boot, and whether the OS waits for a reboot (Linux: /run/reboot-required or needs-restarting; Windows: the servicing and update reboot flags).',
    params: z
      .object({
        warnAfterDays: z.number().min(0).max(3650).default(14),
        failAfterDays: z.number().min(0).max(3650).default(60),
      })
      .strict()
      .refine(...thresholdsInOrder('warnAfterDays', 'failAfterDays', 'above')),
    timeoutMs: 10_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'system.uptime.ok',
      'system.uptime.long',
      'system.uptime.very_long',
      'system.uptime.reboot_pending',
    ],
    facts: SystemUptimeFactsSchema,
  }),

  'fs.writable': defineCheck({
    summary: 'A folder can be written',
    description:
      'Creates a uniquely named temporary file in `path` (the temp folder by default), writes and reads it back, and removes it. Touches nothing else.',
    params: z.object({ path: AbsolutePathSchema.optional() }).strict(),
    timeoutMs: 10_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'fs.writable.ok',
      'fs.writable.read_only',
      'fs.writable.permission_denied',
      'fs.writable.no_space',
      'fs.writable.path_missing',
      'fs.writable.not_a_directory',
      'fs.writable.failed',
    ],
    facts: FsWritableFactsSchema,
  }),

  'disk.smart': defineCheck({
    summary: 'Disk SMART health',
    description:
      'The SMART health verdict of one disk (`device`) or of every disk smartctl finds, where smartmontools is installed. Needs administrator rights to open the disks.',
    params: z.object({ device: DiskDeviceSchema.optional() }).strict(),
    timeoutMs: 30_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'disk.smart.passed',
      'disk.smart.warning',
      'disk.smart.failing',
      'disk.smart.unavailable',
      'disk.smart.no_devices',
      'disk.smart.device_error',
    ],
    facts: DiskSmartFactsSchema,
  }),

  'service.running': defineCheck({
    summary: 'A service is running',
    description:
      'Asks the service manager (systemd, the Windows service controller, launchd) whether the service `name` runs. Without a service manager (a container), looks for a process of that name.',
    params: z.object({ name: ServiceNameSchema }).strict(),
    timeoutMs: 10_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'service.running.ok',
      'service.running.stopped',
      'service.running.not_found',
      'service.running.unknown',
    ],
    facts: ServiceRunningFactsSchema,
  }),

  'processes.top': defineCheck({
    summary: 'Top processes by CPU and memory',
    description:
      'The processes using the most CPU and the most memory (name, pid and shares; never command lines, which may hold secrets), against thresholds for a single process. Over SSH, a process’s CPU share is ps’s: its average since it started.',
    params: z
      .object({
        count: z.number().int().min(1).max(25).default(5),
        warnAboveCpuPercent: PercentSchema.default(80),
        failAboveCpuPercent: PercentSchema.default(95),
        warnAboveMemoryPercent: PercentSchema.default(50),
        failAboveMemoryPercent: PercentSchema.default(80),
      })
      .strict()
      .refine(...thresholdsInOrder('warnAboveCpuPercent', 'failAboveCpuPercent', 'above'))
      .refine(...thresholdsInOrder('warnAboveMemoryPercent', 'failAboveMemoryPercent', 'above')),
    timeoutMs: 15_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'processes.top.ok',
      'processes.top.cpu_high',
      'processes.top.cpu_critical',
      'processes.top.memory_high',
      'processes.top.memory_critical',
    ],
    facts: ProcessesTopFactsSchema,
  }),
};
