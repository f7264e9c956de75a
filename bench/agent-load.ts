/**
 * agent.load.*: 100 concurrent consoles for 30 s against one agent, each on its own kept-alive
 * pinned connection, sending one request after another: a mix of inventories and check
 * batches. Reports requests per second, the 99th percentile latency and the errors (any
 * answer but a valid 200, or a failed connection). Target: zero errors.
 */
import { performance } from 'node:perf_hooks';
import { InventorySchema, RunChecksResponseSchema } from '@deskside/core';
import { UNLIMITED_AGENT_ARGS } from './agent-checks';
import { createPinnedAgent, timedRequest } from './agent-client';
import { createAgentData, startBenchAgent } from './agent-data';
import type { Benchmark } from './benchmark';
import { percentile } from './stats';

const RPS = 'agent.load.rps';
const P99 = 'agent.load.p99_ms';
const ERRORS = 'agent.load.errors';
const CLIENTS = 100;
const DURATION_MS = 30_000;
/** One request in this many is a full inventory; the others run checks. */
const INVENTORY_EVERY = 5;

const CHECK_BATCHES = [
  [{ checkId: 'memory.pressure' }],
  [{ checkId: 'disk.free' }, { checkId: 'system.uptime' }],
  [{ checkId: 'fs.writable' }],
  [{ checkId: 'memory.pressure' }, { checkId: 'disk.free', params: { path: '/' } }],
];

interface ClientTally {
  latencies: number[];
  /** The same latencies by kind of request, for the progress line. */
  byKind: Record<'inventory' | 'checks', number[]>;
  errors: string[];
}

const p99Text = (samples: number[]) =>
  samples.length > 0 ? `${percentile(samples, 99).toFixed(1)} ms` : '-';

export const agentLoadBenchmark: Benchmark = {
  name: 'agent.load',
  needsAgentBuild: true,
  metrics: [
    {
      name: RPS,
      unit: 'req/s',
      description: `${CLIENTS} concurrent consoles for ${DURATION_MS / 1000} s, inventories and check batches mixed`,
      defaultSamples: 1,
    },
    {
      name: P99,
      unit: 'ms',
      description: '99th percentile latency of the same run',
      defaultSamples: 1,
    },
    {
      name: ERRORS,
      unit: 'errors',
      description: 'failed requests in the same run (target 0)',
      defaultSamples: 1,
    },
  ],
  async run(context) {
    const data = await createAgentData(context.repoRoot);
    const agent = await startBenchAgent(data, UNLIMITED_AGENT_ARGS).catch(
      async (error: unknown) => {
        await data.remove();
        throw error;
      },
    );
    const runs = Math.max(context.samples(RPS), context.samples(P99), context.samples(ERRORS));
    const rps: number[] = [];
    const p99s: number[] = [];
    const errors: number[] = [];
    try {
      for (let run = 1; run <= runs; run++) {
        const clients = Array.from({ length: CLIENTS }, () =>
          createPinnedAgent({ ...data, keepAlive: true }),
        );
        const started = performance.now();
        const deadline = started + DURATION_MS;
        const client = async (index: number): Promise<ClientTally> => {
          const tally: ClientTally = {
            latencies: [],
            byKind: { inventory: [], checks: [] },
            errors: [],
          };
          for (let n = index; performance.now() < deadline; n++) {
            const inventory = n % INVENTORY_EVERY === 0;
            try {
              const response = await timedRequest({
                agent: clients[index]!,
                port: agent.port,
                token: data.token,
                path: inventory ? '/v1/inventory' : '/v1/checks/run',
                ...(inventory ? {} : { body: { checks: CHECK_BATCHES[n % CHECK_BATCHES.length] } }),
              });
              const schema = inventory ? InventorySchema : RunChecksResponseSchema;
              if (response.status !== 200)
                tally.errors.push(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
              else if (!schema.safeParse(JSON.parse(response.body)).success)
                tally.errors.push('invalid body');
              else {
                tally.latencies.push(response.ms);
                tally.byKind[inventory ? 'inventory' : 'checks'].push(response.ms);
              }
            } catch (error) {
              tally.errors.push(error instanceof Error ? error.message : String(error));
            }
          }
          return tally;
        };
        const tallies = await Promise.all(clients.map((_, index) => client(index)));
        const seconds = (performance.now() - started) / 1000;
        for (const pinned of clients) pinned.destroy();
        const latencies = tallies.flatMap((tally) => tally.latencies);
        const failed = tallies.flatMap((tally) => tally.errors);
        rps.push((latencies.length + failed.length) / seconds);
        p99s.push(latencies.length > 0 ? percentile(latencies, 99) : 0);
        errors.push(failed.length);
        const kind = (name: 'inventory' | 'checks') =>
          tallies.flatMap((tally) => tally.byKind[name]);
        context.progress(
          `run ${run}/${runs}: ${latencies.length + failed.length} requests in ${seconds.toFixed(1)} s, ${failed.length} errors${failed.length > 0 ? ` (first: ${failed[0]!})` : ''}; ` +
            `p99 inventory ${p99Text(kind('inventory'))} (${kind('inventory').length}), checks ${p99Text(kind('checks'))} (${kind('checks').length})`,
        );
      }
      context.record(RPS, rps);
      context.record(P99, p99s);
      context.record(ERRORS, errors);
    } finally {
      await agent.stop();
      await data.remove();
    }
  },
};
