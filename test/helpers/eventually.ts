/** Reads `read` every `everyMs` until `condition` holds; fails after `ms` naming `what`. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  condition: (value: T) => boolean,
  what: string,
  ms = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (condition(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`Still not true after ${ms} ms: ${what} (last: ${JSON.stringify(value)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
