import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import { TLSSocket } from 'node:tls';
import type { z } from 'zod';
import {
  AgentErrorResponseSchema,
  DesksideError,
  LineSplitter,
  agentRoutes,
  type AgentHealth,
  type AgentRouteId,
  type AgentRoutes,
  type PairRequest,
  type PairResponse,
} from '@deskside/core';
import { describeNetworkError, where } from './agent-errors';
import type { SignRequest } from './machine-credentials';

export interface AgentEndpoint {
  address: string;
  port: number;
}

/** An agent whose certificate the analyst confirmed: the only certificate accepted from it. */
export interface PinnedEndpoint extends AgentEndpoint {
  certPem: string;
  fingerprint: string;
}

/** An agent the desk has paired with: its certificate is pinned, the desk signs requests to it. */
export interface PinnedAgent extends PinnedEndpoint {
  sign: SignRequest;
}

const CONNECT_TIMEOUT_MS = 5_000;
const RESPONSE_TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

interface RawResponse {
  status: number;
  body: string;
  peerCertPem: string | null;
}

/** A signature or a body goes only over a pinned connection; first contact sends nothing. */
type RequestOptions =
  | { pinned: null }
  | {
      pinned: PinnedEndpoint;
      sign?: SignRequest;
      method?: 'GET' | 'POST';
      body?: unknown;
      /** A 200 answer's body goes here chunk by chunk instead of being collected. */
      onBody?: (chunk: Buffer) => void;
      /** Longest silence on the connection once connected (checks may be quiet a while). */
      idleTimeoutMs?: number;
      /** Longest the whole exchange may take. */
      deadlineMs?: number;
      /** Aborting drops the connection (the agent then cancels what it runs for it). */
      signal?: AbortSignal;
    };

/**
 * Kept-alive connections per pinned agent, so a run of requests pays for one TLS handshake.
 * Keyed by the pin: a connection is only ever reused for the certificate it was opened to.
 */
const pinnedConnections = new Map<string, https.Agent>();

function pinnedConnection(pinned: PinnedEndpoint): https.Agent {
  const key = `${pinned.address}|${pinned.port}|${pinned.fingerprint}`;
  let connection = pinnedConnections.get(key);
  if (!connection) {
    connection = new https.Agent({ keepAlive: true, maxSockets: 8 });
    pinnedConnections.set(key, connection);
  }
  return connection;
}

