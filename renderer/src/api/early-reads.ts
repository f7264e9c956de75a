/**
 * Reads the first page needs, asked for by the page's entry (boot.ts) before the console's
 * code has loaded, so their answers arrive while that code is evaluated. Each answer goes,
 * unparsed, to the first call that asks for the same method and input (the API client
 * parses it as it parses any other); after that, or once they are a few seconds old, calls
 * go to the console as usual.
 */
import { canonicalJson, type ApiMethod } from '@deskside/core';

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

const started = new Map<string, Started>();

/** The same text for the same input, whatever the order of its keys (none is `{}`, as sent). */
const keyOf = (method: string, input: unknown) => `${method} ${canonicalJson(input ?? {})}`;

export function startEarlyReads(
  call: (method: ApiMethod, input: object) => Promise<unknown>,
  reads: readonly EarlyRead[],
  now: () => number = () => performance.now(),
): void {
  for (const { method, input } of reads) {
    const answer = call(method, input);
    // Not taken, a failure is nobody's: the page's own call asks again and shows it.
    void answer.catch(() => undefined);
    started.set(keyOf(method, input), { answer, at: now() });
  }
}

/** The early answer to exactly this call, once; undefined when there is none (any more). */
export function takeEarlyRead(
  method: string,
  input: unknown,
  now: () => number = () => performance.now(),
): Promise<unknown> | undefined {
  const key = keyOf(method, input);
  const read = started.get(key);
  if (!read) return undefined;
  started.delete(key);
  return now() - read.at <= EARLY_READ_MAX_AGE_MS ? read.answer : undefined;
}
