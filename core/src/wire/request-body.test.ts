import { describe, expect, it } from 'vitest';
import { BodyRefusedError, readJsonBody, type IncomingBody } from './request-body';

const utf8 = new TextEncoder();

/** A request whose body arrives in `chunks`, counting how many of them were read. */
function requestOf(
  chunks: Uint8Array[],
  headers: Record<string, string> = { 'content-type': 'application/json' },
  failAfter?: number,
) {
  const read = { chunks: 0 };
  const request: IncomingBody = {
    headers,
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) {
        if (read.chunks === failAfter) throw new Error('aborted');
        await Promise.resolve();
        read.chunks += 1;
        yield chunk;
      }
    },
  };
  return { request, read };
}

describe('readJsonBody', () => {
  it('parses a body that arrives in pieces, a character cut between two of them', async () => {
    const bytes = utf8.encode('{"name":"Ελένη"}');
    const { request } = requestOf([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(await readJsonBody(request, { maxBytes: 1024 })).toEqual({ name: 'Ελένη' });
  });

  it('accepts a body of exactly the limit', async () => {
    const body = utf8.encode(JSON.stringify('x'.repeat(98)));
    expect(body.byteLength).toBe(100);
    const { request } = requestOf([body]);
    expect(await readJsonBody(request, { maxBytes: 100 })).toBe('x'.repeat(98));
  });

  it('refuses a body over the limit at the chunk that crosses it, reading no further', async () => {
    const chunk = utf8.encode('"' + 'x'.repeat(39));
    const { request, read } = requestOf([chunk, chunk, chunk, chunk]);
    const reading = readJsonBody(request, { maxBytes: 100 });
    await expect(reading).rejects.toBeInstanceOf(BodyRefusedError);
    await expect(reading).rejects.toMatchObject({
      refusal: 'too_large',
      status: 413,
      message: 'The request body is too large',
    });
    expect(read.chunks).toBe(3);
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const { request, read } = requestOf([utf8.encode('{}')], {
      'content-type': 'application/json',
      'content-length': '5000',
    });
    await expect(readJsonBody(request, { maxBytes: 100 })).rejects.toMatchObject({
      refusal: 'too_large',
    });
    expect(read.chunks).toBe(0);
  });

  it('refuses another media type, unread', async () => {
    const refused: Record<string, string>[] = [{ 'content-type': 'text/plain' }, {}];
    for (const headers of refused) {
      const { request, read } = requestOf([utf8.encode('{}')], headers);
      await expect(readJsonBody(request, { maxBytes: 100 })).rejects.toMatchObject({
        refusal: 'unsupported_media_type',
        status: 415,
      });
      expect(read.chunks).toBe(0);
    }
    const { request } = requestOf([utf8.encode('[]')], {
      'content-type': 'Application/JSON; charset=utf-8',
    });
    expect(await readJsonBody(request, { maxBytes: 100 })).toEqual([]);
  });

  it('says a body cut off by the caller is incomplete', async () => {
    const { request } = requestOf([utf8.encode('{"a"'), utf8.encode(':1}')], undefined, 1);
    await expect(readJsonBody(request, { maxBytes: 100 })).rejects.toMatchObject({
      refusal: 'incomplete',
      status: 400,
    });
  });

  it('refuses bytes that are not UTF-8, and text that is not JSON', async () => {
    const notUtf8 = requestOf([new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])]);
    await expect(readJsonBody(notUtf8.request, { maxBytes: 100 })).rejects.toMatchObject({
      refusal: 'not_utf8',
      message: 'The request body is not valid UTF-8',
    });
    const notJson = requestOf([utf8.encode('{"unterminated')]);
    await expect(readJsonBody(notJson.request, { maxBytes: 100 })).rejects.toMatchObject({
      refusal: 'not_json',
      message: 'The request body is not valid JSON',
    });
  });

  it('reads an empty body as `whenEmpty` where one is given, and refuses it otherwise', async () => {
    expect(await readJsonBody(requestOf([]).request, { maxBytes: 100, whenEmpty: {} })).toEqual({});
    await expect(readJsonBody(requestOf([]).request, { maxBytes: 100 })).rejects.toMatchObject({
      refusal: 'not_json',
    });
  });

  it('skips a byte-order mark', async () => {
    const { request } = requestOf([new Uint8Array([0xef, 0xbb, 0xbf]), utf8.encode('{"a":1}')]);
    expect(await readJsonBody(request, { maxBytes: 100 })).toEqual({ a: 1 });
  });
});
