import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  BodyRefusedError,
  readJsonBody,
  sendJson,
  type WireError,
  type WireResult,
} from '@deskside/core';
import type { Dispatch } from '../services/api/dispatcher';
import { cacheControlOf, contentTypeOf } from './content-types';
import { streamEvents, type EventSource } from './event-stream';
import { RequestGuard, SECURITY_HEADERS, newSessionToken } from './security';

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  sessionToken?: string;
  logger: Logger;
  /** Committed changes, streamed to the page at GET /api/events. */
  events?: EventSource;
}

export interface WebHost {
  /** Open this to use the console: it carries the session token in its fragment. */
  url: string;
  origin: string;
  port: number;
  sessionToken: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function send(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** The head of a file of the built renderer; `relative` uses `/` separators. */
function writeFileHead(res: ServerResponse, file: string, relative: string, size: number): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(file),
    'content-length': size,
    'cache-control': cacheControlOf(relative),
  });
}

function sendResult(res: ServerResponse, status: number, result: WireResult): void {
  sendJson(res, status, result, SECURITY_HEADERS);
}

const failure = (code: WireError['code'], message: string): WireResult => ({
  ok: false,
  error: { code, message },
});

/**
 * The build's assets (named by their content's hash, so they never change), read into memory
 * as the host starts and sent from there: while a query holds the console's thread, a script
 * the page waits for goes out as soon as the thread is free, with no file reads queued behind
 * the query. By absolute path; index.html and anything else is read from the disk each time.
 */
async function readAssets(staticRoot: string): Promise<ReadonlyMap<string, Buffer>> {
  const assets = new Map<string, Buffer>();
  const folder = path.join(staticRoot, 'assets');
  // A build without assets (or an unreadable one) has every file read from the disk instead.
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async ({ name }) => {
        const file = path.join(folder, name);
        const body = await readFile(file).catch(() => undefined);
        if (body) assets.set(file, body);
      }),
  );
  return assets;
}

/**
 * Browser mode: serves the built renderer and the API contract on 127.0.0.1 only, as
 * `POST /api/<method>` with a JSON body, answered with a WireResult, and the live events
 * as `GET /api/events` (a streamed response).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const sessionToken = options.sessionToken ?? newSessionToken();
  const staticRoot = path.resolve(options.staticDir);
  const { logger } = options;

  // Listen first: the guard needs the port the system picked.
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const guard = new RequestGuard(port, sessionToken);

  const assets = await readAssets(staticRoot);

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> {
    if (!guard.originAllowed(req)) {
      sendResult(res, 403, failure('forbidden', 'Requests from other sites are refused'));
      return;
    }
    if (!guard.tokenValid(req)) {
      sendResult(
        res,
        401,
        failure(
          'forbidden',
          'This console session has ended; open the address printed when the console started',
        ),
      );
      return;
    }
    if (method === 'events' && req.method === 'GET' && options.events) {
      streamEvents(req, res, options.events);
      return;
    }
    if (req.method !== 'POST') {
      sendResult(res, 405, failure('validation', 'API calls use POST'));
      return;
    }
    let input: unknown;
    try {
      input = await readJsonBody(req, { maxBytes: MAX_BODY_BYTES, whenEmpty: {} });
    } catch (error) {
      if (!(error instanceof BodyRefusedError)) throw error;
      if (!req.complete) {
        // Stop reading the rest: answer, then drop the connection.
        res.setHeader('connection', 'close');
        res.on('finish', () => req.destroy());
      }
      sendResult(res, error.status, failure('validation', error.message));
      return;
    }
    sendResult(res, 200, await options.dispatch(method, input));
  }

  async function handleStatic(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      return;
    }
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = path.resolve(staticRoot, relative);
    if (!file.startsWith(staticRoot + path.sep)) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    const held = assets.get(file);
    if (held) {
      writeFileHead(res, file, relative, held.length);
      res.end(req.method === 'HEAD' ? undefined : held);
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    writeFileHead(res, file, relative, info.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!guard.hostAllowed(req)) {
      send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
      return;
    }
    const target = req.url ?? '/';
    if (!target.startsWith('/')) {
      send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
      return;
    }
    const pathname = target.split(/[?#]/)[0] ?? '/';
    if (pathname.startsWith('/api/')) await handleApi(req, res, pathname.slice('/api/'.length));
    else await handleStatic(req, res, pathname);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'web host request failed');
      if (res.headersSent) res.destroy();
      else send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#session=${sessionToken}`,
    origin,
    port,
    sessionToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
