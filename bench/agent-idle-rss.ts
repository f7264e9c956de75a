/**
 * agent.idle_rss_mb: resident memory of an agent that has been up for 10 s with its TLS
 * server listening and no request, next to a bare `node -e "setInterval(()=>{},1e3)"` that
 * has run as long. Each pair runs side by side, started together; medians of the pairs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ManagedProcess } from '#test/helpers/managed-process';
import { createAgentData, startBenchAgent } from './agent-data';
import { CHILD_ENV, type BenchContext, type Benchmark } from './benchmark';
import { residentMiB } from './process-memory';

const AGENT = 'agent.idle_rss_mb';
const BASELINE = 'baseline.node_idle_rss_mb';
const IDLE_MS = 10_000;
const BARE_NODE_SCRIPT = 'setInterval(()=>{},1e3)';

async function bareNodeAfterIdle(context: BenchContext): Promise<number> {
  const bare = await ManagedProcess.start(process.execPath, ['-e', BARE_NODE_SCRIPT], {
    label: 'bare node',
    cwd: context.repoRoot,
    env: CHILD_ENV,
  });
  try {
    await sleep(IDLE_MS);
    return await residentMiB(bare.pid);
  } finally {
    await bare.stop();
  }
}

export const agentIdleRssBenchmark: Benchmark = {
  name: 'agent.idle_rss',
  needsAgentBuild: true,
  metrics: [
    {
      name: AGENT,
      unit: 'MiB',
      description: 'RSS of an idle agent 10 s after it is listening (TLS server up, no request)',
      defaultSamples: 5,
      comparedWith: BASELINE,
    },
    {
      name: BASELINE,
      unit: 'MiB',
      description: 'RSS of a bare `node -e "setInterval(()=>{},1e3)"` after 10 s',
      defaultSamples: 5,
    },
  ],
  async run(context) {
    const data = await createAgentData(context.repoRoot);
    try {
      const pairs = Math.max(context.samples(AGENT), context.samples(BASELINE));
      const agent: number[] = [];
      const bare: number[] = [];
      for (let i = 1; i <= pairs; i++) {
        const [agentMiB, bareMiB] = await Promise.all([
          (async () => {
            const running = await startBenchAgent(data);
            try {
              await sleep(IDLE_MS);
              return await residentMiB(running.pid);
            } finally {
              await running.stop();
            }
          })(),
          bareNodeAfterIdle(context),
        ]);
        agent.push(agentMiB);
        bare.push(bareMiB);
        context.progress(
          `${AGENT} / ${BASELINE} pair ${i}/${pairs}: ${agentMiB.toFixed(1)} / ${bareMiB.toFixed(1)} MiB`,
        );
      }
      context.record(AGENT, agent);
      context.record(BASELINE, bare);
    } finally {
      await data.remove();
    }
  },
};
