import { z } from 'zod';
import { InventoryDiffSchema, InventoryDiffSummarySchema } from './inventory/diff';
import { InventoryHistoryEntrySchema } from './inventory-history';
import { MachineIdSchema } from './machine';

/*
 * What changed on a machine over time: a diff between two kept inventories, the timeline of
 * kept inventories with what changed in each, and baselines (a machine's "last known good"
 * inventory, a model's "golden" one) to compare with.
 */

const SnapshotIdSchema = z.number().int().positive();

/** A kept inventory without its content or section hashes: id, when, source, who. */
export const SnapshotSummarySchema = InventoryHistoryEntrySchema.omit({ sections: true });
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

/** Which two kept inventories of a machine to compare. */
export const InventoryComparisonSchema = z.discriminatedUnion('kind', [
  /** Two kept inventories, by id: `from` is the earlier state, `to` the later. */
  z.object({ kind: z.literal('snapshots'), from: SnapshotIdSchema, to: SnapshotIdSchema }),
  /** The latest kept at or before `since`, against the latest kept now. */
  z.object({ kind: z.literal('since'), since: z.iso.datetime() }),
  /** The machine's baseline (its own, or its model's), against the latest kept now. */
  z.object({ kind: z.literal('baseline'), scope: z.enum(['machine', 'model']) }),
]);
export type InventoryComparison = z.infer<typeof InventoryComparisonSchema>;

export const InventoryDiffInputSchema = z
  .object({ id: MachineIdSchema, compare: InventoryComparisonSchema })
  .strict();
export type InventoryDiffInput = z.input<typeof InventoryDiffInputSchema>;

/** Both inventories compared, and what changed from `from` to `to`. */
export const InventoryComparisonResultSchema = z.object({
  from: SnapshotSummarySchema,
  to: SnapshotSummarySchema,
  diff: InventoryDiffSchema,
});
export type InventoryComparisonResult = z.infer<typeof InventoryComparisonResultSchema>;

export const InventoryTimelineInputSchema = z
  .object({
    id: MachineIdSchema,
    /** From this time on (inclusive). */
    from: z.iso.datetime().optional(),
    /** Before this time. */
    to: z.iso.datetime().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type InventoryTimelineInput = z.input<typeof InventoryTimelineInputSchema>;

/** One kept inventory and what changed since the one kept before it. */
export const InventoryTimelineEntrySchema = z.object({
  snapshot: SnapshotSummarySchema,
  /** Null for the first inventory kept of the machine: there is nothing before it. */
  changes: InventoryDiffSummarySchema.nullable(),
});
export type InventoryTimelineEntry = z.infer<typeof InventoryTimelineEntrySchema>;

export const InventoryTimelineSchema = z.object({
  /** Newest first. */
  entries: z.array(InventoryTimelineEntrySchema),
  hasMore: z.boolean(),
});
export type InventoryTimeline = z.infer<typeof InventoryTimelineSchema>;

export const BaselineScopeSchema = z.enum(['machine', 'model']);
export type BaselineScope = z.infer<typeof BaselineScopeSchema>;

/** A model: the system manufacturer and model a machine's inventory names. */
export const MachineModelSchema = z.object({
  manufacturer: z.string().max(200),
  model: z.string().min(1, 'Name the model').max(200),
});
export type MachineModel = z.infer<typeof MachineModelSchema>;

const BaselineFieldsSchema = z.object({
  snapshot: SnapshotSummarySchema,
  setBy: z.string(),
  setAt: z.iso.datetime(),
});

/** A machine's "last known good" inventory. */
export const MachineBaselineSchema = BaselineFieldsSchema.extend({
  scope: z.literal('machine'),
  machineId: MachineIdSchema,
});
/** A model's "golden" inventory, which every machine of that model is compared with. */
export const ModelBaselineSchema = BaselineFieldsSchema.extend({
  scope: z.literal('model'),
  ...MachineModelSchema.shape,
});
export const BaselineSchema = z.discriminatedUnion('scope', [
  MachineBaselineSchema,
  ModelBaselineSchema,
]);
export type MachineBaseline = z.infer<typeof MachineBaselineSchema>;
export type ModelBaseline = z.infer<typeof ModelBaselineSchema>;
export type Baseline = z.infer<typeof BaselineSchema>;

/** The baselines that apply to one machine. */
export const MachineBaselinesSchema = z.object({
  machine: MachineBaselineSchema.nullable(),
  /** The machine's model per its latest kept inventory; null when none names one. */
  model: MachineModelSchema.nullable(),
  modelBaseline: ModelBaselineSchema.nullable(),
});
export type MachineBaselines = z.infer<typeof MachineBaselinesSchema>;

/** Every baseline the desk has set. */
export const BaselineListSchema = z.object({
  machines: z.array(MachineBaselineSchema),
  models: z.array(ModelBaselineSchema),
});
export type BaselineList = z.infer<typeof BaselineListSchema>;

/**
 * Makes a kept inventory a baseline: of its machine, or of the model it names (system
 * manufacturer and model). Model baselines are for leads and administrators on a desk with
 * roles; the database refuses anyone else.
 */
export const SetBaselineInputSchema = z
  .object({ scope: BaselineScopeSchema, snapshotId: SnapshotIdSchema })
  .strict();

export const ClearBaselineInputSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('machine'), id: MachineIdSchema }).strict(),
  z.object({ scope: z.literal('model'), ...MachineModelSchema.shape }).strict(),
]);
export type ClearBaselineInput = z.infer<typeof ClearBaselineInputSchema>;

/** What a baseline was, once cleared: null when there was none. */
export const ClearedBaselineSchema = z.object({ cleared: BaselineSchema.nullable() });

export const AttachInventoryDiffInputSchema = z
  .object({
    ticketId: z.number().int().positive(),
    machineId: MachineIdSchema,
    fromSnapshotId: SnapshotIdSchema,
    toSnapshotId: SnapshotIdSchema,
  })
  .strict();
export type AttachInventoryDiffInput = z.infer<typeof AttachInventoryDiffInputSchema>;
