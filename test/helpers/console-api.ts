import { WireResultSchema, type ApiInput, type ApiMethod, type ApiOutput } from '@deskside/core';
import type { RunningAgent } from './agent-process';
import type { RunningConsoleHost } from './console-host';

/**
 * Calls the running console host's API as its page does (`POST /api/<method>` with the
 * session token): how end-to-end tests set up what a test is not about (a person, a machine).
 */
export async function callHost<M extends ApiMethod>(
  host: RunningConsoleHost,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const token = /#session=([A-Za-z0-9_-]+)/.exec(host.url)?.[1];
  if (!token) throw new Error(`no session token in ${host.url}`);
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = WireResultSchema.parse(await response.json());
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<M>;
}

/** Adds a running agent to the console with its pre-provisioned token. */
export function addAgentMachine(host: RunningConsoleHost, agent: RunningAgent, name: string) {
  return callHost(host, 'machines.add', {
    address: '127.0.0.1',
    port: agent.port,
    token: agent.token,
    fingerprint: agent.fingerprint,
    name,
  });
}
