/**
 * Raw HTTPS requests to a running agent, pinned to its certificate, for tests that look at
 * the wire itself (status, headers, NDJSON lines as they arrive).
 */
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import type { RunningAgent } from './agent-process';

export interface AgentReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface AgentRequestInit {
  method?: string;
  body?: unknown;
  /** The console token by default; null sends none. */
  token?: string | null;
  /** Called with each complete line of the body as it arrives. */
  onLine?: (line: string) => void;
  /** Aborting closes the connection, as a console that goes away. */
  signal?: AbortSignal;
}

/** Where an agent listens and how to trust it: a running process or an in-process server. */
export type AgentAddress = Pick<
  RunningAgent,
  'host' | 'port' | 'token' | 'certPem' | 'fingerprint'
>;

export function agentRequest(
  agent: AgentAddress,
  path: string,
  init: AgentRequestInit = {},
): Promise<AgentReply> {
  return new Promise((resolve, reject) => {
    const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
    const token = init.token === undefined ? agent.token : init.token;
    const req = https.request(
      {
        host: agent.host,
        port: agent.port,
        path,
        method: init.method ?? (payload === undefined ? 'GET' : 'POST'),
        agent: false,
        ...(init.signal ? { signal: init.signal } : {}),
        ca: agent.certPem,
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          cert.fingerprint256 === agent.fingerprint ? undefined : new Error('not the pinned cert'),
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let body = '';
        let pending = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop()!;
          for (const line of lines) init.onLine?.(line);
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
