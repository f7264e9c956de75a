import { z } from 'zod';
import {
  checkCatalog,
  type CatalogCheckId,
  type CheckParams,
  type CheckParamsInput,
} from './catalog';
import { CheckIdSchema, CheckResultSchema, CheckStatusSchema } from './result';

/** The most checks one request may ask for (a technician's whole catalog fits with room). */
export const MAX_CHECKS_PER_REQUEST = 32;

/** One check to run, as a caller sends it. */
export type CheckRequestInput = {
  [K in CatalogCheckId]: { checkId: K; params?: CheckParamsInput<K> };
}[CatalogCheckId];
/** One check to run, validated: known id, parameters complete. */
export type CheckRequest = {
  [K in CatalogCheckId]: { checkId: K; params: CheckParams<K> };
}[CatalogCheckId];

const variants = Object.entries(checkCatalog).map(([id, definition]) =>
  z
    .object({
      checkId: z.literal(id),
      params: (definition.params as z.ZodType<object, object>).prefault({}),
    })
    .strict(),
);

/**
 * A check id with its parameters, each validated by that check's own schema. An unknown id
 * or a bad parameter is refused with the path of the offending field
 * (`checks.2.params.host`).
 */
export const CheckRequestSchema = z.discriminatedUnion(
  'checkId',
  variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]],
  {
    error: 'Unknown check id (the catalog lists them)',
  },
) as unknown as z.ZodType<CheckRequest, CheckRequestInput>;

export const RunChecksRequestSchema = z
  .object({
    checks: z
      .array(CheckRequestSchema)
      .min(1, 'Ask for at least one check')
      .max(MAX_CHECKS_PER_REQUEST, `At most ${MAX_CHECKS_PER_REQUEST} checks per request`),
  })
  .strict();
export type RunChecksRequest = z.output<typeof RunChecksRequestSchema>;
export type RunChecksRequestInput = z.input<typeof RunChecksRequestSchema>;

/** The results of a batch, in the order the checks were asked for. */
export const RunChecksResponseSchema = z.object({ results: z.array(CheckResultSchema) });
export type RunChecksResponse = z.infer<typeof RunChecksResponseSchema>;

const IndexSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_CHECKS_PER_REQUEST - 1);

/**
 * Progress of a batch, one event per line (NDJSON): `accepted` first, then `started` and
 * `result` per check as they happen (checks run in parallel, so in any order), `done` last.
 * A stream without `done` was cut short.
 */
export const CheckRunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('accepted'),
    checks: z.array(z.object({ index: IndexSchema, checkId: CheckIdSchema })),
  }),
  z.object({ type: z.literal('started'), index: IndexSchema, checkId: CheckIdSchema }),
  z.object({ type: z.literal('result'), index: IndexSchema, result: CheckResultSchema }),
  z.object({
    type: z.literal('done'),
    counts: z.record(CheckStatusSchema, z.number().int().nonnegative()),
    durationMs: z.number().nonnegative(),
  }),
]);
export type CheckRunEvent = z.infer<typeof CheckRunEventSchema>;
