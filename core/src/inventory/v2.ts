import { z } from 'zod';
import { DateTimeSchema, TextSchema } from '../facts/common';
import {
  InventorySectionNameSchema,
  SectionProblemSchema,
  type InventorySectionName,
} from './section-names';
import { inventorySectionSchemas } from './sections';

const optionalSections = Object.fromEntries(
  Object.entries(inventorySectionSchemas).map(([name, schema]) => [name, schema.optional()]),
) as { [K in InventorySectionName]: z.ZodOptional<(typeof inventorySectionSchemas)[K]> };

/**
 * The inventory document of schema version 2. A section is absent when it was not asked
 * for (`?sections=`) or could not be read (then `problems` says why). `observedAt` says
 * when each section's facts were true: hardware and software come from a cache the agent
 * refreshes in the background, load and usage are read for every request.
 */
export const InventoryV2Schema = z.object({
  schemaVersion: z.literal(2),
  collectedAt: DateTimeSchema,
  hostname: TextSchema,
  ...optionalSections,
  observedAt: z.partialRecord(InventorySectionNameSchema, DateTimeSchema),
  problems: z.array(SectionProblemSchema),
});
export type InventoryV2 = z.infer<typeof InventoryV2Schema>;
