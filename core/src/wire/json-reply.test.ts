import { describe, expect, it } from 'vitest';
import { PreparedJson, sendJson, type ReplyTarget } from './json-reply';

function target() {
  const written: { status?: number; headers?: Record<string, string | number>; body?: string } = {};
  const reply: ReplyTarget = {
    writeHead(status, headers) {
      written.status = status;
      written.headers = headers;
    },
    end(body) {
      written.body = new TextDecoder().decode(body);
    },
  };
  return { reply, written };
}

describe('sendJson', () => {
  it('writes the body as JSON with its length in bytes, not characters', () => {
    const { reply, written } = target();
    sendJson(reply, 200, { name: 'Ελένη' });
    expect(written.status).toBe(200);
    expect(JSON.parse(written.body!)).toEqual({ name: 'Ελένη' });
    expect(written.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-length': 21,
    });
  });

  it('adds the caller’s headers, which cannot change the length', () => {
    const { reply, written } = target();
    sendJson(reply, 429, { error: 'slow down' }, { 'retry-after': '3', 'content-length': '1' });
    expect(written.status).toBe(429);
    expect(written.headers).toMatchObject({ 'retry-after': '3', 'content-length': 21 });
  });

  it('writes prepared JSON as its bytes, exactly', () => {
    const { reply, written } = target();
    // Spacing JSON.stringify would not produce: only the prepared bytes can explain it.
    const text = '{ "name":  "Ελένη" }';
    sendJson(reply, 200, new PreparedJson(new TextEncoder().encode(text)));
    expect(written.body).toBe(text);
    expect(written.headers).toMatchObject({ 'content-length': 25 });
  });
});
