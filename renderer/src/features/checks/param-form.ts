import { z } from 'zod';
import { CheckRequestSchema, type CheckCatalogEntry } from '@deskside/core';
import { fieldProblems } from '../../i18n/field-problems';

/**
 * A check's parameter form, generated from the JSON Schema its catalog entry carries: one
 * field per property, its kind from the property's type, its bounds and default from the
 * schema. What the analyst types is validated by the check's own zod schema before it is sent.
 */
export type ParamField = { name: string; required: boolean } & (
  | { kind: 'text'; defaultValue: string | null; maxLength: number | null }
  | {
      kind: 'number';
      integer: boolean;
      defaultValue: number | null;
      min: number | null;
      max: number | null;
    }
  | { kind: 'choice'; options: string[]; defaultValue: string | null }
  | { kind: 'numbers'; min: number | null; max: number | null }
);

const Bounds = { minimum: z.number().optional(), maximum: z.number().optional() };
const PropertySchema = z.union([
  z.object({
    type: z.literal('string'),
    enum: z.array(z.string()),
    default: z.string().optional(),
  }),
  z.object({
    type: z.literal('string'),
    default: z.string().optional(),
    maxLength: z.number().optional(),
  }),
  // An IPv4-or-IPv6 address and the like: any of several string shapes.
  z.object({ anyOf: z.array(z.object({ type: z.literal('string') })) }),
  z.object({ type: z.enum(['number', 'integer']), default: z.number().optional(), ...Bounds }),
  z.object({
    type: z.literal('array'),
    items: z.object({ type: z.enum(['number', 'integer']), ...Bounds }),
  }),
]);
const ObjectSchema = z.object({
  properties: z.record(z.string(), z.unknown()).default({}),
  required: z.array(z.string()).default([]),
});

function fieldOf(name: string, required: boolean, property: unknown): ParamField {
  const parsed = PropertySchema.safeParse(property);
  if (!parsed.success) {
    return { name, required, kind: 'text', defaultValue: null, maxLength: null };
  }
  const p = parsed.data;
  if ('enum' in p) {
    return { name, required, kind: 'choice', options: p.enum, defaultValue: p.default ?? null };
  }
  if ('anyOf' in p) return { name, required, kind: 'text', defaultValue: null, maxLength: null };
  if (p.type === 'string') {
    return {
      name,
      required,
      kind: 'text',
      defaultValue: p.default ?? null,
      maxLength: p.maxLength ?? null,
    };
  }
  if (p.type === 'array') {
    return {
      name,
      required,
      kind: 'numbers',
      min: p.items.minimum ?? null,
      max: p.items.maximum ?? null,
    };
  }
  return {
    name,
    required,
    kind: 'number',
    integer: p.type === 'integer',
    defaultValue: p.default ?? null,
    min: p.minimum ?? null,
    max: p.maximum ?? null,
  };
}

export function paramFields(entry: Pick<CheckCatalogEntry, 'params'>): ParamField[] {
  const schema = ObjectSchema.parse(entry.params);
  return Object.entries(schema.properties).map(([name, property]) =>
    fieldOf(name, schema.required.includes(name), property),
  );
}

/** The form's starting values: each default, as the analyst will see and may change it. */
export function initialValues(fields: readonly ParamField[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.kind !== 'numbers' && field.defaultValue !== null ? String(field.defaultValue) : '',
    ]),
  );
}

/** The parameters to send: blanks left out (the check's default applies), numbers as numbers. */
export function paramsFromValues(
  fields: readonly ParamField[],
  values: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const text = (values[field.name] ?? '').trim();
    if (text === '') continue;
    // A number that does not parse stays text, so validation names the field.
    const asNumber = (part: string) =>
      part.trim() !== '' && Number.isFinite(Number(part)) ? Number(part) : part;
    if (field.kind === 'number') params[field.name] = asNumber(text);
    else if (field.kind === 'numbers') params[field.name] = text.split(',').map(asNumber);
    else params[field.name] = text;
  }
  return params;
}

/**
 * The fields the check's own schema refuses, by name: `required` for one left blank that
 * the check needs, `invalid` for any other problem.
 */
export function paramProblems(
  checkId: string,
  params: Record<string, unknown>,
): Record<string, 'required' | 'invalid'> {
  const problems = fieldProblems(
    CheckRequestSchema,
    { checkId, params },
    { under: ['params'], depth: 1 },
  );
  return Object.fromEntries(
    Object.entries(problems).map(([name, { kind }]) => [
      name,
      kind === 'required' ? 'required' : 'invalid',
    ]),
  );
}
