import { z } from 'zod';

/**
 * What a check says, in a form no language owns: a status, a stable `code` the console
 * translates (`disk.free.low`) and `facts`, plain JSON the translation fills in.
 */

export const CheckStatusSchema = z.enum(['pass', 'warn', 'fail', 'error']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** The operating systems the agent runs on, as Node's `process.platform` names them. */
export const CheckOsSchema = z.enum(['linux', 'win32', 'darwin']);
export type CheckOs = z.infer<typeof CheckOsSchema>;

/** How the console reaches the machine a check runs on. */
export const CheckTransportSchema = z.enum(['agent-https', 'ssh', 'nats']);
export type CheckTransport = z.infer<typeof CheckTransportSchema>;

export const CheckIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:[._][a-z0-9]+)*$/, 'A check id such as disk.free');

export const CheckCodeSchema = z
  .string()
  .max(96)
  .regex(/^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/, 'A result code such as disk.free.low');

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Whether a value survives JSON unchanged: no undefined, functions, NaN, Dates or classes. */
function isPlainJson(value: unknown, depth = 0): value is JsonValue {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => isPlainJson(item, depth + 1));
}

/**
 * A check's facts: plain JSON by field name. (Checked by a refinement rather than a
 * recursive schema, so the OpenAPI document stays free of self-references.)
 */
export const CheckFactsSchema = z
  .record(z.string(), z.unknown())
  .refine((facts) => isPlainJson(facts), 'Facts must be plain JSON') as unknown as z.ZodType<
  Record<string, JsonValue>
>;
export type CheckFacts = z.infer<typeof CheckFactsSchema>;

export const CheckResultSchema = z.object({
  checkId: CheckIdSchema,
  status: CheckStatusSchema,
  code: CheckCodeSchema,
  facts: CheckFactsSchema,
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** What a check implementation decides; the runner adds id, start time and duration. */
export interface CheckOutcome {
  status: CheckStatus;
  code: string;
  facts: CheckFacts;
}

/**
 * Codes any check may end with, besides its own: the runner's, not the check's.
 * `check.timeout`: it ran longer than its timeout. `check.unsupported_os`: it has no
 * implementation for this OS. `check.cancelled`: the caller went away first.
 * `check.failed`: it broke in a way it did not foresee (the agent logs the details; the
 * caller gets no exception text). `check.invalid_params`: its parameters failed the schema.
 */
export const COMMON_CHECK_CODES = [
  'check.timeout',
  'check.unsupported_os',
  'check.cancelled',
  'check.failed',
  'check.invalid_params',
] as const;

const SEVERITY: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2, error: 3 };

/** The most severe of some statuses (`error` outranks `fail`: the machine could not tell). */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

/**
 * Where a measured value falls against a warn and a fail threshold. `above`: higher is worse
 * (memory in use); `below`: lower is worse (free disk space). Strictly, as the parameter
 * names say: `warnAbovePercent: 85` warns from just over 85.
 */
export function thresholdStatus(
  value: number,
  thresholds: { warn: number; fail: number },
  direction: 'above' | 'below',
): 'pass' | 'warn' | 'fail' {
  const worse = (limit: number) => (direction === 'above' ? value > limit : value < limit);
  if (worse(thresholds.fail)) return 'fail';
  if (worse(thresholds.warn)) return 'warn';
  return 'pass';
}
