import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import {
  AGENT_API_VERSION,
  type AgentErrorCode,
  type AgentErrorResponse,
  type AgentHealth,
  type Inventory,
} from '@deskside/core';
import { AGENT_VERSION } from '../version';
import type { AgentIdentity } from './identity';
import type { TokenVerifier } from './tokens';

export interface AgentServerOptions {
  identity: AgentIdentity;
  tokens: TokenVerifier;
  collectInventory: () => Promise<Inventory>;
  logger: Logger;
}

const HTTP_STATUS: Record<AgentErrorCode, number> = {
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  bad_request: 400,
  internal: 500,
};

const ERROR_MESSAGE: Record<AgentErrorCode, string> = {
  unauthorized: 'A valid console token is required',
  not_found: 'No such route',
  method_not_allowed: 'Method not allowed on this route',
  bad_request: 'Bad request',
  internal: 'The agent could not complete the request',
};

class RouteError extends Error {
  constructor(readonly code: AgentErrorCode) {
    super(ERROR_MESSAGE[code]);
  }
}

interface Route {
  authenticated: boolean;
  handle: () => Promise<unknown>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(payload);
}

function sendError(res: ServerResponse, code: AgentErrorCode): void {
  const body: AgentErrorResponse = { error: { code, message: ERROR_MESSAGE[code] } };
  if (code === 'unauthorized') res.setHeader('www-authenticate', 'Bearer');
  sendJson(res, HTTP_STATUS[code], body);
}

/** The request's path without its query, or null when the request target is not a path. */
function routePath(req: IncomingMessage): string | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** The agent's HTTPS API (agent/openapi.yaml). Read-only: nothing here runs commands. */
export function createAgentServer(options: AgentServerOptions): https.Server {
  const { identity, tokens, logger } = options;

  const routes: Record<string, Route> = {
    '/v1/health': {
      authenticated: false,
      handle: (): Promise<AgentHealth> =>
        Promise.resolve({
          status: 'ok',
          apiVersion: AGENT_API_VERSION,
          agentVersion: AGENT_VERSION,
        }),
    },
    '/v1/inventory': { authenticated: true, handle: () => options.collectInventory() },
  };

  async function dispatch(req: IncomingMessage): Promise<unknown> {
    const path = routePath(req);
    if (path === null) throw new RouteError('bad_request');
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    // Authenticate before revealing whether a route exists.
    if (
      route?.authenticated !== false &&
      !tokens.verifyAuthorizationHeader(req.headers.authorization)
    ) {
      throw new RouteError('unauthorized');
    }
    if (!route) throw new RouteError('not_found');
    if (req.method !== 'GET') throw new RouteError('method_not_allowed');
    return route.handle();
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
      const log = logger.child({ requestId });
      // The agent takes no request bodies; drain anything sent so the socket stays usable.
      req.resume();
      dispatch(req)
        .then((body) => {
          sendJson(res, 200, body);
        })
        .catch((error: unknown) => {
          if (error instanceof RouteError) {
            sendError(res, error.code);
            return;
          }
          log.error({ err: error }, 'request failed');
          sendError(res, 'internal');
        })
        .finally(() => {
          log.info(
            {
              method: req.method,
              route: routePath(req),
              status: res.statusCode,
              remoteAddress: req.socket.remoteAddress,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
            },
            'request',
          );
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
