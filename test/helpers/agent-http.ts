import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import type { RunningAgent } from './agent-process';

export interface AgentReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stack frame ("at fn (file:1:2)", "at node:internal/...") or an error name in a body. */
export const STACK_TRACE = /\bat (?:\S+ )?\(?(?:file:|node:|\/|[A-Za-z]:\\)|\b[A-Za-z]*Error:/;

/** One request to the agent over a connection pinned to its certificate. */
export function agentRequest(
  agent: RunningAgent,
  target: string,
  init: { method?: string; credential?: string; json?: unknown; body?: Buffer | string } = {},
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
        ca: agent.certPem,
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          cert.fingerprint256 === agent.fingerprint ? undefined : new Error('not the pinned cert'),
        headers: {
          ...(init.credential ? { authorization: `Bearer ${init.credential}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
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
