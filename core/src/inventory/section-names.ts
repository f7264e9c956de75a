import * as z from 'zod/mini';

/*
 * The names of the inventory's sections and why one could not be read, apart from the
 * sections' own schemas: the agent checks names and problems while it idles, and loads
 * the section schemas only when a request first reads a section. Built with zod/mini
 * for the same reason (see README, "Keeping the idle agent small").
 */

/** Each section of the inventory document, by the name `?sections=` uses, in document order. */
export const INVENTORY_SECTIONS = [
  'system',
  'bios',
  'baseboard',
  'os',
  'cpu',
  'memory',
  'disks',
  'fileSystems',
  'network',
  'users',
  'battery',
  'graphics',
  'printers',
  'usb',
  'software',
  'updates',
] as const;

export type InventorySectionName = (typeof INVENTORY_SECTIONS)[number];

export const InventorySectionNameSchema = z.enum(INVENTORY_SECTIONS);

/**
 * Why the machine could not give some facts (an inventory section, or what a check reads):
 * `unsupported`, the OS has no such facts or the agent does not read them there;
 * `not_installed`, the program that knows them is not installed (no CUPS, no apt or dnf);
 * `timeout`; `failed`.
 */
export const UnavailableReasonSchema = z.enum([
  'unsupported',
  'not_installed',
  'timeout',
  'failed',
]);
export type UnavailableReason = z.infer<typeof UnavailableReasonSchema>;

/** Why a section is missing from a document. */
export const SectionProblemSchema = z.object({
  section: InventorySectionNameSchema,
  reason: UnavailableReasonSchema,
  message: z.string(),
});
export type SectionProblem = z.infer<typeof SectionProblemSchema>;
