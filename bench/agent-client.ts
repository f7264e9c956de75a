/**
 * A timed HTTPS client for the agent, pinned to its certificate the way the console pins
 * it: the self-signed certificate is the only trusted CA and its SHA-256 fingerprint must
 * match (the host name in a self-signed agent certificate means nothing).
 */
import https from 'node:https';
import { performance } from 'node:perf_hooks';

const REQUEST_TIMEOUT_MS = 30_000;

export interface PinnedAgentOptions {
  certPem: string;
  fingerprint: string;
  /** Reuse one TLS connection across requests (warm), or open one per request (cold). */
  keepAlive: boolean;
}

export function createPinnedAgent(options: PinnedAgentOptions): https.Agent {
  return new https.Agent({
    keepAlive: options.keepAlive,
    maxSockets: 1,
    ca: options.certPem,
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === options.fingerprint
        ? undefined
        : new Error(
            `Certificate fingerprint ${cert.fingerprint256} is not the pinned ${options.fingerprint}`,
          ),
  });
}

export interface TimedResponse {
  /** From just before the request is issued to the last byte of the body. */
  ms: number;
  status: number;
  body: string;
  /** Whether the request went over a kept-alive connection rather than a new handshake. */
  reusedSocket: boolean;
}

/** GET `path` with the bearer token; resolves with the status, whatever it is. */
export function timedGet(options: {
  agent: https.Agent;
  port: number;
  path: string;
  token: string;
}): Promise<TimedResponse> {
  return timedRequest(options);
}

/** GET, or POST a JSON `body`, with the bearer token; resolves whatever the status. */
export function timedRequest(options: {
  agent: https.Agent;
  port: number;
  path: string;
  token: string;
  body?: unknown;
}): Promise<TimedResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = https.request(
      {
        agent: options.agent,
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: payload === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => {
          const ms = performance.now() - started;
          resolve({
            ms,
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            reusedSocket: request.reusedSocket,
          });
        });
      },
    );
    request.once('timeout', () => {
      request.destroy(new Error(`GET ${options.path} timed out after ${REQUEST_TIMEOUT_MS} ms`));
    });
    request.once('error', reject);
    request.end(payload);
  });
}
