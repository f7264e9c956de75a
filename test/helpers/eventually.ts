/**
 * Reads `read()` until `condition` holds, every `everyMs`; after `ms`, fails naming `what`
 * and the last value read. For states that other processes reach in their own time (a
 * NATS server's delivery, an agent's heartbeat).
 */
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
