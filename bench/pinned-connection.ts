/**
 * One console's kept-alive HTTPS connection to the agent, pinned like the console pins it
 * (agent-client.ts), speaking just enough HTTP/1.1 for a load generator: one request at a
 * time, answers with a content-length. node:https costs the load's own process more per
 * request than the agent spends answering a small check batch, and both share the machine.
 */
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import type { AgentData } from './agent-data';

const REQUEST_TIMEOUT_MS = 30_000;
const HEAD_END = Buffer.from('\r\n\r\n');

export interface RawAnswer {
  /** From writing the request to the last byte of the body. */
  ms: number;
  status: number;
  contentType: string;
  body: Buffer;
  /** Whether it went over a connection that had already answered. */
  reused: boolean;
}

interface Head {
  status: number;
  contentType: string;
  length: number;
  close: boolean;
  bodyStart: number;
}

function parseHead(received: Buffer, end: number): Head {
  const [statusLine = '', ...lines] = received.toString('latin1', 0, end).split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
  if (!status) throw new Error(`not an HTTP/1.1 answer: ${statusLine.slice(0, 80)}`);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Number(headers.get('content-length'));
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new Error(`an answer without a content-length (${headers.get('transfer-encoding')})`);
  }
  return {
    status: Number(status[1]),
    contentType: headers.get('content-type') ?? '',
    length,
    close: headers.get('connection')?.toLowerCase() === 'close',
    bodyStart: end + HEAD_END.length,
  };
}

export class PinnedConnection {
  private socket: tls.TLSSocket | null = null;
  private answered = false;

  constructor(
    private readonly data: AgentData,
    private readonly port: number,
  ) {}

  private connect(): Promise<tls.TLSSocket> {
    const { certPem, fingerprint } = this.data;
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: this.port,
        ca: certPem,
        checkServerIdentity: (_host, cert) =>
          cert.fingerprint256 === fingerprint
            ? undefined
            : new Error(`Certificate fingerprint ${cert.fingerprint256} is not the pinned one`),
      });
      socket.setNoDelay(true);
      // Closed or reset between requests (the agent's keep-alive timeout): the next request
      // reconnects; one under way fails through its own listeners.
      const forget = () => {
        if (this.socket === socket) this.socket = null;
      };
      socket.once('close', forget);
      socket.on('error', forget);
      socket.once('secureConnect', () => {
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  /** GET, or POST a JSON `body`, with the bearer token; resolves whatever the status. */
  async request(path: string, body?: unknown): Promise<RawAnswer> {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const head =
      `${payload ? 'POST' : 'GET'} ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n` +
      `authorization: Bearer ${this.data.token}\r\n` +
      (payload ? `content-type: application/json\r\ncontent-length: ${payload.length}\r\n` : '') +
      '\r\n';
    const reused = this.socket !== null && this.answered;
    const socket = (this.socket ??= await this.connect());
    this.answered = false;
    const started = performance.now();
    try {
      const answer = await this.exchange(socket, head, payload);
      this.answered = true;
      if (answer.close) this.close();
      return { ...answer.answer, ms: performance.now() - started, reused };
    } catch (error) {
      this.close();
      throw error;
    }
  }

  private exchange(socket: tls.TLSSocket, head: string, payload: Buffer | null) {
    return new Promise<{ answer: Omit<RawAnswer, 'ms' | 'reused'>; close: boolean }>(
      (resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let parsed: Head | null = null;
        const finish = (error: Error | null) => {
          clearTimeout(timer);
          socket.off('data', onData);
          socket.off('error', finish);
          socket.off('close', onClose);
          if (error) reject(error);
        };
        const onClose = () => {
          finish(new Error('the agent closed the connection before answering'));
        };
        const onData = (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          try {
            if (!parsed) {
              const start = chunks.length === 1 ? chunk : Buffer.concat(chunks);
              const end = start.indexOf(HEAD_END);
              if (end === -1) return;
              parsed = parseHead(start, end);
              chunks.splice(0, chunks.length, start);
            }
            const total = parsed.bodyStart + parsed.length;
            if (size < total) return;
            if (size > total) throw new Error('the agent sent more than it announced');
            const received = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
            finish(null);
            resolve({
              answer: {
                status: parsed.status,
                contentType: parsed.contentType,
                body: received.subarray(parsed.bodyStart),
              },
              close: parsed.close,
            });
          } catch (error) {
            finish(error as Error);
          }
        };
        const timer = setTimeout(() => {
          finish(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`));
        }, REQUEST_TIMEOUT_MS);
        socket.on('data', onData);
        socket.once('error', finish);
        socket.once('close', onClose);
        socket.write(payload ? Buffer.concat([Buffer.from(head), payload]) : head);
      },
    );
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}
