/**
 * What an idle agent holds. It runs on every PC all day, mostly unasked: the logging library,
 * the full schemas of its API and inventory, the audit log's rotating stream and the lock
 * library come in with the requests that use them. The memory this saves is measured by
 * `agent.idle_rss_mb` (npm run bench); this test keeps the parts out of the idle process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolment, enrolmentFileText } from '../agent/src/security/enrolment-crypto';
import { runAgentCli } from './helpers/agent-cli';
import { agentRequest } from './helpers/agent-http';
import { startAgent, type RunningAgent } from './helpers/agent-process';

const REGISTER_TRACE = fileURLToPath(
  new URL('./fixtures/module-trace/register.mjs', import.meta.url),
);
/** Long enough for the start-up work (the first inventory refresh runs in a child). */
const IDLE_MS = 3_000;

/** The parts, by the source files the bundle was built from (its source maps). */
const LAZY_PARTS: Record<string, RegExp> = {
  'the logging library (pino)': /node_modules\/pino\//,
  "zod's classic API": /node_modules\/zod\/v4\/classic\//,
  'the API schemas': /core\/src\/agent-protocol\.ts$/,
  'the inventory section schemas': /core\/src\/inventory\/sections\.ts$/,
  'the rotating audit stream': /node_modules\/rotating-file-stream\//,
  'the lock library': /node_modules\/proper-lockfile\//,
  'the hardware library': /node_modules\/systeminformation\//,
  'the check catalog': /core\/src\/checks\/catalog\.ts$/,
};

let traceDir: string;
let trace: string;
let agent: RunningAgent;

/** The source files of every module process `pid` has loaded so far. */
function loadedSources(pid: number): string[] {
  if (!existsSync(trace)) return [];
  const sources: string[] = [];
  for (const line of readFileSync(trace, 'utf8').split('\n')) {
    const [linePid, url] = line.split(' ');
    if (Number(linePid) !== pid || !url) continue;
    const file = fileURLToPath(url);
    const map = `${file}.map`;
    if (!existsSync(map)) {
      sources.push(file);
      continue;
    }
    const { sources: mapped } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
    sources.push(...mapped.map((source) => path.resolve(path.dirname(file), source)));
  }
  return sources.map((source) => source.split(path.sep).join('/'));
}

function partsLoaded(pid: number): string[] {
  const sources = loadedSources(pid);
  return Object.entries(LAZY_PARTS)
    .filter(([, pattern]) => sources.some((source) => pattern.test(source)))
    .map(([part]) => part);
}

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

beforeAll(async () => {
  traceDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-module-trace-'));
  trace = path.join(traceDir, 'modules.txt');
  agent = await startAgent({
    extraEnv: { NODE_OPTIONS: `--import ${REGISTER_TRACE}`, DESKSIDE_MODULE_TRACE: trace },
  });
});

afterAll(async () => {
  await agent.stop();
  await rm(traceDir, { recursive: true, force: true });
});

describe('an idle agent', () => {
  it('holds none of the parts that only requests use', async () => {
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const sources = loadedSources(agent.pid);
    // The trace sees the agent itself: its entry and the serving code.
    expect(sources.some((source) => source.endsWith('agent/src/cli/commands/serve.ts'))).toBe(true);
    expect(partsLoaded(agent.pid)).toEqual([]);
  });

  it('loads the logger and the API schemas with the first request', async () => {
    const reply = await agentRequest(agent, '/v1/health');
    expect(reply.status).toBe(200);
    const loaded = await eventually(
      () =>
        partsLoaded(agent.pid).includes('the logging library (pino)') &&
        partsLoaded(agent.pid).includes("zod's classic API"),
    );
    expect(partsLoaded(agent.pid)).toContain('the API schemas');
    expect(loaded).toBe(true);
  });

  it('loads the section schemas with the first inventory request that reads the cache', async () => {
    const reply = await agentRequest(agent, '/v1/inventory?sections=os', {
      credential: agent.token,
    });
    expect(reply.status).toBe(200);
    expect(partsLoaded(agent.pid)).toContain('the inventory section schemas');
    // The audit line of the request brings the rotating stream.
    expect(
      await eventually(() => partsLoaded(agent.pid).includes('the rotating audit stream')),
    ).toBe(true);
  });
});

describe('an idle agent enrolled with a desk', () => {
  it('takes the enrolment file beside its config file again at start, and holds none of those parts', async () => {
    const dataDir = path.join(traceDir, 'enrolled');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const config = path.join(dataDir, 'test-config.json');
    await writeFile(config, '{}\n');
    const file = path.join(dataDir, 'enrolment.json');
    const { file: enrolment } = createEnrolment({
      deskName: 'helpdesk',
      label: 'Finance laptops',
      validDays: 14,
      maxMachines: 5,
    });
    await writeFile(file, enrolmentFileText(enrolment));
    const taken = await runAgentCli(['enrol', '--file', file, '--data-dir', dataDir], {
      DESKSIDE_AGENT_CONFIG: config,
    });
    expect(taken.code).toBe(0);
    const enrolled = await startAgent({
      dataDir,
      extraEnv: { NODE_OPTIONS: `--import ${REGISTER_TRACE}`, DESKSIDE_MODULE_TRACE: trace },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      expect(enrolled.stdout()).toMatch(/Enrolment: .*taken before/);
      expect(partsLoaded(enrolled.pid)).toEqual([]);
    } finally {
      await enrolled.stop();
    }
  });
});
