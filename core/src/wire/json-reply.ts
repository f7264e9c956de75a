/** Where a reply is written: Node's `ServerResponse` is one. */
export interface ReplyTarget {
  writeHead(status: number, headers: Record<string, string | number>): unknown;
  end(body: Uint8Array): unknown;
}

const utf8 = new TextEncoder();

/**
 * Answers with `body` as JSON: never cached, never sniffed as another type, its length
 * declared. `headers` add to these (security headers, Retry-After, Allow) but cannot change
 * the length.
 */
export function sendJson(
  target: ReplyTarget,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const payload = utf8.encode(JSON.stringify(body));
  target.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
    'content-length': payload.byteLength,
  });
  target.end(payload);
}
