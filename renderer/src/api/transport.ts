/**
 * How this page reaches the console: Electron's preload bridge, or in browser mode the
 * loopback host with the tab's session token. Holds no schemas, so the page's entry can use
 * it before the console's own code has loaded (early-reads.ts).
 */
import type { ApiBridge, ApiMethod, EventBridge } from '@deskside/core';

export type Transport =
  | { kind: 'electron'; bridge: ApiBridge; events: EventBridge | undefined }
  | { kind: 'http'; token: string };

const SESSION_KEY = 'deskside.session';

/**
 * Browser mode receives its session token in the address fragment (never sent to a
 * server). Keep it for this tab and take it out of the address bar.
 */
export function takeSessionToken(
  location: Location,
  storage: Storage,
  history: History,
): string | null {
  const match = /^#session=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(SESSION_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}#/`);
    return match[1];
  }
  return storage.getItem(SESSION_KEY);
}

declare global {
  interface Window {
    /** Present in Electron: the preload's bridge. */
    deskside?: ApiBridge;
    /** Present in Electron: the preload's live channel. */
    desksideEvents?: EventBridge;
  }
}

/** The preload's bridge where there is one, else the session token; null without either. */
export function findTransport(): Transport | null {
  if (window.deskside) {
    return { kind: 'electron', bridge: window.deskside, events: window.desksideEvents };
  }
  const token = takeSessionToken(window.location, window.sessionStorage, window.history);
  return token ? { kind: 'http', token } : null;
}

/** Browser mode: `POST /api/<method>` with the session token; the answer as it came. */
export async function postApi(token: string, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as unknown;
}

/** One call through the transport, its answer unparsed (the API client parses it). */
export function callRaw(transport: Transport, method: ApiMethod, input: unknown): Promise<unknown> {
  return transport.kind === 'electron'
    ? transport.bridge[method](input)
    : postApi(transport.token, method, input);
}
