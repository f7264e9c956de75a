import type { Page } from '@playwright/test';
import {
  WireResultSchema,
  apiContract,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
} from '@deskside/core';
import type { RunningAgent } from '../helpers/agent-process';
import type { RunningConsoleHost } from '../helpers/console-host';

export { expectAccessible } from './accessibility';

/** Who makes a call: the console host's own session, or a page's, as the page was given it. */
export type ApiCaller = RunningConsoleHost | Page;

/** Where the renderer keeps its session token for the tab (see takeSessionToken). */
const SESSION_KEY = 'deskside.session';

async function sessionOf(caller: ApiCaller): Promise<{ origin: string; token: string }> {
  if ('evaluate' in caller) {
    const token = await caller.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
    return { origin: new URL(caller.url()).origin, token: token ?? '' };
  }
  return { origin: caller.origin, token: /#session=([\w-]+)/.exec(caller.url)?.[1] ?? '' };
}

/**
 * One call of the console's contract as the renderer makes it (session token, JSON, the answer
 * checked against the contract), to set up or look at what a test is not about without going
 * through screens another test covers.
 */
export async function callApi<M extends ApiMethod>(
  caller: ApiCaller,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const { origin, token } = await sessionOf(caller);
  const response = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = WireResultSchema.parse(await response.json());
  if (!result.ok) {
    throw new Error(`${method} failed (${result.error.code}): ${result.error.message}`);
  }
  return apiContract[method].output.parse(result.value) as ApiOutput<M>;
}

/** Adds a running agent to the console with its pre-provisioned token. */
export function addAgentMachine(host: RunningConsoleHost, agent: RunningAgent, name: string) {
  return callApi(host, 'machines.add', {
    address: '127.0.0.1',
    port: agent.port,
    token: agent.token,
    fingerprint: agent.fingerprint,
    name,
  });
}
