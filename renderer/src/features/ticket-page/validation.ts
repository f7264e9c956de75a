import type { z } from 'zod';
import type { TranslationKey } from '../../i18n/keys';

/** What is wrong with one field, as a translation key and its values. */
export interface FieldProblem {
  key: TranslationKey;
  values: Record<string, number>;
}

/**
 * Checks a form's input against the contract's own schema before it is sent, and says what is
 * wrong per field in words the UI translates (the schemas' messages are English).
 */
export function fieldProblems(schema: z.ZodType, input: unknown): Record<string, FieldProblem> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const problems: Record<string, FieldProblem> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path in problems) continue;
    problems[path] = describe(issue);
  }
  return problems;
}

function describe(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    const minimum = Number(issue.minimum);
    return minimum <= 1
      ? { key: 'ticket.form.required', values: {} }
      : { key: 'ticket.form.tooShort', values: { minimum } };
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return { key: 'ticket.form.required', values: {} };
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { key: 'ticket.form.tooLong', values: { maximum: Number(issue.maximum) } };
  }
  return { key: 'ticket.form.invalid', values: {} };
}
