import { z } from 'zod';
import { networkChecks } from './catalog-network';
import { softwareChecks } from './catalog-software';
import { systemChecks } from './catalog-system';
import type { CheckDefinition } from './definition';
import {
  CheckIdSchema,
  CheckOsSchema,
  CheckTransportSchema,
  COMMON_CHECK_CODES,
  type CheckOutcome,
} from './result';

/**
 * Every check the agent offers, by id. Read-only, all of them: a check observes the machine
 * and reports; none changes anything (`fs.writable` removes the one file it creates).
 */
export const checkCatalog = {
  ...systemChecks,
  ...networkChecks,
  ...softwareChecks,
} as const satisfies Record<string, CheckDefinition>;

export type CheckCatalog = typeof checkCatalog;
export type CatalogCheckId = keyof CheckCatalog;
/** A check's parameters as its implementation receives them (defaults filled in). */
export type CheckParams<K extends CatalogCheckId> = z.output<CheckCatalog[K]['params']>;
/** A check's parameters as a caller may send them. */
export type CheckParamsInput<K extends CatalogCheckId> = z.input<CheckCatalog[K]['params']>;
/** What a check reports with its own codes, as its `facts` schema declares it. */
export type CheckFactsOf<K extends CatalogCheckId> = z.output<CheckCatalog[K]['facts']>;
/** An outcome of check `K`, its facts typed by the check's schema. */
export type CheckOutcomeOf<K extends CatalogCheckId> = CheckOutcome<CheckFactsOf<K>>;

export const catalogCheckIds = Object.keys(checkCatalog) as CatalogCheckId[];

export function isCatalogCheckId(id: string): id is CatalogCheckId {
  return Object.hasOwn(checkCatalog, id);
}

/** One catalog entry as the agent lists it and the console offers it. */
export const CheckCatalogEntrySchema = z.object({
  id: CheckIdSchema,
  summary: z.string(),
  description: z.string(),
  timeoutMs: z.number().int().positive(),
  transports: z.array(CheckTransportSchema),
  os: z.array(CheckOsSchema),
  /** JSON Schema of the parameters (what a form needs: names, types, ranges, defaults). */
  params: z.record(z.string(), z.unknown()),
  /** Whether some parameter has no default, so the check cannot run without parameters. */
  needsParams: z.boolean(),
  /** Every code the check can end with, the runner's common ones included. */
  codes: z.array(z.string()),
});
export type CheckCatalogEntry = z.infer<typeof CheckCatalogEntrySchema>;

export const CheckCatalogListingSchema = z.object({
  checks: z.array(CheckCatalogEntrySchema),
});
export type CheckCatalogListing = z.infer<typeof CheckCatalogListingSchema>;

/** Describes one definition for a catalog listing. */
export function describeCheck(id: string, definition: CheckDefinition): CheckCatalogEntry {
  const params: Record<string, unknown> = {
    ...z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }),
  };
  delete params.$schema;
  return {
    id,
    summary: definition.summary,
    description: definition.description,
    timeoutMs: definition.timeoutMs,
    transports: [...definition.transports],
    os: [...definition.os],
    params,
    needsParams: !definition.params.safeParse({}).success,
    codes: [...definition.codes, ...COMMON_CHECK_CODES],
  };
}

/** The whole catalog, in catalog order. */
export function describeCheckCatalog(): CheckCatalogListing {
  return {
    checks: Object.entries(checkCatalog).map(([id, definition]) =>
      describeCheck(id, definition as CheckDefinition),
    ),
  };
}
