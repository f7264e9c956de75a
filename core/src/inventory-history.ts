import { z } from 'zod';
import { InventorySchema } from './inventory';
import { MachineIdSchema } from './machine';

/** Where a machine's inventory came from when the console kept it. */
export const InventorySourceSchema = z.enum(['agent', 'ssh', 'local', 'evidence']);
export type InventorySource = z.infer<typeof InventorySourceSchema>;

/** One kept inventory of a machine, without its content. */
export const InventoryHistoryEntrySchema = z.object({
  id: z.number().int().positive(),
  machineId: z.string(),
  takenAt: z.iso.datetime(),
  source: InventorySourceSchema,
  takenBy: z.string(),
  hostname: z.string(),
  /** Section name -> SHA-256 of its content (readings aside): equal hashes, same section. */
  sections: z.record(z.string(), z.string()),
});
export type InventoryHistoryEntry = z.infer<typeof InventoryHistoryEntrySchema>;

export const InventoryHistoryInputSchema = z.object({
  id: MachineIdSchema,
  /** From this time on (inclusive). */
  from: z.iso.datetime().optional(),
  /** Before this time. */
  to: z.iso.datetime().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});

export const InventoryHistorySnapshotInputSchema = z.object({
  snapshotId: z.number().int().positive(),
});

export const InventoryHistorySnapshotSchema = z.object({
  entry: InventoryHistoryEntrySchema,
  inventory: InventorySchema,
});
export type InventoryHistorySnapshot = z.infer<typeof InventoryHistorySnapshotSchema>;
