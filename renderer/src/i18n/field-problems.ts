import type { z } from 'zod';

/**
 * What is wrong with a field, as a form says it: each form's catalog has a message per kind
 * (`ticket.form.tooShort`, `checks.form.required`), filled with `values`.
 */
export const PROBLEM_KINDS = [
  'required',
  'tooShort',
  'tooLong',
  'invalid',
  'email',
  'phone',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface FieldProblem {
  kind: ProblemKind;
  values: Record<string, number>;
}

export interface FieldLayout {
  /** Where the form's fields are in the input: `['params']` for a check's parameters. */
  under?: readonly PropertyKey[];
  /** How many path segments name a field; a problem deeper down (a list's item) is its field's. */
  depth?: number;
}

/**
 * Checks a form's input against the contract's own schema before it is sent, and says what
 * is first wrong with each field, by its path (joined with dots). The schemas' own messages
 * are English; these are for the UI to translate.
 */
export function fieldProblems(
  schema: z.ZodType,
  input: unknown,
  { under = [], depth = Infinity }: FieldLayout = {},
): Record<string, FieldProblem> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const problems: Record<string, FieldProblem> = {};
  for (const issue of result.error.issues) {
    if (!under.every((key, index) => issue.path[index] === key)) continue;
    const field = issue.path.slice(under.length, under.length + depth);
    const path = field.map(String).join('.');
    if (field.length === 0 || path in problems) continue;
    problems[path] = describe(issue, valueAt(input, [...under, ...field]));
  }
  return problems;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(issue: z.core.$ZodIssue, value: unknown): FieldProblem {
  if (value === undefined) return { kind: 'required', values: {} };
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const minimum = Number(issue.minimum);
    return minimum <= 1
      ? { kind: 'required', values: {} }
      : { kind: 'tooShort', values: { minimum } };
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return { kind: 'required', values: {} };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { kind: 'tooLong', values: { maximum: Number(issue.maximum) } };
  }
  return { kind: 'invalid', values: {} };
}
