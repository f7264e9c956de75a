/**
 * Values for fuzzing the agent: near-valid values read from a route's JSON schema, and the
 * junk to break them with (wrong types, huge strings, deep nesting, odd Unicode).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

/** Nesting `depth` levels deep, as JSON text: `[[[...]]]` or `{"a":{"a":...}}`. */
export const deepJsonText = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const hugeString = fc
  .tuple(
    fc.integer({ min: 1_000, max: 40_000 }),
    fc.constantFrom('x', 'é', '😀', '\u0000', '"', '\\'),
  )
  .map(([length, unit]) => unit.repeat(length));

const deepValue = fc
  .tuple(
    fc.integer({ min: 50, max: 3_000 }),
    fc.constantFrom<'array' | 'object'>('array', 'object'),
  )
  .map(([depth, kind]) => JSON.parse(deepJsonText(depth, kind)) as unknown);

/** Values of the wrong type or shape for almost any field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 0.5, '', ' ', [], {}, '0', 'null'),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '$(touch /tmp/x)',
    '; rm -rf /',
    '`id`',
    '../../etc/passwd',
    '\r\nX: y',
    '%00',
    '\u202e',
  ),
  hugeString,
  deepValue,
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as unknown,
  ),
);

function patternString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, 'u'));
    } catch {
      // A pattern fast-check cannot generate from: any string will do, it is mutated anyway.
    }
  }
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 20, 60),
  });
}

/** A value shaped as `schema` describes, mostly valid: the starting point for mutations. */
export function nearValid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => nearValid(choice, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, child]) => [key, nearValid(child, depth + 1)]),
        ),
        { requiredKeys: [...required].filter((key) => key in properties) },
      );
      return record;
    }
    case 'array':
      return fc.array(nearValid(schema.items ?? {}, depth + 1), {
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'string':
      return patternString(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1_000,
        max: schema.maximum ?? 1_000,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  }
  return out;
}

function replaceAt(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    if (remove && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement, remove);
    return copy;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (remove && rest.length === 0)
    return Object.fromEntries(entries.filter(([key]) => key !== head));
  const record = Object.fromEntries(entries);
  record[String(head)] = replaceAt(record[String(head)], rest, replacement, remove);
  return record;
}

/** `value` broken in one of several ways: a part replaced, removed, added, or wrapped. */
export function mutated(value: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(value);
  const objectPaths = paths.filter((path) => {
    const at = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
    return typeof at === 'object' && at !== null && !Array.isArray(at);
  });
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(fc.constantFrom(...paths), junk)
      .map(([path, replacement]) => replaceAt(value, path, replacement)),
    junk,
    fc.constant([value]),
  ];
  if (paths.length > 1) {
    options.push(
      fc.constantFrom(...paths.slice(1)).map((path) => replaceAt(value, path, undefined, true)),
    );
  }
  if (objectPaths.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...objectPaths), fc.string({ maxLength: 12 }), junk)
        .map(([path, key, extra]) => replaceAt(value, [...path, key], extra)),
    );
  }
  return fc.oneof(...options);
}
