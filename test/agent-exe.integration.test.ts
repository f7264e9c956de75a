import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentHealthSchema, INVENTORY_SECTIONS, InventoryV2Schema } from '@deskside/core';
import { AGENT_VERSION } from '../agent/src/version';
import { runAgentCli } from './helpers/agent-cli';
import {
  AGENT_EXECUTABLE,
  nodeOnPath,
  pairWith,
  pathWithoutNode,
} from './helpers/agent-executable';
import { agentRequest } from './helpers/agent-http';
import { startAgent, type AgentCommand, type RunningAgent } from './helpers/agent-process';
import { temporaryFolders } from './helpers/temp-folders';

// The self-contained executable (a Node.js single executable application, built by
// agent/build-sea.mjs in the global setup) on a PATH without node: nothing of Node.js but
// what is inside it.

const folders = temporaryFolders('deskside-agent-exe-');
let command: AgentCommand;
let noNodePath: string;

beforeAll(async () => {
  noNodePath = await pathWithoutNode(path.join(await folders.make(), 'bin'));
  command = { program: AGENT_EXECUTABLE, args: [], env: { PATH: noNodePath } };
});
afterAll(async () => {
  await folders.removeAll();
});

describe('the agent executable, on a computer without Node.js', () => {
  it('finds no node on the PATH it is given', () => {
    expect(nodeOnPath(noNodePath)).toBe(false);
    expect(nodeOnPath(process.env.PATH ?? '')).toBe(true);
  });

  it('prints its version, and no warning that SEA is experimental', async () => {
    const result = await runAgentCli(['--version'], {}, command);
    expect(result).toEqual({ code: 0, stdout: `${AGENT_VERSION}\n`, stderr: '' });
  });

  it('collects and prints the inventory on the PC itself', async () => {
    const result = await runAgentCli(
      ['inventory', '--json', '--sections', 'os,memory'],
      {},
      command,
    );
    expect(result.code, result.stderr).toBe(0);
    const document = InventoryV2Schema.parse(JSON.parse(result.stdout));
    expect(document.os?.platform).toBe('linux');
    expect(document.memory?.totalBytes).toBeGreaterThan(0);
  });

  it('lists its checks, which it loads only when asked', async () => {
    const result = await runAgentCli(['checks', '--json'], {}, command);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('checks');
  });

  it('writes a service that runs the executable itself, with no node and no script', async () => {
    const result = await runAgentCli(
      ['install-service', '--dry-run', '--platform', 'linux'],
      {},
      command,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `ExecStart="${AGENT_EXECUTABLE}" "serve" "--config" "/etc/deskside-agent/config.json"`,
    );
  });

  describe('serving', () => {
    let agent: RunningAgent;
    beforeAll(async () => {
      agent = await startAgent({ command, token: null });
    });
    afterAll(async () => {
      await agent.stop();
    });

    it('answers /v1/health over HTTPS', async () => {
      const reply = await agentRequest(agent, '/v1/health');
      expect(reply.status).toBe(200);
      expect(AgentHealthSchema.parse(JSON.parse(reply.body))).toMatchObject({
        status: 'ok',
        agentVersion: AGENT_VERSION,
      });
    });

    it('is found running by `status`, which asks it over HTTPS', async () => {
      const result = await runAgentCli(
        ['status', '--json', '--data-dir', agent.dataDir],
        {},
        command,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        running: true,
        pid: agent.pid,
        listening: agent.url,
        fingerprint: agent.fingerprint,
        answering: AGENT_VERSION,
      });
    });

    it('pairs a console, then returns the inventory its refresh child collected', async () => {
      const { credential } = await pairWith(agent, command);
      const reply = await agentRequest(agent, '/v1/inventory', { credential });
      expect(reply.status, reply.body).toBe(200);
      const document = InventoryV2Schema.parse(JSON.parse(reply.body));
      for (const section of INVENTORY_SECTIONS) {
        const explained = document.problems.some((p) => p.section === section);
        expect(document[section] !== undefined || explained, section).toBe(true);
      }
      // Static sections come only from the child (the executable again, `inventory --static`).
      expect(
        document.problems.filter((p) => ['software', 'system', 'os'].includes(p.section)),
      ).toEqual([]);
      expect(document.software?.programs.length).toBeGreaterThan(10);
      expect(await readdir(agent.dataDir)).toContain('agent-cert.pem');
      expect(await readFile(path.join(agent.dataDir, 'agent-cert.pem'), 'utf8')).toBe(
        agent.certPem,
      );
    });
  });
});
