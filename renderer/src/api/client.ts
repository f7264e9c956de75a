import {
  apiMethods,
  apiResultSchema,
  ConsoleEventSchema,
  splitLines,
  validationError,
  type ApiBridge,
  type ConsoleEvent,
  type EventBridge,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
  type WireError,
} from '@deskside/core';
import { takeEarlyRead } from './early-reads';
import { findTransport, postApi } from './transport';

/** A failed call, with the stable code the UI translates and the console's own message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: WireError['code'],
    message: string,
    readonly issues?: WireError['issues'],
  ) {
    super(message);
  }
}

export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Committed changes, from this console and (on a shared database) every other one. */
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
}

export interface ClientOptions {
  /** The console answered `signed_out`: its analyst signed out, or the desk refused them. */
  onSignedOut?: () => void;
}

/** The typed client every page uses; the bridge is Electron's preload or the HTTP host. */
export function createClient(
  bridge: ApiBridge,
  events?: EventBridge,
  options: ClientOptions = {},
): ApiClient {
  let signedOut = false;
  return {
    subscribe(listener) {
      if (!events) return () => undefined;
      // Whatever arrives is checked against the contract before a page sees it.
      return events.subscribe((raw) => {
        const parsed = ConsoleEventSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      });
    },
    async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      let raw: unknown;
      try {
        raw = await (takeEarlyRead(method, input) ?? bridge[method](input));
      } catch {
        throw new ApiError('internal', 'The console did not answer; is it still running?');
      }
      // The one place an answer is parsed: pages and hooks get the contract's typed value.
      const result = apiResultSchema(method).safeParse(raw);
      if (!result.success) {
        const { issues } = validationError(result.error, 'answer');
        throw new ApiError(
          'internal',
          `The console's answer to ${method} breaks the contract`,
          issues,
        );
      }
      if (!result.data.ok) {
        const { code, message, issues } = result.data.error;
        // Once is enough: every read still on its way gets the same answer.
        if (code === 'signed_out' && !signedOut) {
          signedOut = true;
          options.onSignedOut?.();
        }
        throw new ApiError(code, message, issues);
      }
      return result.data.value;
    },
  };
}

/** Browser mode: `POST /api/<method>` with the session token. */
export function httpBridge(sessionToken: string): ApiBridge {
  const entries = apiMethods.map((method) => [
    method,
    (input: unknown) => postApi(sessionToken, method, input),
  ]);
  return Object.fromEntries(entries) as ApiBridge;
}

const RECONNECT_MS = 1_000;

/**
 * Browser mode's live channel: `GET /api/events` with the session token, read as a stream
 * of JSON lines; reconnects after a dropped connection until unsubscribed.
 */
export function httpEvents(sessionToken: string): EventBridge {
  return {
    subscribe(listener) {
      const controller = new AbortController();
      const read = async () => {
        const response = await fetch('/api/events', {
          headers: { authorization: `Bearer ${sessionToken}` },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        for await (const line of splitLines(response.body)) {
          if (line.trim()) listener(JSON.parse(line) as unknown);
        }
      };
      const stopped = () => controller.signal.aborted;
      const loop = async () => {
        while (!stopped()) {
          // A dropped stream (console restarted, laptop asleep) is retried; unsubscribing ends it.
          await read().catch(() => undefined);
          if (!stopped()) await new Promise((r) => setTimeout(r, RECONNECT_MS));
        }
      };
      void loop();
      return () => {
        controller.abort();
      };
    },
  };
}

export function connect(options: ClientOptions = {}): ApiClient | null {
  const transport = findTransport();
  if (!transport) return null;
  return transport.kind === 'electron'
    ? createClient(transport.bridge, transport.events, options)
    : createClient(httpBridge(transport.token), httpEvents(transport.token), options);
}
