import type { CheckFacts } from '@deskside/core';
import { Facts } from '../../components/Facts';

type JsonValue = CheckFacts[string];

const isPlain = (value: JsonValue) => value === null || typeof value !== 'object';

/** A fact's value as recorded: plain values as they are, a list of them joined, the rest JSON. */
export function recordedValue(value: JsonValue): string {
  if (isPlain(value)) return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every(isPlain)) {
    return value.map(String).join(', ');
  }
  return JSON.stringify(value);
}

/**
 * A result's facts key by key, as the agent recorded them: language-neutral names and values,
 * read with no schema, so any facts show, whatever agent sent them.
 */
export function RecordedFacts({ facts }: { facts: CheckFacts }) {
  return (
    <Facts items={Object.entries(facts).map(([name, value]) => [name, recordedValue(value)])} />
  );
}
