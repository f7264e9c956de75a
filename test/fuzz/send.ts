/** Sends fuzz requests to a running agent over pinned TLS and records how each one ended. */
import https from 'node:https';
import tls from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import type { RunningAgent } from '../helpers/agent-process';
import type { FuzzRequest } from './requests';

export interface FuzzResult {
  request: FuzzRequest;
  /** The status the agent answered with, or null when no answer arrived. */
  status: number | null;
  contentType: string | null;
  body: string;
  /** How the connection failed, when it did. */
  error: string | null;
}

const REQUEST_TIMEOUT_MS = 15_000;
const RAW_TIMEOUT_MS = 5_000;
const MAX_KEPT_BODY = 64 * 1024;

const pin = (agent: RunningAgent) => ({
  ca: agent.certPem,
  checkServerIdentity: (_host: string, cert: PeerCertificate) =>
    cert.fingerprint256 === agent.fingerprint ? undefined : new Error('not the pinned cert'),
});

function sendHttps(
  agent: RunningAgent,
  pool: https.Agent,
  request: FuzzRequest,
): Promise<FuzzResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Omit<FuzzResult, 'request'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ request, ...result });
    };
    let req: ReturnType<typeof https.request>;
    try {
      req = https.request({
        host: agent.host,
        port: agent.port,
        path: request.target,
        method: request.method,
        headers: request.headers,
        agent: pool,
        ...pin(agent),
      });
    } catch (error) {
      // Node's client refused to send it (an invalid header, say): it never reached the agent.
      done({
        status: null,
        contentType: null,
        body: '',
        error: `not sent: ${(error as Error).message}`,
      });
      return;
    }
    const timer = setTimeout(() => req.destroy(new Error('timed out')), REQUEST_TIMEOUT_MS);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < MAX_KEPT_BODY) body += chunk;
      });
      const finish = () => {
        done({
          status: res.statusCode ?? null,
          contentType: res.headers['content-type'] ?? null,
          body,
          error: null,
        });
      };
      res.on('end', finish);
      // The agent may close right after answering a request whose body it did not read.
      res.on('error', finish);
      res.on('aborted', finish);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      done({ status: null, contentType: null, body: '', error: error.code ?? error.message });
    });
    req.end(request.body ?? undefined);
  });
}

function sendRaw(agent: RunningAgent, request: FuzzRequest): Promise<FuzzResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let failure: string | null = null;
    const socket = tls.connect({ host: agent.host, port: agent.port, ...pin(agent) }, () => {
      socket.write(request.raw!);
      if (request.halfClose) socket.end();
    });
    socket.setTimeout(RAW_TIMEOUT_MS, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      failure = error.code ?? error.message;
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const head = text.split('\r\n\r\n')[0] ?? '';
      resolve({
        request,
        status: status ? Number(status[1]) : null,
        contentType: /\r\ncontent-type: ([^\r]+)/i.exec(head)?.[1] ?? null,
        body: text.slice(head.length + 4),
        error: failure,
      });
    });
  });
}

/** Sends every request, `concurrency` at a time; `onProgress` after each thousand. */
export async function sendAll(
  agent: RunningAgent,
  requests: FuzzRequest[],
  options: { concurrency: number; onProgress?: (sent: number) => void },
): Promise<FuzzResult[]> {
  const pool = new https.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const results: FuzzResult[] = new Array<FuzzResult>(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const request = requests[index]!;
      results[index] = request.raw
        ? await sendRaw(agent, request)
        : await sendHttps(agent, pool, request);
      if ((index + 1) % 1000 === 0) options.onProgress?.(index + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    pool.destroy();
  }
  return results;
}
