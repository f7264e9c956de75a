import type { CheckCatalogEntry } from '@deskside/core';

/** A mistake on the command line, told back with the option at fault. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

interface PropertySchema {
  type?: string;
  items?: PropertySchema;
}

const camelCase = (name: string) =>
  name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
export const kebabCase = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Turns a command-line value into what the parameter's JSON Schema type says. A value that
 * does not convert stays text, so the check's own schema refuses it with its message.
 */
function convert(value: string, schema: PropertySchema | undefined): unknown {
  switch (schema?.type) {
    case 'number':
    case 'integer':
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return value.split(',').map((item) => convert(item.trim(), schema.items));
    default:
      return value;
  }
}

/**
 * `--path /var --warn-below-percent 10` (or `--path=/var`) -> `{ path: '/var',
 * warnBelowPercent: 10 }`, typed by the check's parameter schema. Every parameter needs a
 * value; the same parameter twice is refused.
 */
export function parseCheckParams(
  entry: CheckCatalogEntry,
  tokens: readonly string[],
): Record<string, unknown> {
  const properties = (entry.params.properties ?? {}) as Record<string, PropertySchema>;
  const params: Record<string, unknown> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const option = /^--([A-Za-z][A-Za-z0-9-]*)(?:=(.*))?$/s.exec(token);
    if (!option)
      throw new CliUsageError(
        `${entry.id}: unexpected argument ${JSON.stringify(token)}; parameters are --name value`,
      );
    const flag = `--${option[1]!}`;
    const name = camelCase(option[1]!);
    if (!Object.hasOwn(properties, name)) {
      const known = Object.keys(properties).map((key) => `--${kebabCase(key)}`);
      throw new CliUsageError(
        `${entry.id}: ${flag} is not a parameter of this check${known.length ? ` (it takes ${known.join(', ')})` : ' (it takes none)'}`,
      );
    }
    let value = option[2];
    if (value === undefined) {
      value = tokens[i + 1];
      if (value === undefined) throw new CliUsageError(`${entry.id}: ${flag} needs a value`);
      i++;
    }
    if (Object.hasOwn(params, name)) throw new CliUsageError(`${entry.id}: ${flag} is given twice`);
    params[name] = convert(value, properties[name]);
  }
  return params;
}

/** `name` / `path?` / `warnBelowPercent=15`: what a parameter list looks like in help. */
export function describeParams(entry: CheckCatalogEntry): string {
  const properties = (entry.params.properties ?? {}) as Record<string, { default?: unknown }>;
  const required = new Set((entry.params.required ?? []) as string[]);
  return Object.entries(properties)
    .map(([name, schema]) => {
      const flag = `--${kebabCase(name)}`;
      if (required.has(name)) return `${flag} <value>`;
      return schema.default === undefined
        ? `[${flag}]`
        : `[${flag} ${JSON.stringify(schema.default)}]`;
    })
    .join(' ');
}
