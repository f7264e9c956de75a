import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { PeerCertificate } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AgentErrorResponseSchema,
  INVENTORY_SECTIONS,
  InventoryV2Schema,
  type InventoryV2,
} from '@deskside/core';
import { AGENT_BUNDLE, startAgent, type RunningAgent } from './helpers/agent-process';

const execFileAsync = promisify(execFile);

function get(agent: RunningAgent, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: agent.host,
        port: agent.port,
        path: target,
        headers: { authorization: `Bearer ${agent.token}` },
        agent: false,
        ca: agent.certPem,
        checkServerIdentity: (_host: string, cert: PeerCertificate) =>
          cert.fingerprint256 === agent.fingerprint
            ? undefined
            : new Error('not the pinned certificate'),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function inventory(agent: RunningAgent, query = ''): Promise<InventoryV2> {
  const reply = await get(agent, `/v1/inventory${query}`);
  expect(reply.status, reply.body).toBe(200);
  return InventoryV2Schema.parse(JSON.parse(reply.body));
}

const present = (document: InventoryV2) =>
  INVENTORY_SECTIONS.filter((s) => document[s] !== undefined);

describe('GET /v1/inventory (real agent process)', () => {
  let agent: RunningAgent;
  beforeAll(async () => {
    agent = await startAgent();
  });
  afterAll(async () => {
    await agent.stop();
  });

  it('returns the complete document: every section, or why it is missing', async () => {
    const document = await inventory(agent);
    expect(document.hostname).toBe(os.hostname());
    for (const section of INVENTORY_SECTIONS) {
      const explained = document.problems.some((p) => p.section === section);
      expect(document[section] !== undefined || explained, section).toBe(true);
    }
    expect(document.software?.programs.length).toBeGreaterThan(10);
    expect(document.cpu?.load).not.toBeNull();
  });

  it('serves static sections from its cache and reads dynamic ones again', async () => {
    const first = await inventory(agent, '?sections=system,os,memory');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await inventory(agent, '?sections=system,os,memory');
    expect(second.observedAt.system).toBe(first.observedAt.system);
    expect(Date.parse(second.observedAt.memory!)).toBeGreaterThan(
      Date.parse(first.observedAt.memory!),
    );
  });

  it('returns only the sections asked for', async () => {
    const document = await inventory(agent, '?sections=os,software,fileSystems');
    expect(present(document)).toEqual(['os', 'fileSystems', 'software']);
    expect(Object.keys(document.observedAt).sort()).toEqual(['fileSystems', 'os', 'software']);
    // Names may repeat and carry spaces: still only those.
    expect(present(await inventory(agent, '?sections=cpu,%20cpu'))).toEqual(['cpu']);
  });

  it.each([
    [
      'an unknown section',
      '?sections=os,registry',
      /Unknown inventory section "registry".*the sections are system, bios/,
    ],
    ['no section at all', '?sections=', /Name at least one section/],
    ['only commas', '?sections=,,', /Name at least one section/],
    ['a misspelt parameter', '?section=os', /section/],
    ['the parameter twice', '?sections=os&sections=cpu', /given twice/],
  ])('refuses %s with 400 and a message that says what is wrong', async (_what, query, message) => {
    const reply = await get(agent, `/v1/inventory${query}`);
    expect(reply.status).toBe(400);
    const error = AgentErrorResponseSchema.parse(JSON.parse(reply.body)).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(message);
  });

  it('keeps the static sections in its data folder, and a restarted agent answers from them', async () => {
    const before = await inventory(agent, '?sections=system,software');
    expect(existsSync(path.join(agent.dataDir, 'inventory-cache.txt'))).toBe(true);
    const restarted = await startAgent({ dataDir: agent.dataDir });
    try {
      const after = await inventory(restarted, '?sections=system,software');
      expect(after.software).toEqual(before.software);
      expect(after.observedAt.system).toBe(before.observedAt.system);
    } finally {
      await restarted.stop();
    }
  });
});

/** The pids of processes whose command line names `folder` (Linux's /proc). */
function processesNaming(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.split('\0').includes(folder)) pids.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

describe.runIf(process.platform === 'linux')('a stopped agent (real agent process)', () => {
  it('ends its inventory refresh before it exits, so nothing writes into its data folder after it', async () => {
    // A new data folder: the agent starts collecting its static sections at once.
    const agent = await startAgent();
    const { dataDir } = agent;
    // Spawned a moment after the agent answers (later still on a busy machine).
    const refreshing = await vi.waitFor(
      () => {
        const pids = processesNaming(dataDir).filter((pid) => pid !== agent.pid);
        expect(pids.length, 'a refresh child was running before the stop').toBeGreaterThan(0);
        return pids;
      },
      { timeout: 15_000, interval: 20 },
    );
    // A refresh that cannot act on SIGTERM (here: paused) must still be gone once the agent is.
    for (const pid of refreshing) process.kill(pid, 'SIGSTOP');
    try {
      await agent.stop();
      expect(processesNaming(dataDir)).toEqual([]);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      for (const pid of processesNaming(dataDir)) process.kill(pid, 'SIGKILL');
    }
  }, 30_000);
});

describe('`deskside-agent inventory`', () => {
  const cli = (args: string[]) =>
    execFileAsync(process.execPath, [AGENT_BUNDLE, 'inventory', ...args], { timeout: 30_000 });

  it('prints a readable summary', async () => {
    const { stdout } = await cli([]);
    expect(stdout).toMatch(new RegExp(`^Host +${os.hostname()}$`, 'm'));
    for (const label of [
      'OS',
      'Up',
      'CPU',
      'Memory',
      'File system',
      'Network',
      'Gateway',
      'DNS',
      'Software',
      'Updates',
    ]) {
      expect(stdout).toMatch(new RegExp(`^${label} `, 'm'));
    }
    expect(stdout).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('--json --sections prints a document with those sections only', async () => {
    const { stdout } = await cli(['--json', '--sections', 'os,battery']);
    expect(present(InventoryV2Schema.parse(JSON.parse(stdout)))).toEqual(['os', 'battery']);
  });

  it('--sections with an unknown name exits 1 and names it', async () => {
    const failure = (await cli(['--sections', 'os,bogus']).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
    };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('--sections: Unknown inventory section "bogus"');
  });
});
