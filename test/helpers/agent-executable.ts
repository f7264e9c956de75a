import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PairResponseSchema, type PairResponse } from '@deskside/core';
import { issuePairingCode } from './agent-cli';
import { agentRequest } from './agent-http';
import type { AgentCommand, RunningAgent } from './agent-process';

/** The self-contained executable built by `node agent/build-sea.mjs` (vitest's globalSetup). */
export const AGENT_EXECUTABLE = fileURLToPath(
  new URL('../../agent/dist/sea/deskside-agent', import.meta.url),
);

const NODE_PROGRAMS = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);

/**
 * A folder of links to every program on this PATH except Node.js's own, so an agent run with
 * it as its only PATH still has the system's commands but no node: on Debian node sits in
 * /usr/bin beside everything else, so leaving its folder out would leave out the rest too.
 */
export async function pathWithoutNode(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const linked = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (NODE_PROGRAMS.has(name) || linked.has(name)) continue;
      linked.add(name);
      await symlink(path.join(dir, name), path.join(folder, name));
    }
  }
  return folder;
}

/** Whether `node` can be found on `searchPath` (asked of the shell, as a user would). */
export function nodeOnPath(searchPath: string): boolean {
  const found = spawnSync('/bin/sh', ['-c', 'command -v node'], {
    env: { PATH: searchPath },
  });
  return found.status === 0;
}

/** Pairs a console with a running agent the way a technician does: `pair`, then /v1/pair. */
export async function pairWith(
  agent: RunningAgent,
  command: AgentCommand,
  consoleName = 'deployment test',
): Promise<PairResponse> {
  const { code } = await issuePairingCode(agent.dataDir, [], command);
  const reply = await agentRequest(agent, '/v1/pair', { json: { code, consoleName } });
  if (reply.status !== 200) throw new Error(`pairing failed: ${reply.status} ${reply.body}`);
  return PairResponseSchema.parse(JSON.parse(reply.body));
}
