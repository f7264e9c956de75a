/**
 * Malformed requests for every route of core's `agentRoutes`, so routes added later are
 * fuzzed too: bodies and queries derived from each route's schemas and then broken, wrong
 * methods, paths, credentials and headers, bad bytes, unknown routes, and raw malformed HTTP.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { agentRoutes, type AgentRouteId, type AgentRouteSpec } from '@deskside/core';
import { rawRequests } from './raw';
import { deepJsonText, junk, mutated, nearValid, type JsonSchema } from './values';

export interface FuzzRequest {
  /** What kind of malformation, for the coverage count. */
  kind: string;
  /** The route it is aimed at, or null (unknown route, raw bytes). */
  route: AgentRouteId | null;
  method: string;
  target: string;
  headers: Record<string, string | string[]>;
  body: Buffer | null;
  /** When set, these exact bytes are sent over TLS instead (HTTP a client library refuses to send). */
  raw?: Buffer;
  /** Raw only: end the stream after the bytes. */
  halfClose?: boolean;
}

const routes = Object.entries(agentRoutes) as [AgentRouteId, AgentRouteSpec][];
const METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'PROPFIND',
  'PURGE',
];

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** How the pipeline reads a query (a key given twice is refused). */
function queryObject(target: string): Record<string, string> | null {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(target.split('?')[1] ?? '')) {
    if (Object.hasOwn(query, key)) return null;
    query[key] = value;
  }
  return query;
}

function parsedJson(body: Buffer | null): { ok: true; value: unknown } | { ok: false } {
  try {
    return {
      ok: true,
      value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body ?? Buffer.alloc(0))),
    };
  } catch {
    return { ok: false };
  }
}

/**
 * True when the agent would run the route's handler: right method and path, a credential
 * where needed, a query and a body its schemas accept. Fuzzing sends only requests for which
 * this is false (plus a few deliberate controls).
 */
export function wellFormed(request: FuzzRequest, credential: string): boolean {
  if (request.raw || !request.route) return false;
  const spec: AgentRouteSpec = agentRoutes[request.route];
  // The path as the pipeline reads it: up to a query or a fragment.
  const path = request.target.split(/[?#]/)[0];
  if (request.method !== spec.method || path !== spec.path) return false;
  if (spec.auth === 'console' && request.headers.authorization !== `Bearer ${credential}`)
    return false;
  // A route without a query schema ignores the query, whatever it holds.
  if (spec.query) {
    const query = queryObject(request.target);
    if (query === null || !spec.query.safeParse(query).success) return false;
  }
  if (!spec.body) return true;
  if (!/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) return false;
  const json = parsedJson(request.body);
  return json.ok && spec.body.safeParse(json.value).success;
}

/** JSON text of a value (`undefined`, a removed field, as null). */
const jsonText = (value: unknown): string => JSON.stringify(value === undefined ? null : value);
const json = (value: unknown) => Buffer.from(jsonText(value));

function authFor(spec: AgentRouteSpec, credential: string): fc.Arbitrary<Record<string, string>> {
  const valid = { authorization: `Bearer ${credential}` };
  return fc.oneof(
    { arbitrary: fc.constant(spec.auth === 'console' ? valid : {}), weight: 6 },
    fc.constant({}),
    fc.constantFrom(
      { authorization: 'Bearer' },
      { authorization: `Bearer ${credential}x` },
      { authorization: `bearer  ${credential}` },
      { authorization: `Basic ${Buffer.from(`a:${credential}`).toString('base64')}` },
      { authorization: `Bearer ${'A'.repeat(600)}` },
      { authorization: `Bearer ${credential}, Bearer ${credential}` },
    ),
  );
}

/** A route's body derived from its schema, broken (or a wrong type altogether). */
function schemaBodies(id: AgentRouteId, spec: AgentRouteSpec, credential: string) {
  const body = spec.body!;
  return fc
    .tuple(nearValid(jsonSchema(body)).chain(mutated), authFor(spec, credential))
    .map(([value, auth]): FuzzRequest => ({
      kind: 'schema-body',
      route: id,
      method: spec.method,
      target: spec.path,
      headers: { ...auth, 'content-type': 'application/json' },
      body: json(value),
    }));
}

/** A query derived from the route's query schema (or junk where it has none), broken. */
function schemaQueries(id: AgentRouteId, spec: AgentRouteSpec, credential: string) {
  const values = spec.query ? nearValid(jsonSchema(spec.query)).chain(mutated) : junk;
  const pairs = values.map((value): [string, string][] =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : jsonText(v)])
      : [['q', jsonText(value)]],
  );
  return fc
    .tuple(
      pairs,
      fc.boolean(),
      fc.constantFrom('', '&x=1&x=2', '&%ZZ=%E0%A4%A', '&' + 'k=v&'.repeat(300)),
    )
    .chain(([entries, duplicate, tail]) => {
      const text = new URLSearchParams(entries).toString();
      const target = `${spec.path}?${text}${duplicate ? `&${text}` : ''}${tail}`;
      return authFor(spec, credential).map((auth): FuzzRequest => ({
        kind: 'query',
        route: id,
        method: spec.method,
        target,
        headers: auth,
        body: null,
      }));
    });
}

