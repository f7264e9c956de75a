import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  BodyRefusedError,
  agentRouteTable,
  readJsonBody,
  sendJson,
  type AgentErrorCode,
  type AgentRouteId,
  type AgentRouteSpec,
  type AgentRouteTarget,
  type BodyRefusal,
} from '@deskside/core';
import type { Authenticator, RequestContext, RequestHooks } from './context';
import { AgentError } from './errors';
import type { AgentHandlers } from './handlers';
import type { AgentIdentity } from './identity';
import type * as RouteSchemas from './route-schemas';
import type { AgentLogger } from '../log';
import { EMPTY_BODY_SHA256 } from '../security/signed-requests';

let routeSchemas: Promise<typeof RouteSchemas> | undefined;
/** Loaded once, by the first request that passes authentication. */
const loadRouteSchemas = () => (routeSchemas ??= import('./route-schemas'));

export interface AgentServerOptions {
  identity: AgentIdentity;
  authenticator: Authenticator;
  handlers: AgentHandlers;
  hooks?: RequestHooks[];
  logger: AgentLogger;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

type Reply = { kind: 'json'; body: unknown } | { kind: 'stream'; values: AsyncIterable<unknown> };

/**
 * Writes a streaming route's values as NDJSON as they come, respecting backpressure, and
 * stops when the caller goes away.
 */
async function sendStream(res: ServerResponse, values: AsyncIterable<unknown>): Promise<void> {
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  for await (const value of values) {
    if (res.destroyed) break; // Leaving the loop ends the producer too.
    if (!res.write(`${JSON.stringify(value)}\n`)) {
      await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
  }
  res.end();
}

/** The request's path without its query, or null when the request target is not a path. */
function targetPath(target: string): string | null {
  if (!target.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

function firstIssue(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  const field = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `Invalid ${where}: ${field}${issue?.message ?? 'invalid'}`;
}

function queryObject(target: string): Record<string, string> {
  const index = target.indexOf('?');
  if (index === -1) return {};
  const params = new URLSearchParams(target.slice(index + 1));
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(query, key))
      throw new AgentError('bad_request', `Query parameter ${key} is given twice`);
    query[key] = value;
  }
  return query;
}

const BODY_REFUSAL_CODE: Record<BodyRefusal, AgentErrorCode> = {
  unsupported_media_type: 'unsupported_media_type',
  too_large: 'payload_too_large',
  incomplete: 'bad_request',
  not_utf8: 'bad_request',
  not_json: 'bad_request',
};

/**
 * Reads a JSON body. When the caller's signature names the body's hash, the body read must
 * have that hash: a signed request cannot be given another body on its way.
 */
async function readBody(
  req: IncomingMessage,
  maxBytes: number,
  signedSha256?: string,
): Promise<unknown> {
  try {
    if (signedSha256 === undefined) return await readJsonBody(req, { maxBytes });
    const hash = createHash('sha256');
    const hashed = {
      headers: req.headers,
      async *[Symbol.asyncIterator]() {
        for await (const chunk of req as AsyncIterable<Uint8Array>) {
          hash.update(chunk);
          yield chunk;
        }
      },
    };
    const body = await readJsonBody(hashed, { maxBytes });
    if (hash.digest('hex') !== signedSha256) throw new AgentError('unauthorized');
    return body;
  } catch (error) {
    if (!(error instanceof BodyRefusedError)) throw error;
    throw new AgentError(BODY_REFUSAL_CODE[error.refusal], error.message);
  }
}

/**
 * The agent's HTTPS API: the routes of core's `agentRoutes`, each answered by its handler
 * after the caller is authenticated (where the route needs it) and its query and body have
 * passed their schemas. Every failure is answered with a stable code and a safe message.
 */
export function createAgentServer(options: AgentServerOptions): https.Server {
  const { identity, authenticator, handlers, logger } = options;
  const hooks = options.hooks ?? [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const byPath = new Map<string, Map<string, AgentRouteId>>();
  for (const [id, spec] of Object.entries(agentRouteTable) as [AgentRouteId, AgentRouteTarget][]) {
    const methods = byPath.get(spec.path) ?? new Map<string, AgentRouteId>();
    methods.set(spec.method, id);
    byPath.set(spec.path, methods);
  }

  async function dispatch(ctx: RequestContext): Promise<Reply> {
    const { req } = ctx;
    for (const hook of hooks) await hook.onRequest?.(ctx);
    if (ctx.path === null) throw new AgentError('bad_request', 'The request target must be a path');
    const methods = byPath.get(ctx.path);
    const routeId = methods?.get(req.method ?? '');
    const open = routeId !== undefined && agentRouteTable[routeId].auth === 'none';
    // Authenticate before telling whether a route or a method exists.
    if (!open) {
      ctx.caller = await authenticator.authenticate(req);
      if (!ctx.caller)
        throw new AgentError('unauthorized', undefined, { 'www-authenticate': 'Bearer' });
    }
    if (!methods) throw new AgentError('not_found');
    if (routeId === undefined) {
      throw new AgentError('method_not_allowed', undefined, {
        allow: [...methods.keys()].join(', '),
      });
    }
    ctx.routeId = routeId;
    for (const hook of hooks) await hook.onAuthenticated?.(ctx);

    const spec: AgentRouteSpec = (await loadRouteSchemas()).agentRoutes[routeId];
    const query = spec.query?.safeParse(queryObject(req.url ?? ''));
    if (query && !query.success)
      throw new AgentError('bad_request', firstIssue(query.error, 'query'));
    let body: z.ZodSafeParseResult<unknown> | undefined;
    const signedBody = ctx.caller?.bodySha256;
    if (!spec.body && signedBody !== undefined && signedBody !== EMPTY_BODY_SHA256) {
      throw new AgentError('unauthorized');
    }
    if (spec.body) {
      body = spec.body.safeParse(await readBody(req, maxBodyBytes, signedBody));
      if (!body.success)
        throw new AgentError('bad_request', firstIssue(body.error, 'request body'));
    }
    const handler = handlers[routeId] as (ctx: RequestContext, input: unknown) => unknown;
    const answer = handler(ctx, { query: query?.data, body: body?.data });
    return spec.stream
      ? { kind: 'stream', values: (await answer) as AsyncIterable<unknown> }
      : { kind: 'json', body: await answer };
  }

  const server = https.createServer(
    {
      key: identity.keyPem,
      cert: identity.certPem,
      minVersion: 'TLSv1.2',
      requestTimeout: 30_000,
      headersTimeout: 10_000,
    },
    (req, res) => {
      const requestId = randomUUID();
      const started = performance.now();
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const ctx: RequestContext = {
        requestId,
        req,
        remoteAddress: req.socket.remoteAddress ?? '',
        path: targetPath(req.url ?? ''),
        routeId: null,
        caller: null,
        log: logger.child({ requestId }),
        signal: gone.signal,
        audit: {},
      };
      let errorCode: string | null = null;
      dispatch(ctx)
        .then(async (reply) => {
          if (reply.kind === 'json') sendJson(res, 200, reply.body);
          else await sendStream(res, reply.values);
        })
        .catch((error: unknown) => {
          const known = error instanceof AgentError ? error : new AgentError('internal');
          if (!(error instanceof AgentError)) ctx.log.error({ err: error }, 'request failed');
          errorCode = known.code;
          // A stream already under way cannot change its status: cut it, so the caller sees
          // it end without its last line.
          if (res.headersSent) {
            res.destroy();
            return;
          }
          // A body we stopped reading is not worth waiting for: answer and close.
          if (!req.complete) res.setHeader('connection', 'close');
          sendJson(res, known.status, known.toResponse(), known.headers);
        })
        .finally(() => {
          if (!req.complete) res.once('finish', () => req.destroy());
          const outcome = {
            status: res.statusCode,
            errorCode,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
          };
          ctx.log.info(
            { method: req.method, route: ctx.path, remoteAddress: ctx.remoteAddress, ...outcome },
            'request',
          );
          for (const hook of hooks) hook.onResponse?.(ctx, outcome);
        });
    },
  );
  server.on('tlsClientError', (error) => {
    logger.debug({ err: error }, 'TLS handshake failed');
  });
  return server;
}

export async function listen(
  server: https.Server,
  address: string,
  port: number,
): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}
