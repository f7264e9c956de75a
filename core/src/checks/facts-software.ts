import { z } from 'zod';
import { BatterySchema } from '../facts/battery';
import {
  CountSchema,
  NullableBooleanSchema,
  NullableDateTimeSchema,
  NullableIntegerSchema,
  PercentSchema,
  TextListSchema,
  TextSchema,
} from '../facts/common';
import { PrintersSchema, PrinterSchema } from '../facts/printers';
import { InstalledProgramSchema } from '../facts/software';
import { PendingUpdateSchema, UpdateSourceSchema } from '../facts/updates';
import { UnavailableReasonSchema } from '../inventory/section-names';

/*
 * What the checks of installed and attached things report, one schema per check (see
 * facts-system.ts). They read the inventory's collectors, so their parts are the inventory's
 * own shapes, trimmed; when the machine cannot tell, they report only why.
 */

/** `<check>.unavailable`: the machine cannot give the facts the check reads. */
export const UnavailableFactsSchema = z.strictObject({ reason: UnavailableReasonSchema });
export type UnavailableFacts = z.infer<typeof UnavailableFactsSchema>;

/** A printer as the check shows it: its jobs counted, their owners and titles not sent. */
export const PrinterQueueSchema = PrinterSchema.pick({
  name: true,
  isDefault: true,
  status: true,
  statusMessage: true,
})
  .extend({ jobs: CountSchema, oldestJobAt: NullableDateTimeSchema })
  .strict();

export const PrintersQueuesFactsSchema = z.union([
  z.strictObject({
    spooler: PrintersSchema.shape.spooler,
    /** The printer asked for, if one was. */
    name: TextSchema.optional(),
    printers: z.array(PrinterQueueSchema),
    /** Only with `printers.queues.missing`: the printers there are. */
    available: TextListSchema.optional(),
  }),
  UnavailableFactsSchema,
]);

export const BatteryWearSchema = BatterySchema.pick({
  name: true,
  model: true,
  percent: true,
  state: true,
  healthPercent: true,
  cycleCount: true,
}).strict();

export const BatteryHealthFactsSchema = z.union([
  z.strictObject({
    acConnected: NullableBooleanSchema,
    batteries: z.array(BatteryWearSchema),
    warnBelowPercent: PercentSchema,
    failBelowPercent: PercentSchema,
  }),
  UnavailableFactsSchema,
]);

export const OsUpdatesFactsSchema = z.union([
  z.strictObject({
    source: UpdateSourceSchema,
    pendingCount: CountSchema,
    securityCount: CountSchema,
    rebootRequired: NullableBooleanSchema,
    catalogCheckedAt: NullableDateTimeSchema,
    /** Days since the OS last looked for updates (negative when its clock was ahead). */
    catalogAgeDays: NullableIntegerSchema,
    /** The first updates of the list; `pendingCount` says how many there are. */
    updates: z.array(PendingUpdateSchema.strict()),
  }),
  UnavailableFactsSchema,
]);

export const ProgramMatchSchema = InstalledProgramSchema.pick({
  name: true,
  version: true,
  publisher: true,
  installedOn: true,
  source: true,
}).strict();

export const ProgramInstalledFactsSchema = z.union([
  z.strictObject({
    name: TextSchema,
    installedCount: CountSchema,
    /** The first matches; exact names when there are any, else names containing it. */
    matches: z.array(ProgramMatchSchema),
  }),
  UnavailableFactsSchema,
]);
