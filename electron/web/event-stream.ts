import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleEvent } from '@deskside/core';
import { SECURITY_HEADERS } from './security';

export interface EventSource {
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

/** Keeps idle connections (and proxies, if any) from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Browser mode's live channel: a streamed response, one JSON event per line (NDJSON), for as
 * long as the page keeps it open. It is a plain fetch with the session token, so it passes
 * the same Host, Origin and token checks as every API call.
 */
export function streamEvents(req: IncomingMessage, res: ServerResponse, source: EventSource): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const unsubscribe = source.subscribe((event) => {
    res.write(`${JSON.stringify(event)}\n`);
  });
  const heartbeat = setInterval(() => {
    res.write('\n');
  }, HEARTBEAT_MS);
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
