import { z } from 'zod';
import { CheckIdSchema } from './checks/result';
import { MachineIdSchema } from './machine';
import { VersionSchema } from './people';
import { TicketSchema } from './ticket';
import { GroupIdSchema } from './workflow/assignment';
import { CategoryIdSchema } from './workflow/categories';

/**
 * Reports for IT management: the recurring problems (`reports.recurring`, opened group by
 * group with `reports.groupTickets`, a failing check with `reports.checkTickets`), the service figures (`reports.service`), and reports
 * saved with their filters, optionally run on a schedule (`reports.saved`, `reports.save`,
 * `reports.delete`, `reports.runs`, `reports.openRun`).
 *
 * Every date of a period is a calendar date in the desk's time zone (the business calendar of
 * the workflow's SLA policy): `from` starts at its local midnight, `to` ends at the next local
 * midnight (both days included). Weeks are ISO weeks (Monday to Sunday) in that zone.
 */

const DAY_MS = 86_400_000;
/** A period may span at most two years (731 days, both ends included). */
export const MAX_PERIOD_DAYS = 731;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
/** Days in a period, both ends included. */
export const periodDays = (period: { from: string; to: string }): number =>
  dayNumber(period.to) - dayNumber(period.from) + 1;

export const ReportPeriodSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.to >= p.from, { message: 'The period ends before it starts', path: ['to'] })
  .refine((p) => periodDays(p) <= MAX_PERIOD_DAYS, {
    message: `A report period is at most two years (${MAX_PERIOD_DAYS} days)`,
    path: ['to'],
  });
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

const FilterText = z.string().trim().min(1).max(200);

/** Which tickets a report counts. Only the period is required. */
export const ReportFiltersSchema = z.object({
  period: ReportPeriodSchema,
  /** The ticket's current group. */
  groupId: GroupIdSchema.optional(),
  /** A category and everything under it ("printer" counts "printer/paper-jam"). */
  category: CategoryIdSchema.optional(),
  /** The requester's location and department, as the directory holds them now. */
  location: FilterText.optional(),
  department: FilterText.optional(),
});
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

/**
 * What the recurring-problems report groups tickets by. Model, OS and software are the
 * ticket's machine as its latest inventory describes it (machine_profiles, machine_software);
 * department and location are the requester's. `software` needs a program name (matched
 * exactly); its groups are the program's versions, and only tickets on machines holding the
 * program count.
 */
export const ReportDimensionSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('category') }),
  z.object({ by: z.literal('model') }),
  z.object({ by: z.literal('os') }),
  z.object({ by: z.literal('software'), program: z.string().trim().min(1).max(300) }),
  z.object({ by: z.literal('department') }),
  z.object({ by: z.literal('location') }),
]);
export type ReportDimension = z.infer<typeof ReportDimensionSchema>;
export const REPORT_DIMENSIONS = [
  'category',
  'model',
  'os',
  'software',
  'department',
  'location',
] as const;

/**
 * A group's key: the category id, the model, "<distro or platform> <release>", the version,
 * the department or the location; null for tickets that have none (no category, no machine,
 * no profile, no requester).
 */
export const ReportGroupKeySchema = z.string().max(600).nullable();

export const RecurringReportInputSchema = z.object({
  filters: ReportFiltersSchema,
  dimension: ReportDimensionSchema,
  /** "Grew most" ranks only groups with at least this many tickets in the period. */
  minCount: z.number().int().min(1).max(10_000).default(3),
  /** How many rows each ranked list holds (groups, grew most, machines, failing checks). */
  limit: z.number().int().min(1).max(500).default(50),
});
export type RecurringReportInput = z.input<typeof RecurringReportInputSchema>;
export type RecurringReportQuery = z.output<typeof RecurringReportInputSchema>;

