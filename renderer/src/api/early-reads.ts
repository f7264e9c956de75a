/**
 * Reads the first page needs, asked for by the page's entry (boot.ts) before the console's
 * code has loaded, so their answers arrive while that code is evaluated. Each answer goes,
 * unparsed, to the first call that asks for the same method and input (the API client
 * parses it as it parses any other); after that, or once they are a few seconds old, calls
 * go to the console as usual.
 */
import type { ApiMethod } from '@deskside/core';
import { canonicalJson } from '@deskside/core/schema-free';

export interface EarlyRead {
  method: ApiMethod;
  input: object;
}

/** Older than this, an early answer is not used: the call asks the console again. */
export const EARLY_READ_MAX_AGE_MS = 10_000;

interface Started {
  answer: Promise<unknown>;
  at: number;
}

/** By method, then by the input's canonical JSON: a call to any other method costs a lookup. */
const started = new Map<string, Map<string, Started>>();

/**
 * The same text for the same input, whatever the order of its keys (none is `{}`, as sent);
 * undefined for an input JSON cannot state exactly (a form's NaN), which no early read has.
 */
function keyOf(input: unknown): string | undefined {
  try {
    return canonicalJson(input ?? {});
  } catch {
    return undefined;
  }
}

export function startEarlyReads(
  call: (method: ApiMethod, input: object) => Promise<unknown>,
  reads: readonly EarlyRead[],
  now: () => number = () => performance.now(),
): void {
  for (const { method, input } of reads) {
    const key = keyOf(input);
    if (key === undefined) continue;
    const answer = call(method, input);
    // Not taken, a failure is nobody's: the page's own call asks again and shows it.
    void answer.catch(() => undefined);
    const forMethod = started.get(method) ?? new Map<string, Started>();
    forMethod.set(key, { answer, at: now() });
    started.set(method, forMethod);
  }
}

/** The early answer to exactly this call, once; undefined when there is none (any more). */
export function takeEarlyRead(
  method: string,
  input: unknown,
  now: () => number = () => performance.now(),
): Promise<unknown> | undefined {
  const forMethod = started.get(method);
  if (!forMethod) return undefined;
  const key = keyOf(input);
  const read = key === undefined ? undefined : forMethod.get(key);
  if (!read || key === undefined) return undefined;
  forMethod.delete(key);
  if (forMethod.size === 0) started.delete(method);
  return now() - read.at <= EARLY_READ_MAX_AGE_MS ? read.answer : undefined;
}

/** Forgets every early answer: they were asked for before the analyst signed in. */
export function dropEarlyReads(): void {
  started.clear();
}
