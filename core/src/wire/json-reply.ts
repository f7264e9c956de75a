/** Where a reply is written: Node's `ServerResponse` is one. */
export interface ReplyTarget {
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(body: Uint8Array): unknown;
}

const utf8 = new TextEncoder();

/**
 * An answer already serialised to UTF-8 JSON, which `sendJson` writes as it is. `T` is what
 * the bytes hold, for the compiler: a handler may answer with its document either as an
 * object or prepared (the agent's inventory, hundreds of kilobytes, is put together from
 * parts serialised once).
 */
export class PreparedJson<T = unknown> {
  declare readonly document?: T;
  constructor(readonly bytes: Uint8Array) {}

  /** The JSON text. */
  toString(): string {
    return new TextDecoder().decode(this.bytes);
  }
}

/**
 * Answers with `body` as JSON (a `PreparedJson` as its bytes): never cached, never sniffed as another type, its length
 * declared. `headers` add to these (security headers, Retry-After, Allow) but cannot change
 * the length.
 */
export function sendJson(
  target: ReplyTarget,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const payload = body instanceof PreparedJson ? body.bytes : utf8.encode(JSON.stringify(body));
  target.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
    'content-length': payload.byteLength,
  });
  target.end(payload);
}
