import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { agentRequest } from '#test/helpers/agent-http';

let agent: RunningAgent | undefined;
let taken: net.Server | undefined;
let dir: string | undefined;
afterEach(async () => {
  await agent?.stop();
  taken?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  agent = taken = dir = undefined;
});

it('a fleet agent whose help page port is taken still serves the desk, and says why the page is missing', async () => {
  taken = net.createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const port = (taken.address() as net.AddressInfo).port;
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-help-port-'));
  const config = path.join(dir, 'config.json');
  // No NATS server answers there: presence keeps retrying in the background meanwhile.
  await writeFile(
    config,
    JSON.stringify({ fleet: { servers: ['nats://127.0.0.1:1'], helpPort: port } }),
  );
  agent = await startAgent({ extraEnv: { DESKSIDE_AGENT_CONFIG: config } });
  expect((await agentRequest(agent, '/v1/health')).status).toBe(200);
  const reply = await agentRequest(agent, '/v1/inventory?sections=os', { credential: agent.token });
  expect(reply.status).toBe(200);
  expect(agent.stdout()).not.toMatch(/^Help page: /m);
  expect(agent.output()).toContain(
    `Help page not started: the help page could not listen on 127.0.0.1:${port}`,
  );
});
