import type { IncomingMessage } from 'node:http';
import type { AgentLogger } from '../log';

/** Who is calling, once authenticated. */
export interface Caller {
  /** A stable id of the console (the audit log and rate limits key on it). */
  consoleId: string;
  /** Who at that console, when the desk signed the request (signed-requests.ts). */
  analyst?: string;
  /** The body's SHA-256 the signature covers; the server refuses a body that differs. */
  bodySha256?: string;
}

/** Turns a request's credentials into a caller, or null when they are missing or wrong. */
export interface Authenticator {
  authenticate(req: IncomingMessage): Caller | null | Promise<Caller | null>;
}

export interface RequestContext {
  readonly requestId: string;
  readonly req: IncomingMessage;
  readonly remoteAddress: string;
  /** The request path without its query, or null when the target is not a path. */
  readonly path: string | null;
  /** The route's id once the request matched one. */
  routeId: string | null;
  caller: Caller | null;
  readonly log: AgentLogger;
  /** Aborted when the caller goes away before the answer is complete. */
  readonly signal: AbortSignal;
  /** What the audit log records about this request beyond route and status (e.g. checks). */
  readonly audit: Record<string, unknown>;
}

export interface RequestOutcome {
  status: number;
  errorCode: string | null;
  durationMs: number;
}

/**
 * Cross-cutting steps around every request (rate limits, audit). A hook that throws an
 * AgentError ends the request with that error.
 */
export interface RequestHooks {
  /** Before anything else, with only the remote address known. */
  onRequest?(ctx: RequestContext): void | Promise<void>;
  /** After the caller is authenticated (or the route needs no credential). */
  onAuthenticated?(ctx: RequestContext): void | Promise<void>;
  /** After the response is sent. Must not throw. */
  onResponse?(ctx: RequestContext, outcome: RequestOutcome): void;
}