/** Bodies that are not JSON, not UTF-8, too deep, too large, or of the wrong media type. */
const badBodyBytes = fc.oneof(
  fc
    .uint8Array({ maxLength: 200 })
    .map((bytes) => ({ name: 'random bytes', bytes: Buffer.from(bytes) })),
  fc.constantFrom(
    { name: 'bad utf-8', bytes: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]) },
    { name: 'overlong utf-8', bytes: Buffer.from([0x22, 0xc0, 0xaf, 0x22]) },
    { name: 'lone surrogate', bytes: Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]) },
    { name: 'utf-16', bytes: Buffer.from('{"code":"AAAAA00000"}', 'utf16le') },
    { name: 'bom', bytes: Buffer.from('\ufeff{"code":1}') },
    { name: 'empty', bytes: Buffer.alloc(0) },
    { name: 'truncated', bytes: Buffer.from('{"code":"AAAA') },
    { name: 'trailing comma', bytes: Buffer.from('{"code":"AAAAA00000",}') },
    { name: 'nan', bytes: Buffer.from('{"code":NaN}') },
    { name: 'huge number', bytes: Buffer.from(`{"code":${'9'.repeat(5_000)}}`) },
    { name: 'deep array', bytes: Buffer.from(deepJsonText(30_000, 'array')) },
    { name: 'deep object', bytes: Buffer.from(deepJsonText(10_000, 'object')) },
  ),
  fc
    .integer({ min: 70_000, max: 600_000 })
    .map((size) => ({ name: 'too large', bytes: Buffer.alloc(size, 0x20) })),
  fc.integer({ min: 1_000, max: 60_000 }).map((keys) => ({
    name: 'many keys',
    bytes: json(
      Object.fromEntries(Array.from({ length: Math.floor(keys / 12) }, (_, i) => [`k${i}`, i])),
    ),
  })),
);

function badBodies(id: AgentRouteId, spec: AgentRouteSpec, credential: string) {
  return fc
    .tuple(
      badBodyBytes,
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-16',
        'text/plain',
        'application/jsonx',
        '',
      ),
      fc.constantFrom(spec.method, 'POST', 'PUT'),
      authFor(spec, credential),
    )
    .map(([{ name, bytes }, type, method, auth]): FuzzRequest => ({
      kind: `body: ${name}`,
      route: id,
      method,
      target: spec.path,
      headers: { ...auth, ...(type ? { 'content-type': type } : {}) },
      body: bytes,
    }));
}

/** The right path with another method, a bent path, odd credentials or odd headers. */
function shapes(id: AgentRouteId, spec: AgentRouteSpec, credential: string) {
  const paths = [
    `${spec.path}/`,
    `${spec.path}//`,
    spec.path.toUpperCase(),
    `/v1/../${spec.path.slice(4)}`,
    `${spec.path}%00`,
    `${spec.path}/%2e%2e`,
    `/${spec.path}`,
    `${spec.path}#frag`,
    `${spec.path};x=1`,
    spec.path + '/x'.repeat(2_000),
  ];
  const oddHeaders = fc.constantFrom<Record<string, string | string[]>>(
    { 'x-forwarded-for': '203.0.113.9', forwarded: 'for=203.0.113.9' },
    { 'content-length': '0' },
    { expect: '100-continue' },
    { 'accept-encoding': 'gzip, br' },
    { 'x-long': 'v'.repeat(8_000) },
    { cookie: 'a=b; session=secret' },
    Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`x-h${i}`, String(i)])),
  );
  return fc
    .tuple(
      fc.constantFrom(...METHODS),
      fc.oneof({ arbitrary: fc.constant(spec.path), weight: 3 }, fc.constantFrom(...paths)),
      authFor(spec, credential),
      fc.oneof(fc.constant({}), oddHeaders),
    )
    .map(([method, path, auth, headers]): FuzzRequest => ({
      kind: path === spec.path ? 'method/auth/headers' : 'path',
      route: id,
      method,
      target: path,
      headers: { ...headers, ...auth },
      body: null,
    }));
}

const unknownRoutes = (credential: string) =>
  fc
    .tuple(
      fc.oneof(
        fc.webPath(),
        fc.string({ maxLength: 60 }).map((s) => `/v1/${encodeURIComponent(s)}`),
        fc.constantFrom(
          '/',
          '/v2/health',
          '/v1',
          '/admin',
          '/v1/checks/../../etc/passwd',
          '/favicon.ico',
        ),
      ),
      fc.constantFrom(...METHODS),
      fc.boolean(),
    )
    .map(([path, method, authed]): FuzzRequest => ({
      kind: 'unknown route',
      route: null,
      method,
      target: path.startsWith('/') ? path : `/${path}`,
      headers: authed ? { authorization: `Bearer ${credential}` } : {},
      body: null,
    }));

/** Every kind of malformed request, for every route. */
export function fuzzRequests(credential: string): fc.Arbitrary<FuzzRequest> {
  const perRoute = routes.flatMap(([id, spec]) => [
    ...(spec.body ? [{ arbitrary: schemaBodies(id, spec, credential), weight: 6 }] : []),
    { arbitrary: badBodies(id, spec, credential), weight: spec.body ? 4 : 1 },
    { arbitrary: schemaQueries(id, spec, credential), weight: spec.query ? 5 : 2 },
    { arbitrary: shapes(id, spec, credential), weight: 5 },
  ]);
  return fc.oneof(
    ...perRoute,
    { arbitrary: unknownRoutes(credential), weight: 2 * routes.length },
    { arbitrary: rawRequests(credential), weight: 3 * routes.length },
  );
}
