/**
 * agent.inventory.*: how long a full GET /v1/inventory takes, first request in a fresh
 * agent (cold) and repeated on a running one (warm), against si.getAllData() measured in
 * the same run, interleaved with the cold samples.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InventorySchema } from '@deskside/core';
import { createPinnedAgent, timedGet } from './agent-client';
import { createAgentData, startBenchAgent, type AgentData } from './agent-data';
import { siGetAllDataOnce } from './baselines';
import type { BenchContext, Benchmark } from './benchmark';

const COLD = 'agent.inventory.cold_ms';
const FIRST_RUN = 'agent.inventory.first_run_ms';
const WARM = 'agent.inventory.warm_ms';
const BASELINE = 'baseline.si_getalldata_ms';
const WARM_UP_REQUESTS = 3;
const INVENTORY_PATH = '/v1/inventory';

/**
 * One timed GET /v1/inventory, checked to be a 200 with a valid inventory document, over a
 * new connection (cold) or a kept-alive one (warm) as asked.
 */
async function timedInventory(
  data: AgentData,
  port: number,
  agent: ReturnType<typeof createPinnedAgent>,
  connection: 'new' | 'reused' | 'any',
): Promise<number> {
  const response = await timedGet({ agent, port, path: INVENTORY_PATH, token: data.token });
  if (connection !== 'any' && response.reusedSocket !== (connection === 'reused')) {
    throw new Error(`GET ${INVENTORY_PATH} did not use a ${connection} connection`);
  }
  if (response.status !== 200) {
    throw new Error(`GET ${INVENTORY_PATH} answered ${response.status}: ${response.body}`);
  }
  const parsed = InventorySchema.safeParse(JSON.parse(response.body));
  if (!parsed.success) {
    throw new Error(`GET ${INVENTORY_PATH} returned an invalid inventory: ${parsed.error.message}`);
  }
  return response.ms;
}

/**
 * The first inventory request of a freshly started agent, on a fresh TLS connection. The
 * agent finds the inventory cache its previous run left in the data folder (as an agent
 * restarted on a PC does), except on the first sample.
 */
async function coldSample(data: AgentData): Promise<number> {
  const running = await startBenchAgent(data);
  const agent = createPinnedAgent({ ...data, keepAlive: false });
  try {
    return await timedInventory(data, running.port, agent, 'new');
  } finally {
    agent.destroy();
    await running.stop();
  }
}

/**
 * The first request to an agent on its very first start: no inventory cache yet, so the
 * request waits for the collection (the certificate exists, as it is not the subject here).
 */
async function firstRunSample(data: AgentData): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-first-run-'));
  try {
    for (const file of ['agent-cert.pem', 'agent-key.pem']) {
      await copyFile(path.join(data.dataDir, file), path.join(dataDir, file));
    }
    return await coldSample({ ...data, dataDir });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measureColdAgainstBaseline(context: BenchContext, data: AgentData): Promise<void> {
  const pairs = context.samples(COLD);
  const cold: number[] = [];
  const baseline: number[] = [];
  const firstRun: number[] = [];
  for (let i = 1; i <= pairs; i++) {
    cold.push(await coldSample(data));
    baseline.push(await siGetAllDataOnce(context.repoRoot));
    if (context.wants(FIRST_RUN) && i <= context.samples(FIRST_RUN)) {
      firstRun.push(await firstRunSample(data));
    }
    context.progress(
      `${COLD} / ${BASELINE} pair ${i}/${pairs}: ${cold.at(-1)!.toFixed(1)} ms / ${baseline.at(-1)!.toFixed(1)} ms`,
    );
  }
  context.record(COLD, cold);
  context.record(BASELINE, baseline);
  if (firstRun.length > 0) context.record(FIRST_RUN, firstRun);
}

async function measureWarm(context: BenchContext, data: AgentData): Promise<void> {
  const count = context.samples(WARM);
  const running = await startBenchAgent(data);
  const agent = createPinnedAgent({ ...data, keepAlive: true });
  try {
    for (let i = 0; i < WARM_UP_REQUESTS; i++) {
      await timedInventory(data, running.port, agent, 'any');
    }
    const warm: number[] = [];
    for (let i = 0; i < count; i++) {
      warm.push(await timedInventory(data, running.port, agent, 'reused'));
    }
    context.progress(`${WARM}: ${count} requests on one connection`);
    context.record(WARM, warm);
  } finally {
    agent.destroy();
    await running.stop();
  }
}

export const agentInventoryBenchmark: Benchmark = {
  name: 'agent.inventory',
  needsAgentBuild: true,
  metrics: [
    {
      name: COLD,
      unit: 'ms',
      description: 'first full GET /v1/inventory of a fresh agent process (TLS handshake included)',
      defaultSamples: 9,
      comparedWith: BASELINE,
    },
    {
      name: BASELINE,
      unit: 'ms',
      description: 'si.getAllData() in a fresh node process',
      defaultSamples: 9,
    },
    {
      name: FIRST_RUN,
      unit: 'ms',
      description: 'first full GET /v1/inventory of an agent started for the first time (no cache)',
      defaultSamples: 5,
    },
    {
      name: WARM,
      unit: 'ms',
      description: 'full GET /v1/inventory to a running agent, kept-alive connection',
      defaultSamples: 50,
    },
  ],
  async run(context) {
    const data = await createAgentData(context.repoRoot);
    try {
      if (context.wants(COLD) || context.wants(BASELINE) || context.wants(FIRST_RUN))
        await measureColdAgainstBaseline(context, data);
      if (context.wants(WARM)) await measureWarm(context, data);
    } finally {
      await data.remove();
    }
  },
};
