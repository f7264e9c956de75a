import { z } from 'zod';
import { CountSchema, TextSchema } from '../facts/common';

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

/**
 * What a check implementation decides; the runner adds id, start time and duration. `F`: the
 * facts as the check's schema types them (`CheckOutcomeOf<'disk.free'>`).
 */
export interface CheckOutcome<F = CheckFacts> {
  status: CheckStatus;
  code: string;
  facts: F;
}

const NoFactsSchema = z.strictObject({});

/**
 * Codes any check may end with, besides its own: the runner's, not the check's, each with
 * the facts it carries. `check.timeout`: it ran longer than its timeout.
 * `check.unsupported_os`: it has no implementation for this OS. `check.cancelled`: the
 * caller went away first. `check.failed`: it broke in a way it did not foresee (the agent
 * logs the details; the caller gets no exception text). `check.invalid_params`: its
 * parameters failed the schema. `check.invalid_facts`: it answered facts its own schema does
 * not read, a bug the agent logs instead of sending a shape the console cannot read.
 */
export const commonCheckFacts = {
  'check.timeout': z.strictObject({ timeoutMs: CountSchema }),
  'check.unsupported_os': z.strictObject({ platform: TextSchema }),
  'check.cancelled': NoFactsSchema,
  'check.failed': NoFactsSchema,
  'check.invalid_params': NoFactsSchema,
  'check.invalid_facts': NoFactsSchema,
};

export type CommonCheckCode = keyof typeof commonCheckFacts;
export const COMMON_CHECK_CODES = Object.keys(commonCheckFacts) as CommonCheckCode[];

export function isCommonCheckCode(code: string): code is CommonCheckCode {
  return Object.hasOwn(commonCheckFacts, code);
}

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
