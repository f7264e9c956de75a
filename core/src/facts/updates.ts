import { z } from 'zod';
import {
  NonEmptyTextSchema,
  NullableBooleanSchema,
  NullableDateTimeSchema,
  TextSchema,
} from './common';

/** Who the machine asks about updates. */
export const UpdateSourceSchema = z.enum(['apt', 'dnf', 'windows-update', 'macos-softwareupdate']);
export type UpdateSource = z.infer<typeof UpdateSourceSchema>;

export const PendingUpdateSchema = z.object({
  /** Package name, or the update's title on Windows and macOS. */
  name: NonEmptyTextSchema,
  /** "" when the source does not say. */
  currentVersion: TextSchema,
  availableVersion: TextSchema,
  /** Whether it is a security update; null when the source does not say. */
  security: NullableBooleanSchema,
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
  rebootRequired: NullableBooleanSchema,
  /** When the OS last refreshed its list of available updates; null when unknown. */
  catalogCheckedAt: NullableDateTimeSchema,
});
export type PendingUpdates = z.infer<typeof PendingUpdatesSchema>;

export function securityUpdateCount(pending: PendingUpdates): number {
  return pending.updates.filter((u) => u.security === true).length;
}