/** One ISO week of the period, clipped to it (the first and last may be partial). */
export const ReportWeekSchema = z.object({
  /** ISO week, e.g. 2026-W05. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ReportWeek = z.infer<typeof ReportWeekSchema>;

export const RecurringGroupSchema = z.object({
  key: ReportGroupKeySchema,
  /** Tickets created in the period. */
  count: z.number().int().nonnegative(),
  /** Tickets created in the previous period of the same length (just before it). */
  previousCount: z.number().int().nonnegative(),
  /** count - previousCount. */
  growth: z.number().int(),
  /** growth / previousCount; null when the previous period had none. */
  growthRate: z.number().nullable(),
  /** Tickets created per week of the period, one number per entry of `weeks`. */
  weekly: z.array(z.number().int().nonnegative()),
});
export type RecurringGroup = z.infer<typeof RecurringGroupSchema>;

export const TopMachineSchema = z.object({
  machineId: MachineIdSchema,
  /** The machine's name at the desk; null when it was removed. */
  name: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  tickets: z.number().int().positive(),
});
export type TopMachine = z.infer<typeof TopMachineSchema>;

/**
 * One check ending with the same failure code on several machines, per requester location:
 * from the check results attached as evidence (status `fail`) to the period's tickets (the
 * filters apply), evidence taken in the period. Only pairs seen on at least two machines.
 */
export const FailingCheckSchema = z.object({
  checkId: CheckIdSchema,
  code: z.string(),
  location: z.string().nullable(),
  machines: z.number().int().positive(),
  tickets: z.number().int().positive(),
  lastSeen: z.iso.datetime(),
});
export type FailingCheck = z.infer<typeof FailingCheckSchema>;

export const RecurringReportSchema = z.object({
  kind: z.literal('recurring'),
  filters: ReportFiltersSchema,
  dimension: ReportDimensionSchema,
  previousPeriod: z.object({ from: z.iso.date(), to: z.iso.date() }),
  weeks: z.array(ReportWeekSchema),
  /** Tickets created in the period that match the filters (all groups, keyless included). */
  totalTickets: z.number().int().nonnegative(),
  /** Largest first (then by key); at most `limit`. */
  groups: z.array(RecurringGroupSchema),
  /** Groups with count >= minCount and growth > 0, largest growth first; at most `limit`. */
  grewMost: z.array(RecurringGroupSchema),
  /** Machines with the most tickets created in the period; at most `limit`. */
  topMachines: z.array(TopMachineSchema),
  /** Most machines first, then most tickets; at most `limit`. */
  failingChecks: z.array(FailingCheckSchema),
});
export type RecurringReport = z.infer<typeof RecurringReportSchema>;

