/**
 * Raw HTTPS requests to an agent, pinned to its certificate, for tests that look at the wire
 * itself (status, headers, error bodies, NDJSON lines as they arrive).
 */
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import { LineSplitter } from '@deskside/core';
import type { RunningAgent } from './agent-process';

export interface AgentReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Where an agent listens and how to trust it: a running process or an in-process server. */
export type AgentAddress = Pick<RunningAgent, 'host' | 'port' | 'certPem' | 'fingerprint'>;

/** A stack frame ("at fn (file:1:2)", "at node:internal/...") or an error name in a body. */
export const STACK_TRACE = /\bat (?:\S+ )?\(?(?:file:|node:|\/|[A-Za-z]:\\)|\b[A-Za-z]*Error:/;

export interface AgentRequestInit {
  method?: string;
  /** Sent as `Authorization: Bearer <credential>`; none without it. */
  credential?: string;
  /** The whole Authorization header (a signed request); wins over `credential`. */
  authorization?: string;
  /** A JSON body; `body` sends raw bytes instead. */
  json?: unknown;
  body?: Buffer | string;
  /** Called with each complete line of the answer as it arrives (NDJSON streams). */
  onLine?: (line: string) => void;
  /** Aborting closes the connection, as a console that goes away. */
  signal?: AbortSignal;
}

/** One request to the agent over a connection pinned to its certificate. */
export function agentRequest(
  agent: AgentAddress,
  target: string,
  init: AgentRequestInit = {},
): Promise<AgentReply> {
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: agent.host,
        port: agent.port,
        path: target,
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        agent: false,
        ...(init.signal ? { signal: init.signal } : {}),
        ca: agent.certPem,
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          cert.fingerprint256 === agent.fingerprint ? undefined : new Error('not the pinned cert'),
        headers: {
          ...(init.credential ? { authorization: `Bearer ${init.credential}` } : {}),
          ...(init.authorization ? { authorization: init.authorization } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        const lines = new LineSplitter();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (const line of lines.push(chunk)) init.onLine?.(line);
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The error code of an agent's error answer. */
export const errorCode = (reply: AgentReply): string =>
  (JSON.parse(reply.body) as { error: { code: string } }).error.code;
