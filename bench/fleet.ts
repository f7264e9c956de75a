/**
 * fleet: checks over NATS to many agents at once. 2,000 simulated agents (each its own NATS
 * connection and `.creds`, with the agent's own check responder and runner) in a few
 * processes on this machine, a real nats-server on 127.0.0.1 trusting the desk's operator,
 * and a lead's console asking all of them for `memory.pressure` with one fleet-wide message
 * (`FleetChecks.scatter`). Each sample is one such request: the 99th percentile of the
 * 2,000 replies' times from the request, and the time until the last reply.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { ManagedProcess } from '#test/helpers/managed-process';
import {
  connectTestConsole,
  findNatsServer,
  startNatsServer,
  type TestNatsServer,
} from '#test/helpers/nats';
import { FleetAuthority } from '../electron/services/fleet/fleet-authority';
import { FleetChecks } from '../electron/services/fleet/fleet-checks';
import { BenchmarkUnavailable, CHILD_ENV, type Benchmark } from './benchmark';
import { percentile } from './stats';

const AGENTS = 2_000;
/** Processes the simulated agents share (the machine has two cores). */
const AGENT_PROCESSES = 4;
const READY_TIMEOUT_MS = 180_000;
const FANOUT_TIMEOUT_MS = 30_000;
const WARM_UPS = 2;
const P99 = 'fleet.fanout_p99_ms@2000';
const LAST = 'fleet.fanout_last_ms@2000';

export const fleetBenchmark: Benchmark = {
  name: 'fleet',
  needsAgentBuild: false,
  metrics: [
    {
      name: P99,
      unit: 'ms',
      description: 'one check to 2,000 NATS agents: 99th percentile of their replies',
      defaultSamples: 10,
    },
    {
      name: LAST,
      unit: 'ms',
      description: 'one check to 2,000 NATS agents: until the last reply',
      defaultSamples: 10,
    },
  ],
  run: async (context) => {
    if (!findNatsServer()) {
      throw new BenchmarkUnavailable('no nats-server here (npm run setup installs it)');
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-fleet-'));
    const authority = FleetAuthority.create('bench-desk');
    let server: TestNatsServer | null = null;
    const agents: ManagedProcess[] = [];
    try {
      server = await startNatsServer(authority);
      context.progress(`issuing ${AGENTS} agent identities`);
      const ids = Array.from({ length: AGENTS }, () => randomUUID());
      for (const id of ids) {
        await writeFile(path.join(dir, `${id}.creds`), (await authority.issueAgent(id)).creds, {
          mode: 0o600,
        });
      }
      context.progress(`connecting ${AGENTS} agents from ${AGENT_PROCESSES} processes`);
      const share = Math.ceil(AGENTS / AGENT_PROCESSES);
      for (let index = 0; index < AGENT_PROCESSES; index++) {
        agents.push(
          await ManagedProcess.start(
            process.execPath,
            [
              '--import',
              'tsx',
              'bench/fleet-agents.ts',
              server.url,
              dir,
              ...ids.slice(index * share, (index + 1) * share),
            ],
            { label: `fleet agents ${index + 1}`, cwd: context.repoRoot, env: CHILD_ENV },
          ),
        );
      }
      for (const agent of agents) await agent.waitForLine(/^ready \d+$/, READY_TIMEOUT_MS);
      const connection = await connectTestConsole(server, authority, 'lead', 'bench-lead');
      const checks = new FleetChecks({ connection, consoleId: 'bench-lead', role: 'lead' });
      const rounds = Math.max(context.samples(P99), context.samples(LAST));
      const p99s: number[] = [];
      const lasts: number[] = [];
      for (let round = 0; round < WARM_UPS + rounds; round++) {
        const arrivals: number[] = [];
        const started = performance.now();
        const result = await checks.scatter(ids, [{ checkId: 'memory.pressure' }], {
          perAgentTimeoutMs: FANOUT_TIMEOUT_MS,
          everyAgent: true,
          onProgress: () => arrivals.push(performance.now() - started),
        });
        const missing = result.outcomes.filter((outcome) => outcome.state !== 'done').length;
        if (missing > 0) throw new Error(`${missing} of ${AGENTS} agents did not answer`);
        if (round < WARM_UPS) continue;
        p99s.push(percentile(arrivals, 99));
        lasts.push(Math.max(...arrivals));
        context.progress(
          `fan-out ${round - WARM_UPS + 1}/${rounds}: p99 ${Math.round(p99s.at(-1)!)} ms, last ${Math.round(lasts.at(-1)!)} ms`,
        );
      }
      await connection.close();
      if (context.wants(P99)) context.record(P99, p99s);
      if (context.wants(LAST)) context.record(LAST, lasts);
    } finally {
      await Promise.all(agents.map((agent) => agent.stop()));
      await server?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
