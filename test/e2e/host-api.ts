import type { ApiInput, ApiMethod, ApiOutput } from '@deskside/core';
import type { RunningAgent } from '../helpers/agent-process';
import type { RunningConsoleHost } from '../helpers/console-host';

export { expectAccessible } from './accessibility';

/**
 * Calls the running console host's API as the page does (session token, JSON), to set up
 * what a test needs without going through screens another test covers.
 */
export async function hostCall<M extends ApiMethod>(
  host: RunningConsoleHost,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const token = /#session=([\w-]+)/.exec(host.url)?.[1] ?? '';
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as
    { ok: true; value: ApiOutput<M> } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Adds a running agent to the console with its pre-provisioned token. */
export function addAgentMachine(host: RunningConsoleHost, agent: RunningAgent, name: string) {
  return hostCall(host, 'machines.add', {
    address: '127.0.0.1',
    port: agent.port,
    token: agent.token,
    fingerprint: agent.fingerprint,
    name,
  });
}
