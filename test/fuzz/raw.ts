/** HTTP that no client library sends: broken request lines, headers and framing, as bytes. */
import fc from 'fast-check';
import { agentRoutes } from '@deskside/core';
import type { FuzzRequest } from './requests';

const paths = Object.values(agentRoutes).map((spec) => spec.path);

/** A request ending in `Connection: close`, so the agent closes once it has answered. */
const request = (line: string, headers: string[], body = ''): string =>
  [line, 'Host: 127.0.0.1', ...headers, 'Connection: close', '', body].join('\r\n');

function templates(credential: string): fc.Arbitrary<{ name: string; text: string | Buffer }> {
  // Not the credential: the parser accepts some of these leniently (HTTP/1.0, a bare LF),
  // and a raw request is about the parser, not about running a handler.
  const auth = `Authorization: Bearer not-${credential}`;
  return fc.constantFrom(...paths).chain((path) => {
    const json = 'Content-Type: application/json';
    const post = (name: string, headers: string[], body: string) => ({
      name,
      text: request(`POST ${path} HTTP/1.1`, [auth, json, ...headers], body),
    });
    return fc.constantFrom(
      { name: 'unknown method', text: request(`FROB ${path} HTTP/1.1`, [auth]) },
      { name: 'lower-case method', text: request(`get ${path} HTTP/1.1`, [auth]) },
      { name: 'CONNECT', text: request(`CONNECT 127.0.0.1:22 HTTP/1.1`, [auth]) },
      { name: 'absolute form', text: request(`GET https://127.0.0.1${path} HTTP/1.1`, [auth]) },
      { name: 'asterisk form', text: request('OPTIONS * HTTP/1.1', []) },
      { name: 'HTTP/1.0', text: `GET ${path} HTTP/1.0\r\n${auth}\r\n\r\n` },
      { name: 'HTTP/0.9', text: `GET ${path}\r\n\r\n` },
      { name: 'HTTP/2 preface', text: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
      { name: 'bad version', text: request(`GET ${path} HTTP/9.9`, [auth]) },
      { name: 'no Host', text: `GET ${path} HTTP/1.1\r\n${auth}\r\nConnection: close\r\n\r\n` },
      {
        name: 'space in header name',
        text: request(`GET ${path} HTTP/1.1`, ['Bad Header: x', auth]),
      },
      {
        name: 'control char in value',
        text: request(`GET ${path} HTTP/1.1`, ['X-A: a\u0001b', auth]),
      },
      { name: 'obs-fold', text: request(`GET ${path} HTTP/1.1`, ['X-A: a', ' folded', auth]) },
      {
        name: 'non-ASCII credential',
        text: request(`GET ${path} HTTP/1.1`, [`Authorization: Bearer ${credential}\u00e9`]),
      },
      { name: 'bare LF', text: `GET ${path} HTTP/1.1\nHost: x\n${auth}\nConnection: close\n\n` },
      {
        name: 'header overflow',
        text: request(`GET ${path} HTTP/1.1`, [`X-Big: ${'a'.repeat(20_000)}`, auth]),
      },
      {
        name: 'path overflow',
        text: request(`GET ${path}?${'a'.repeat(20_000)} HTTP/1.1`, [auth]),
      },
      post('two Content-Length', ['Content-Length: 2', 'Content-Length: 3'], '{}'),
      post('negative Content-Length', ['Content-Length: -1'], '{}'),
      post(
        'TE and CL (smuggling)',
        ['Content-Length: 4', 'Transfer-Encoding: chunked'],
        '0\r\n\r\n',
      ),
      post('bad chunk size', ['Transfer-Encoding: chunked'], 'zz\r\n{}\r\n0\r\n\r\n'),
      post('chunked junk', ['Transfer-Encoding: chunked'], '2\r\n{}\r\n0\r\nX: y\r\n\r\n'),
      post('body shorter than declared, then half-closed', ['Content-Length: 400'], '{"code":'),
      {
        name: 'upgrade',
        text: request(`GET ${path} HTTP/1.1`, [
          auth,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        ]),
      },
      { name: 'NUL in path', text: request(`GET ${path}\u0000x HTTP/1.1`, [auth]) },
      {
        name: 'raw UTF-8 path',
        text: Buffer.from(request(`GET ${path}/é😀 HTTP/1.1`, [auth]), 'utf8'),
      },
      {
        name: 'latin-1 bytes',
        text: Buffer.concat([
          Buffer.from(`GET ${path}/`),
          Buffer.from([0xff, 0xfe, 0x80]),
          Buffer.from(` HTTP/1.1\r\nHost: x\r\n${auth}\r\nConnection: close\r\n\r\n`),
        ]),
      },
    );
  });
}

/** Raw malformed requests, and plain random bytes. */
export function rawRequests(credential: string): fc.Arbitrary<FuzzRequest> {
  const garbage = fc
    .uint8Array({ minLength: 1, maxLength: 300 })
    .map((bytes): { name: string; text: string | Buffer } => ({
      name: 'random bytes',
      text: Buffer.from(bytes),
    }));
  return fc
    .oneof({ arbitrary: templates(credential), weight: 5 }, garbage)
    .map(({ name, text }): FuzzRequest => ({
      kind: `raw: ${name}`,
      route: null,
      method: '',
      target: '',
      headers: {},
      body: null,
      raw: typeof text === 'string' ? Buffer.from(text, 'latin1') : text,
      // Without the end of the stream, the agent would wait for the rest of the body.
      halfClose: name.includes('half-closed'),
    }));
}