/** The tickets behind one group of the recurring report (created in the period), newest first. */
export const GroupTicketsInputSchema = z.object({
  filters: ReportFiltersSchema,
  dimension: ReportDimensionSchema,
  key: ReportGroupKeySchema,
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type GroupTicketsInput = z.input<typeof GroupTicketsInputSchema>;
export type GroupTicketsQuery = z.output<typeof GroupTicketsInputSchema>;

export const GroupTicketsPageSchema = z.object({
  tickets: z.array(TicketSchema),
  total: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type GroupTicketsPage = z.infer<typeof GroupTicketsPageSchema>;

/**
 * The tickets behind one entry of the recurring report's failing checks: tickets matching the
 * filters whose requester's location is `location` (null: none) with check-results evidence,
 * taken in the period, in which `checkId` failed with `code`. Newest first.
 */
export const CheckTicketsInputSchema = z.object({
  filters: ReportFiltersSchema,
  checkId: CheckIdSchema,
  code: z.string().max(200),
  location: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type CheckTicketsInput = z.input<typeof CheckTicketsInputSchema>;
export type CheckTicketsQuery = z.output<typeof CheckTicketsInputSchema>;

export const ServiceReportInputSchema = z.object({ filters: ReportFiltersSchema });
export type ServiceReportInput = z.input<typeof ServiceReportInputSchema>;

/** Open tickets at the end of the period by age (wall-clock days since creation). */
export const BACKLOG_BUCKETS = [
  { label: '<1d', minDays: 0, maxDays: 1 },
  { label: '1-3d', minDays: 1, maxDays: 3 },
  { label: '3-7d', minDays: 3, maxDays: 7 },
  { label: '7-14d', minDays: 7, maxDays: 14 },
  { label: '14-30d', minDays: 14, maxDays: 30 },
  { label: '>30d', minDays: 30, maxDays: null },
] as const;

/**
 * A resolution counts as "at the first contact" when the ticket was first resolved within
 * this many minutes (wall clock) of its creation: the same conversation.
 */
export const FIRST_CONTACT_WINDOW_MINUTES = 60;

const Rate = z.number().min(0).max(1).nullable();

export const ServiceWeekSchema = ReportWeekSchema.extend({
  /** Tickets created that week. */
  created: z.number().int().nonnegative(),
  /** Tickets resolved that week (their latest resolution). */
  resolved: z.number().int().nonnegative(),
  /** Of those resolved, how many met their resolution SLA. */
  slaMet: z.number().int().nonnegative(),
});
export type ServiceWeek = z.infer<typeof ServiceWeekSchema>;

/**
 * The service figures of a period. Definitions (every rate is null when its base is 0):
 *
 * - Base sets: **created** = tickets created in the period; **resolved** = tickets whose
 *   latest resolution (`resolvedAt`) falls in the period and that are resolved or closed now.
 * - **First-contact resolution** (`fcr`): of the resolved, the share that were first resolved
 *   within `FIRST_CONTACT_WINDOW_MINUTES` of creation, never waited on the user or a vendor
 *   before that, and were never escalated, never had a vendor case, never reopened (closed ->
 *   reopened, or resolved -> in progress when the user did not confirm) and never handed to
 *   another group (an assignment that changed the group after it was first set).
 * - **Time to resolve** (`resolveHours`): business hours (the desk's calendar: working hours,
 *   weekends, holidays, its time zone) from creation to the latest resolution, waiting time
 *   included; mean and 90th percentile (nearest rank) over the resolved.
 * - **SLA attainment** (`slaAttainment`): of the resolved, the share whose resolution clock
 *   (business time in non-paused statuses, as `computeSla`) stayed within the target of the
 *   ticket's priority.
 * - **Backlog** (`backlog`): tickets created before the period's end that were open then:
 *   not resolved at that moment (no resolution, or their latest one came after the end, or
 *   they are open again now), by age at the end, in `BACKLOG_BUCKETS`.
 * - **Escalation rate**: of the created, the share with at least one escalation.
 * - **Reopen rate**: of the resolved, the share reopened at least once.
 * - **Satisfaction**: feedback ratings (1-5) of the resolved: mean, count, and count per rating.
 */
export const ServiceReportSchema = z.object({
  kind: z.literal('service'),
  filters: ReportFiltersSchema,
  created: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  fcr: z.object({ rate: Rate, count: z.number().int().nonnegative() }),
  resolveHours: z.object({ mean: z.number().nullable(), p90: z.number().nullable() }),
  slaAttainment: z.object({ rate: Rate, met: z.number().int().nonnegative() }),
  backlog: z.object({
    total: z.number().int().nonnegative(),
    buckets: z.array(
      z.object({
        label: z.string(),
        minDays: z.number(),
        maxDays: z.number().nullable(),
        count: z.number().int().nonnegative(),
      }),
    ),
  }),
  escalation: z.object({ rate: Rate, count: z.number().int().nonnegative() }),
  reopen: z.object({ rate: Rate, count: z.number().int().nonnegative() }),
  satisfaction: z.object({
    mean: z.number().nullable(),
    count: z.number().int().nonnegative(),
    /** Ratings 1 to 5, in that order. */
    distribution: z.array(z.number().int().nonnegative()).length(5),
  }),
  weeks: z.array(ServiceWeekSchema),
});
export type ServiceReport = z.infer<typeof ServiceReportSchema>;

// ---- Saved and scheduled reports ----

/**
 * The period of a saved report: fixed dates, or the last `count` complete days, ISO weeks or
 * calendar months before the day it is run ("last 4 weeks" on Wednesday 2026-12-02 is
 * 2026-11-02 to 2026-11-29).
 */
export const SavedPeriodSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), from: z.iso.date(), to: z.iso.date() }),
  z.object({
    type: z.literal('relative'),
    unit: z.enum(['day', 'week', 'month']),
    count: z.number().int().min(1).max(104),
  }),
]);
export type SavedPeriod = z.infer<typeof SavedPeriodSchema>;

export const SavedFiltersSchema = ReportFiltersSchema.omit({ period: true }).extend({
  period: SavedPeriodSchema,
});
export type SavedFilters = z.infer<typeof SavedFiltersSchema>;

export const ReportKindSchema = z.enum(['recurring', 'service']);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/**
 * none: run by hand only. weekly: one run per ISO week, of the period as of that week's
 * Monday. monthly: one run per month, of the period as of its first day.
 */
export const ReportScheduleSchema = z.enum(['none', 'weekly', 'monthly']);
export type ReportSchedule = z.infer<typeof ReportScheduleSchema>;

export const SavedReportIdSchema = z.number().int().positive();

const SavedReportFields = {
  name: z.string().trim().min(1).max(200),
  kind: ReportKindSchema,
  filters: SavedFiltersSchema,
  /** Recurring reports only. */
  dimension: ReportDimensionSchema.nullable(),
  schedule: ReportScheduleSchema,
};

export const SavedReportSchema = z.object({
  id: SavedReportIdSchema,
  version: VersionSchema,
  ...SavedReportFields,
  owner: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedReport = z.infer<typeof SavedReportSchema>;

/** Saves a new report (no id) or changes one (id and the version it was read at). */
export const SaveReportInputSchema = z
  .object({
    id: SavedReportIdSchema.optional(),
    expectedVersion: VersionSchema.optional(),
    ...SavedReportFields,
  })
  .refine((r) => (r.id === undefined) === (r.expectedVersion === undefined), {
    message: 'Changing a saved report needs both its id and the version it was read at',
    path: ['expectedVersion'],
  })
  .refine((r) => (r.kind === 'recurring') === (r.dimension !== null), {
    message: 'A recurring-problems report needs a dimension; a service report has none',
    path: ['dimension'],
  })
  .refine((r) => r.schedule === 'none' || r.filters.period.type === 'relative', {
    message: 'A scheduled report needs a relative period such as the last 4 weeks',
    path: ['schedule'],
  })
  .refine(
    (r) =>
      r.filters.period.type === 'relative' ||
      ReportPeriodSchema.safeParse(r.filters.period).success,
    {
      message: `A fixed period ends after it starts and spans at most ${MAX_PERIOD_DAYS} days`,
      path: ['filters', 'period'],
    },
  );
export type SaveReportInput = z.input<typeof SaveReportInputSchema>;

export const DeleteReportInputSchema = z.object({
  id: SavedReportIdSchema,
  expectedVersion: VersionSchema,
});

export const ReportRunIdSchema = z.number().int().positive();

export const ReportRunSummarySchema = z.object({
  id: ReportRunIdSchema,
  reportId: SavedReportIdSchema,
  ranAt: z.iso.datetime(),
  /** The period the run resolved its filters to. */
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  /** The analyst whose console ran it. */
  ranBy: z.string(),
});
export type ReportRunSummary = z.infer<typeof ReportRunSummarySchema>;

export const ReportResultSchema = z.discriminatedUnion('kind', [
  RecurringReportSchema,
  ServiceReportSchema,
]);
export type ReportResult = z.infer<typeof ReportResultSchema>;

export const ReportRunSchema = ReportRunSummarySchema.extend({ result: ReportResultSchema });
export type ReportRun = z.infer<typeof ReportRunSchema>;

export const ReportRunsInputSchema = z.object({
  reportId: SavedReportIdSchema,
  limit: z.number().int().min(1).max(500).default(100),
});

/** Runs a saved report now for its period as of today (stored once per period). */
export const RunSavedReportInputSchema = z.object({ reportId: SavedReportIdSchema });