async function request(
  endpoint: AgentEndpoint,
  path: string,
  options: RequestOptions,
): Promise<RawResponse> {
  const pinned = options.pinned;
  const { sign, method, body, onBody, idleTimeoutMs, deadlineMs, signal } = options.pinned
    ? options
    : {};
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const authorization = sign
    ? await sign({ method: method ?? 'GET', target: path, body: payload })
    : null;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const req = https.request({
      host: endpoint.address,
      port: endpoint.port,
      path,
      method: method ?? 'GET',
      agent: pinned ? pinnedConnection(pinned) : false,
      timeout: CONNECT_TIMEOUT_MS,
      headers: {
        accept: 'application/json',
        ...(authorization ? { authorization } : {}),
        ...(payload
          ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
          : {}),
      },
      // Pinned: the agent's own certificate is the only trust anchor, and its fingerprint
      // must match. OpenSSL refuses any other certificate during the handshake, before the
      // signature or body is sent. Unpinned (first contact, health only, nothing signed): accept any
      // certificate and report it for the analyst to confirm.
      ...(pinned
        ? {
            ca: pinned.certPem,
            checkServerIdentity: (_host: string, cert: { fingerprint256: string }) => {
              if (cert.fingerprint256 === pinned.fingerprint) return undefined;
              return Object.assign(new Error('certificate fingerprint mismatch'), {
                code: 'ERR_DESKSIDE_FINGERPRINT',
              });
            },
          }
        : { rejectUnauthorized: false }),
    });
    const deadline = setTimeout(() => {
      req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    }, deadlineMs ?? RESPONSE_TIMEOUT_MS);
    const abort = () => {
      req.destroy(cancelled());
    };
    signal?.addEventListener('abort', abort, { once: true });
    req.once('close', () => {
      signal?.removeEventListener('abort', abort);
    });
    if (idleTimeoutMs !== undefined) {
      req.once('socket', (socket) => {
        // The connect timeout above covers the handshake; after it, allow longer silences.
        if (socket.connecting) socket.once('secureConnect', () => req.setTimeout(idleTimeoutMs));
        else req.setTimeout(idleTimeoutMs); // a kept-alive connection, already secure
      });
    }
    req.on('timeout', () => {
      req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      reject(error instanceof DesksideError ? error : describeNetworkError(endpoint, error));
    });
    req.on('response', (res) => {
      // Without a certificate, getPeerCertificate() returns {}: no `raw`, whatever the type says.
      const raw: Buffer | undefined =
        res.socket instanceof TLSSocket ? res.socket.getPeerCertificate().raw : undefined;
      const peerCertPem = raw ? new X509Certificate(raw).toString() : null;
      const chunks: Buffer[] = [];
      let size = 0;
      const streamed = onBody && res.statusCode === 200;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy(new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`));
          return;
        }
        if (streamed) onBody(chunk);
        else chunks.push(chunk);
      });
      res.once('close', () => {
        // Cut off before its end (the caller cancelled, the agent went away): never left hanging.
        if (res.complete) return;
        clearTimeout(deadline);
        const cut = Object.assign(new Error('connection closed'), { code: 'ECONNRESET' });
        reject(signal?.aborted ? cancelled() : describeNetworkError(endpoint, cut));
      });
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          peerCertPem,
        });
      });
      res.on('error', (error) => {
        clearTimeout(deadline);
        reject(signal?.aborted ? cancelled() : describeNetworkError(endpoint, error));
      });
    });
    req.end(payload ?? undefined);
  });
}

/** The caller gave up on the exchange (an analyst cancelled a run of checks). */
const cancelled = () => new DesksideError('cancelled', 'Cancelled');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseBody<T>(endpoint: AgentEndpoint, response: RawResponse, schema: z.ZodType<T>): T {
  if (response.status === 401) {
    throw new DesksideError(
      'agent_unauthorized',
      `The agent at ${where(endpoint)} refused the desk's credential: check the token configured on that machine, or pair it again`,
    );
  }
  const json = parseJson(response.body);
  if (response.status < 200 || response.status > 299) {
    const agentError = AgentErrorResponseSchema.safeParse(json);
    const detail = agentError.success ? agentError.data.error.message : `HTTP ${response.status}`;
    throw new DesksideError('agent_error', `The agent at ${where(endpoint)} answered: ${detail}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new DesksideError(
      'agent_error',
      `The agent at ${where(endpoint)} sent data this console does not understand (is one of them outdated?)`,
    );
  }
  return parsed.data;
}

/** First contact: what certificate does the agent present? Sends no token. */
export async function probeAgent(
  endpoint: AgentEndpoint,
): Promise<{ health: AgentHealth; certPem: string; fingerprint: string }> {
  const spec = agentRoutes.health;
  const response = await request(endpoint, spec.path, { pinned: null });
  const health = parseBody(endpoint, response, spec.response);
  if (!response.peerCertPem) {
    throw new DesksideError(
      'agent_error',
      `The agent at ${where(endpoint)} presented no certificate`,
    );
  }
  return {
    health,
    certPem: response.peerCertPem,
    fingerprint: new X509Certificate(response.peerCertPem).fingerprint256,
  };
}

type GetRoute = {
  [K in AgentRouteId]: AgentRoutes[K]['method'] extends 'GET' ? K : never;
}[AgentRouteId];

type StreamRoute = {
  [K in AgentRouteId]: AgentRoutes[K] extends { method: 'POST'; stream: true } ? K : never;
}[AgentRouteId];

type Body<K extends AgentRouteId> = AgentRoutes[K] extends { body: z.ZodType }
  ? z.input<AgentRoutes[K]['body']>
  : never;

/**
 * How long an agent may stay silent before its answer once connected. A freshly started
 * agent holds its first inventory answer up to 8 s while it collects (longer on a busy PC);
 * reaching the agent is still bounded by the connect timeout.
 */
const ANSWER_IDLE_TIMEOUT_MS = 20_000;

/** An authenticated GET of one agent route over the pinned connection, its answer validated. */
export async function agentGet<K extends GetRoute>(
  agent: PinnedAgent,
  route: K,
): Promise<z.output<AgentRoutes[K]['response']>> {
  const spec = agentRoutes[route];
  const response = await request(agent, spec.path, {
    pinned: agent,
    sign: agent.sign,
    idleTimeoutMs: ANSWER_IDLE_TIMEOUT_MS,
  });
  // The spec map pairs each route with its schema; indexing by a generic key loses that.
  const schema = spec.response as unknown as z.ZodType<z.output<AgentRoutes[K]['response']>>;
  return parseBody(agent, response, schema);
}

/** An authenticated POST of a JSON body to one agent route, its answer validated. */
export async function agentPost<K extends 'fleetEnrol'>(
  agent: PinnedAgent,
  route: K,
  body: Body<K>,
): Promise<z.output<AgentRoutes[K]['response']>> {
  const spec = agentRoutes[route];
  const response = await request(agent, spec.path, {
    pinned: agent,
    sign: agent.sign,
    method: 'POST',
    body,
    idleTimeoutMs: ANSWER_IDLE_TIMEOUT_MS,
  });
  const schema = spec.response as unknown as z.ZodType<z.output<AgentRoutes[K]['response']>>;
  return parseBody(agent, response, schema);
}

type UnsignedPostRoute = 'pair' | 'enrolmentProof' | 'enrolmentClaim';

/**
 * An unsigned POST of pairing (a code) or enrolled pairing (a proof, a claim), over a
 * connection that accepts only the certificate the desk confirmed: what it carries is never
 * sent to another. A refusal (401) is `pairing_refused` (or `enrolment_refused`) in the
 * agent's own words.
 */
async function unsignedPost<K extends UnsignedPostRoute>(
  endpoint: PinnedEndpoint,
  route: K,
  body: z.input<AgentRoutes[K]['body']>,
): Promise<z.output<AgentRoutes[K]['response']>> {
  const spec = agentRoutes[route];
  const response = await request(endpoint, spec.path, { method: 'POST', body, pinned: endpoint });
  if (response.status === 401) {
    const refusal = AgentErrorResponseSchema.safeParse(parseJson(response.body));
    throw new DesksideError(
      route === 'pair' ? 'pairing_refused' : 'enrolment_refused',
      refusal.success
        ? refusal.data.error.message
        : `The agent at ${where(endpoint)} refused the pairing`,
    );
  }
  const schema = spec.response as unknown as z.ZodType<z.output<AgentRoutes[K]['response']>>;
  return parseBody(endpoint, response, schema);
}

/** Exchanges a pairing code for this console's own credential. */
export const pairWithAgent = (endpoint: PinnedEndpoint, body: PairRequest): Promise<PairResponse> =>
  unsignedPost(endpoint, 'pair', body);

/** Enrolled pairing: the agent's proof, or the desk's one-time claim for a credential. */
export const enrolmentPost = <K extends 'enrolmentProof' | 'enrolmentClaim'>(
  endpoint: PinnedEndpoint,
  route: K,
  body: z.input<AgentRoutes[K]['body']>,
): Promise<z.output<AgentRoutes[K]['response']>> => unsignedPost(endpoint, route, body);

/** How long a run of checks may take and stay quiet: longer than any check's own timeout. */
const STREAM_IDLE_TIMEOUT_MS = 120_000;
const STREAM_DEADLINE_MS = 15 * 60_000;

/**
 * An authenticated POST to a streaming route: each line of the answer is validated by the
 * route's schema and handed to `onValue` as it arrives. Resolves when the agent ends the
 * answer; a line this console does not understand ends it with an error.
 */
export async function agentStream<K extends StreamRoute>(
  agent: PinnedAgent,
  route: K,
  body: Body<K>,
  onValue: (value: z.output<AgentRoutes[K]['response']>) => void,
  signal?: AbortSignal,
): Promise<void> {
  const spec = agentRoutes[route];
  const schema = spec.response as unknown as z.ZodType<z.output<AgentRoutes[K]['response']>>;
  const lines = new LineSplitter();
  const state: { failure: DesksideError | null } = { failure: null };
  const take = (line: string) => {
    if (state.failure || line.trim() === '') return;
    const parsed = schema.safeParse(parseJson(line));
    if (parsed.success) onValue(parsed.data);
    else {
      state.failure = new DesksideError(
        'agent_error',
        `The agent at ${where(agent)} sent data this console does not understand (is one of them outdated?)`,
      );
    }
  };
  const response = await request(agent, spec.path, {
    pinned: agent,
    sign: agent.sign,
    method: 'POST',
    body,
    onBody: (chunk) => {
      for (const line of lines.push(chunk)) take(line);
    },
    idleTimeoutMs: STREAM_IDLE_TIMEOUT_MS,
    deadlineMs: STREAM_DEADLINE_MS,
    ...(signal ? { signal } : {}),
  });
  if (response.status !== 200) parseBody(agent, response, schema);
  for (const line of lines.end()) take(line);
  if (state.failure) throw state.failure;
}
