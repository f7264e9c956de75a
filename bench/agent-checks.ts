/**
 * agent.check_rtt_*: console -> agent -> console for one trivial check (memory.pressure: no
 * command, no disk), through the console's own transport (pinned, kept-alive connection,
 * NDJSON progress, every event validated), to a real agent on loopback.
 *
 * Several rounds of many requests; each round gives a p50 and a p99, and the reported figure
 * is the median over rounds.
 */
import { performance } from 'node:perf_hooks';
import { agentHttpsTransport } from '../electron/services/machines/transports';
import { createAgentData, startBenchAgent } from './agent-data';
import type { Benchmark } from './benchmark';
import { median, percentile } from './stats';
import { credentialSigner } from '../electron/services/machines/machine-credentials';

const P50 = 'agent.check_rtt_p50_ms';
const P99 = 'agent.check_rtt_p99_ms';
const REQUESTS_PER_ROUND = 400;
const WARM_UP_REQUESTS = 50;

/** Rate limits out of the way: this measures the round trip, not the limiter's refusals. */
export const UNLIMITED_AGENT_ARGS = [
  '--rate-per-console',
  '1000000',
  '--rate-per-address',
  '1000000',
];

const TRIVIAL_CHECK = [
  { checkId: 'memory.pressure', params: { warnAbovePercent: 85, failAbovePercent: 95 } },
] as const;

export const agentCheckRttBenchmark: Benchmark = {
  name: 'agent.check_rtt',
  needsAgentBuild: true,
  metrics: [
    {
      name: P50,
      unit: 'ms',
      description: `median round trip of one trivial check, console transport, kept-alive (median of rounds of ${REQUESTS_PER_ROUND})`,
      defaultSamples: 5,
    },
    {
      name: P99,
      unit: 'ms',
      description: `99th percentile of the same round trips (median of rounds of ${REQUESTS_PER_ROUND})`,
      defaultSamples: 5,
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
    try {
      const transport = agentHttpsTransport({
        address: '127.0.0.1',
        port: agent.port,
        certPem: data.certPem,
        fingerprint: data.fingerprint,
        sign: credentialSigner(data.token, 'analyst', data.fingerprint),
      });
      const once = async () => {
        const started = performance.now();
        const [result] = await transport.runChecks([...TRIVIAL_CHECK]);
        const ms = performance.now() - started;
        if (result?.checkId !== 'memory.pressure' || result.status === 'error') {
          throw new Error(`the trivial check answered ${JSON.stringify(result)}`);
        }
        return ms;
      };
      for (let i = 0; i < WARM_UP_REQUESTS; i++) await once();
      const rounds = Math.max(context.samples(P50), context.samples(P99));
      const p50s: number[] = [];
      const p99s: number[] = [];
      for (let round = 1; round <= rounds; round++) {
        const samples: number[] = [];
        for (let i = 0; i < REQUESTS_PER_ROUND; i++) samples.push(await once());
        p50s.push(median(samples));
        p99s.push(percentile(samples, 99));
        context.progress(
          `round ${round}/${rounds}: p50 ${p50s.at(-1)!.toFixed(2)} ms, p99 ${p99s.at(-1)!.toFixed(2)} ms`,
        );
      }
      context.record(P50, p50s);
      context.record(P99, p99s);
    } finally {
      await agent.stop();
      await data.remove();
    }
  },
};
