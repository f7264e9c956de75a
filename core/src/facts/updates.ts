import { z } from 'zod';

/** Who the machine asks about updates. */
export const UpdateSourceSchema = z.enum(['apt', 'dnf', 'windows-update', 'macos-softwareupdate']);
export type UpdateSource = z.infer<typeof UpdateSourceSchema>;

export const PendingUpdateSchema = z.object({
  /** Package name, or the update's title on Windows and macOS. */
  name: z.string().min(1),
  /** "" when the source does not say. */
  currentVersion: z.string(),
  availableVersion: z.string(),
  /** Whether it is a security update; null when the source does not say. */
  security: z.boolean().nullable(),
});
export type PendingUpdate = z.infer<typeof PendingUpdateSchema>;

/**
 * OS updates available but not installed, as the OS already knows them: the agent never
 * refreshes the catalog itself (no network, no change to the machine).
 */
export const PendingUpdatesSchema = z.object({
  source: UpdateSourceSchema,
  updates: z.array(PendingUpdateSchema),
  /** A restart is needed to finish updates already installed; null when unknown. */
  rebootRequired: z.boolean().nullable(),
  /** When the OS last refreshed its list of available updates; null when unknown. */
  catalogCheckedAt: z.iso.datetime().nullable(),
});
export type PendingUpdates = z.infer<typeof PendingUpdatesSchema>;

export function securityUpdateCount(pending: PendingUpdates): number {
  return pending.updates.filter((u) => u.security === true).length;
}
