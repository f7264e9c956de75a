import { z } from 'zod';
import { AGENT_AND_SSH_TRANSPORTS, AGENT_TRANSPORTS, ALL_OSES, defineCheck } from './definition';
import {
  BatteryHealthFactsSchema,
  OsUpdatesFactsSchema,
  PrintersQueuesFactsSchema,
  ProgramInstalledFactsSchema,
} from './facts-software';
import { PercentSchema, PrinterNameSchema, ProgramNameSchema, thresholdsInOrder } from './params';

const jobCount = z.number().int().min(0).max(10_000);

/** Checks of what is installed and attached: programs, updates, printers, battery. */
export const softwareChecks = {
  'printers.queues': defineCheck({
    summary: 'Printers and their queues',
    description:
      'The printers the machine knows (CUPS, the Windows print spooler): whether the spooler runs, each printer’s state and how many jobs wait. Job names are not read.',
    params: z
      .object({
        name: PrinterNameSchema.optional(),
        warnAboveJobs: jobCount.default(5),
        failAboveJobs: jobCount.default(20),
      })
      .strict()
      .refine(...thresholdsInOrder('warnAboveJobs', 'failAboveJobs', 'above')),
    timeoutMs: 20_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'printers.queues.ok',
      'printers.queues.backlog',
      'printers.queues.stuck',
      'printers.queues.printer_error',
      'printers.queues.spooler_stopped',
      'printers.queues.missing',
      'printers.queues.none',
      'printers.queues.unavailable',
    ],
    facts: PrintersQueuesFactsSchema,
  }),

  'battery.health': defineCheck({
    summary: 'Battery health',
    description:
      'Each battery’s full-charge capacity as a share of its design capacity (wear), against a warn and a fail threshold. A machine without a battery passes.',
    params: z
      .object({
        warnBelowPercent: PercentSchema.default(80),
        failBelowPercent: PercentSchema.default(50),
      })
      .strict()
      .refine(...thresholdsInOrder('warnBelowPercent', 'failBelowPercent', 'below')),
    timeoutMs: 15_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'battery.health.ok',
      'battery.health.worn',
      'battery.health.replace',
      'battery.health.absent',
      'battery.health.unknown',
      'battery.health.unavailable',
    ],
    facts: BatteryHealthFactsSchema,
  }),

  'os.updates': defineCheck({
    summary: 'Pending OS updates',
    description:
      'OS updates available but not installed, as the OS already knows them (apt, dnf, Windows Update’s last search, macOS’s last check); downloads and changes nothing. Pending security updates fail.',
    params: z
      .object({
        warnAbovePending: z.number().int().min(0).max(100_000).default(0),
        failAboveSecurity: z.number().int().min(0).max(100_000).default(0),
        warnCatalogOlderThanDays: z.number().int().min(1).max(365).default(14),
      })
      .strict(),
    timeoutMs: 60_000,
    transports: AGENT_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'os.updates.none',
      'os.updates.pending',
      'os.updates.security_pending',
      'os.updates.catalog_stale',
      'os.updates.unavailable',
    ],
    facts: OsUpdatesFactsSchema,
  }),

  'program.installed': defineCheck({
    summary: 'A program is installed',
    description:
      'Looks `name` up in the installed programs (dpkg or rpm packages, Apps & features, Applications), ignoring case: exact names first, else names that contain it.',
    params: z.object({ name: ProgramNameSchema }).strict(),
    timeoutMs: 60_000,
    transports: AGENT_AND_SSH_TRANSPORTS,
    os: ALL_OSES,
    codes: [
      'program.installed.found',
      'program.installed.missing',
      'program.installed.unavailable',
    ],
    facts: ProgramInstalledFactsSchema,
  }),
};
