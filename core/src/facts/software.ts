import { z } from 'zod';
import { NonEmptyTextSchema, NullableBytesSchema, TextSchema } from './common';

/** Where the list of installed programs comes from. */
export const SoftwareSourceSchema = z.enum([
  'dpkg',
  'rpm',
  'windows-registry',
  'macos-applications',
]);
export type SoftwareSource = z.infer<typeof SoftwareSourceSchema>;

export const InstalledProgramSchema = z.object({
  name: NonEmptyTextSchema,
  /** "" when the package manager does not say. */
  version: TextSchema,
  /** Vendor, publisher or maintainer; "" when unknown. */
  publisher: TextSchema,
  /** "amd64", "x86_64", "x86", "arm64"...; "" when unknown or native. */
  architecture: TextSchema,
  /** Day of installation (YYYY-MM-DD) where the OS records it. */
  installedOn: z.iso.date().nullable(),
  sizeBytes: NullableBytesSchema,
  source: SoftwareSourceSchema,
});
export type InstalledProgram = z.infer<typeof InstalledProgramSchema>;

/** Programs installed on the machine, sorted by name. */
export const InstalledSoftwareSchema = z.object({
  programs: z.array(InstalledProgramSchema),
});
export type InstalledSoftware = z.infer<typeof InstalledSoftwareSchema>;

/**
 * The programs whose name matches `query`, ignoring case: exact matches when there are any,
 * otherwise those whose name contains it.
 */
export function findInstalledPrograms(
  software: InstalledSoftware,
  query: string,
): InstalledProgram[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [];
  const exact = software.programs.filter((p) => p.name.toLowerCase() === wanted);
  if (exact.length > 0) return exact;
  return software.programs.filter((p) => p.name.toLowerCase().includes(wanted));
}
