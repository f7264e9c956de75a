/**
 * agent.load.*: a freshly started agent, first through its start-up, then under load.
 *
 * Start-up (`agent.load.startup_ms`, reported on its own): from starting the agent process,
 * with an empty data folder, until it answers a full inventory with every section its first
 * collection reads, polled by one console. Only then does the load start: 100 concurrent
 * consoles for 30 s (agent-load-clients.ts), so the load figures are the steady state.
 * Targets: inventory p99 at most 100 ms, checks p99 at most 250 ms, zero errors.
 *
 * Each sample is a new agent on a new data folder; the JSON shows the medians.
 */
import { performance } from 'node:perf_hooks';
import { InventoryV2Schema, type InventoryV2 } from '@deskside/core';
import { UNLIMITED_AGENT_ARGS } from './agent-checks';
import { createPinnedAgent, timedGet } from './agent-client';
import { createAgentData, startBenchAgent, type AgentData } from './agent-data';
import { runLoad, type LoadResult, type RequestKind } from './agent-load-clients';
import type { Benchmark } from './benchmark';
import { median, percentile } from './stats';

const STARTUP = 'agent.load.startup_ms';
const RPS = 'agent.load.rps';
const P99 = 'agent.load.p99_ms';
const INVENTORY_P99 = 'agent.load.inventory_p99_ms';
const CHECKS_P99 = 'agent.load.checks_p99_ms';
const ERRORS = 'agent.load.errors';
const CLIENTS = 100;
const DURATION_MS = 30_000;
/** A first collection that takes longer is a failure, not a figure. */
const STARTUP_DEADLINE_MS = 180_000;

/**
 * Sections the first collection has not delivered yet: the agent answers those (after a
 * bounded wait) with a `timeout` problem, which a later request no longer has.
 */
function stillCollecting(inventory: InventoryV2): string[] {
  return inventory.problems
    .filter((problem) => problem.reason === 'timeout')
    .map((problem) => problem.section);
}

/** Polls GET /v1/inventory until it holds the first collection's sections. */
async function untilFirstCollection(data: AgentData, port: number, startedAt: number) {
  const agent = createPinnedAgent({ ...data, keepAlive: true });
  try {
    for (let polls = 1; ; polls++) {
      const response = await timedGet({ agent, port, token: data.token, path: '/v1/inventory' });
      if (response.status !== 200) {
        throw new Error(`GET /v1/inventory answered ${response.status}: ${response.body}`);
      }
      const inventory = InventoryV2Schema.safeParse(JSON.parse(response.body));
      if (!inventory.success) {
        throw new Error(
          `GET /v1/inventory returned an invalid inventory: ${inventory.error.message}`,
        );
      }
      const missing = stillCollecting(inventory.data);
      const elapsed = performance.now() - startedAt;
      if (missing.length === 0) return { ms: elapsed, polls };
      if (elapsed > STARTUP_DEADLINE_MS) {
        throw new Error(
          `the first collection did not finish within ${STARTUP_DEADLINE_MS} ms (${missing.join(', ')})`,
        );
      }
    }
  } finally {
    agent.destroy();
  }
}

const p99Of = (samples: number[]) => (samples.length > 0 ? percentile(samples, 99) : 0);

function describeLoad(load: LoadResult): string {
  const kind = (name: RequestKind) => {
    const samples = load.latencies[name];
    return samples.length === 0
      ? `${name} -`
      : `${name} p50 ${median(samples).toFixed(1)} / p99 ${p99Of(samples).toFixed(1)} ms (${samples.length})`;
  };
  const errors = load.errors.length;
  const checkMs = [...load.checkMs]
    .map(([checkId, ms]) => `${checkId} ${median(ms).toFixed(1)}/${p99Of(ms).toFixed(1)}`)
    .join(', ');
  return (
    `${load.requests} requests in ${load.seconds.toFixed(1)} s; ${kind('inventory')}, ${kind('checks')}; ` +
    `${errors} errors${errors > 0 ? ` (first: ${load.errors[0]!})` : ''}; ` +
    `${load.validated} bodies validated, ${load.newConnections} connections opened while timed; ` +
    `each check's own time p50/p99 ms: ${checkMs}`
  );
}

export const agentLoadBenchmark: Benchmark = {
  name: 'agent.load',
  needsAgentBuild: true,
  metrics: [
    {
      name: STARTUP,
      unit: 'ms',
      description:
        'fresh agent, empty data folder: process start until it answers an inventory from its first collection',
      defaultSamples: 3,
    },
    {
      name: RPS,
      unit: 'req/s',
      description: `after start-up: ${CLIENTS} concurrent consoles for ${DURATION_MS / 1000} s, inventories and check batches mixed`,
      defaultSamples: 3,
    },
    {
      name: P99,
      unit: 'ms',
      description: '99th percentile latency of the same run, all requests',
      defaultSamples: 3,
    },
    {
      name: INVENTORY_P99,
      unit: 'ms',
      description: '99th percentile latency of its full inventories (target 100)',
      defaultSamples: 3,
    },
    {
      name: CHECKS_P99,
      unit: 'ms',
      description: '99th percentile latency of its check batches (target 250)',
      defaultSamples: 3,
    },
    {
      name: ERRORS,
      unit: 'errors',
      description: 'failed requests and invalid answers in the same run (target 0)',
      defaultSamples: 3,
    },
  ],
  async run(context) {
    const runs = Math.max(
      ...[STARTUP, RPS, P99, INVENTORY_P99, CHECKS_P99, ERRORS].map((metric) =>
        context.samples(metric),
      ),
    );
    const samples = {
      startup: [] as number[],
      rps: [] as number[],
      p99: [] as number[],
      inventory: [] as number[],
      checks: [] as number[],
      errors: [] as number[],
    };
    for (let run = 1; run <= runs; run++) {
      const data = await createAgentData(context.repoRoot);
      try {
        const startedAt = performance.now();
        const agent = await startBenchAgent(data, UNLIMITED_AGENT_ARGS);
        try {
          const listeningMs = performance.now() - startedAt;
          const startup = await untilFirstCollection(data, agent.port, startedAt);
          context.progress(
            `run ${run}/${runs}: listening after ${listeningMs.toFixed(0)} ms, first collection answered after ${startup.ms.toFixed(0)} ms (${startup.polls} polls)`,
          );
          const load = await runLoad({
            data,
            port: agent.port,
            clients: CLIENTS,
            durationMs: DURATION_MS,
          });
          context.progress(`run ${run}/${runs}: ${describeLoad(load)}`);
          samples.startup.push(startup.ms);
          samples.rps.push(load.requests / load.seconds);
          samples.p99.push(p99Of([...load.latencies.inventory, ...load.latencies.checks]));
          samples.inventory.push(p99Of(load.latencies.inventory));
          samples.checks.push(p99Of(load.latencies.checks));
          samples.errors.push(load.errors.length);
        } finally {
          await agent.stop();
        }
      } finally {
        await data.remove();
      }
    }
    context.record(STARTUP, samples.startup);
    context.record(RPS, samples.rps);
    context.record(P99, samples.p99);
    context.record(INVENTORY_P99, samples.inventory);
    context.record(CHECKS_P99, samples.checks);
    context.record(ERRORS, samples.errors);
  },
};
