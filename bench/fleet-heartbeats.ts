/**
 * fleet.heartbeats: 10,000 simulated agents' heartbeats into the presence bucket, held for
 * 60 s, while a console's `FleetLink` (in a process of its own, on a SQLite desk) watches.
 * A real nats-server on 127.0.0.1 trusts a throwaway operator; the agents run in a few
 * processes, each agent with its own identity and NATS connection, beating every
 * `FLEET_HEARTBEAT_SECONDS` at its own phase (bench/fleet-heartbeat-agents.ts).
 *
 * Reported: how many agents the console counts online at the end of the hold (the metric
 * itself), the console process's memory (RSS and V8 heap in use: the peak from the link's
 * start to the end of the hold, and at the end), nats-server's CPU over the 60 s hold (CPU
 * seconds and percent of one core, from /proc/<pid>/stat) and the heartbeats that failed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ManagedProcess } from '#test/helpers/managed-process';
import {
  connectTestConsole,
  findNatsServer,
  startNatsServer,
  type TestNatsServer,
} from '#test/helpers/nats';
import { FleetAuthority } from '../electron/services/fleet/fleet-authority';
import { ensureFleetStorage } from '../electron/services/fleet/fleet-storage';
import { BenchmarkUnavailable, CHILD_ENV, type Benchmark } from './benchmark';

const AGENTS = 10_000;
/** Processes the simulated agents share (the machine has two cores). */
const AGENT_PROCESSES = 5;
const HOLD_MS = 60_000;
const READY_TIMEOUT_MS = 45 * 60_000;
/** File descriptors needed beyond the connections (JetStream's files, pipes, the console). */
const SPARE_FILES = 2_000;
/**
 * Handshakes on two loaded cores take longer than nats-server's default 2 s (it then closes
 * the socket), and the server's default of 65,536 connections is written out as the limit.
 */
const SERVER = { authTimeoutSeconds: 30, maxConnections: 65_536 };

const N = `@${AGENTS}`;
const ONLINE = `fleet.heartbeats${N}`;
const RSS_PEAK = `fleet.heartbeats.console_rss_peak_mib${N}`;
const RSS_END = `fleet.heartbeats.console_rss_end_mib${N}`;
const HEAP_PEAK = `fleet.heartbeats.console_heap_peak_mib${N}`;
const HEAP_END = `fleet.heartbeats.console_heap_end_mib${N}`;
const NATS_CPU_S = `fleet.heartbeats.nats_cpu_s${N}`;
const NATS_CPU_PERCENT = `fleet.heartbeats.nats_cpu_percent${N}`;
const FAILED = `fleet.heartbeats.failed_puts${N}`;
const FAILED_ALL = `fleet.heartbeats.failed_puts_whole_run${N}`;

interface ConsoleSample {
  at: number;
  rssMiB: number;
  heapMiB: number;
  online: number;
  seen: number;
}

/** The soft limit of open files this process (and so its children) has; null if unknown. */
async function openFilesLimit(): Promise<number | null> {
  if (process.platform !== 'linux') return null;
  const limits = await readFile('/proc/self/limits', 'utf8');
  const soft = /^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1];
  if (soft === undefined) return null;
  return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

/** CPU seconds (user + system) process `pid` has used, from /proc/<pid>/stat. */
async function cpuSeconds(pid: number, ticksPerSecond: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count the fields after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

function consoleSamples(consoleProcess: ManagedProcess): ConsoleSample[] {
  return consoleProcess
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('sample '))
    .map((line) => JSON.parse(line.slice('sample '.length)) as ConsoleSample);
}

/** Heartbeats stored and failed, summed over the agents' processes, from their last `line`s. */
function putCounts(agents: readonly ManagedProcess[], line: 'stats' | 'mark') {
  const counts = { puts: 0, failed: 0 };
  const pattern = new RegExp(`^${line} puts=(\\d+) failed=(\\d+)$`, 'gm');
  for (const agent of agents) {
    const last = [...agent.stdout().matchAll(pattern)].at(-1);
    counts.puts += Number(last?.[1] ?? 0);
    counts.failed += Number(last?.[2] ?? 0);
  }
  return counts;
}

export const fleetHeartbeatsBenchmark: Benchmark = {
  name: 'fleet.heartbeats',
  needsAgentBuild: false,
  metrics: [
    {
      name: ONLINE,
      unit: 'count',
      description: '10,000 NATS agents beating for 60 s: agents the console counts online',
      defaultSamples: 1,
    },
    {
      name: RSS_PEAK,
      unit: 'MiB',
      description: "the console's RSS while it watches them (peak)",
      defaultSamples: 1,
    },
    {
      name: RSS_END,
      unit: 'MiB',
      description: "the console's RSS at the end of the 60 s",
      defaultSamples: 1,
    },
    {
      name: HEAP_PEAK,
      unit: 'MiB',
      description: "the console's V8 heap in use (peak)",
      defaultSamples: 1,
    },
    {
      name: HEAP_END,
      unit: 'MiB',
      description: "the console's V8 heap in use at the end",
      defaultSamples: 1,
    },
    {
      name: NATS_CPU_S,
      unit: 's',
      description: "nats-server's CPU time over the 60 s",
      defaultSamples: 1,
    },
    {
      name: NATS_CPU_PERCENT,
      unit: '%',
      description: "nats-server's CPU over the 60 s, percent of one core",
      defaultSamples: 1,
    },
    {
      name: FAILED,
      unit: 'errors',
      description: 'heartbeats not acknowledged within 5 s or refused, during the 60 s',
      defaultSamples: 1,
    },
    {
      name: FAILED_ALL,
      unit: 'errors',
      description: 'the same over the whole run (with the agents still being connected)',
      defaultSamples: 1,
    },
  ],
  run: async (context) => {
    if (!findNatsServer()) {
      throw new BenchmarkUnavailable('no nats-server here (npm run setup installs it)');
    }
    if (process.platform !== 'linux') {
      throw new BenchmarkUnavailable("nats-server's CPU time is read from /proc (Linux only)");
    }
    const files = await openFilesLimit();
    if (files !== null && files < AGENTS + SPARE_FILES) {
      throw new BenchmarkUnavailable(
        `${AGENTS} connections need at least ${AGENTS + SPARE_FILES} open files; this shell allows ${files} (raise it with ulimit -n)`,
      );
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-bench-heartbeats-'));
    const authority = FleetAuthority.create('bench-desk');
    let server: TestNatsServer | null = null;
    let consoleProcess: ManagedProcess | null = null;
    const agents: ManagedProcess[] = [];
    try {
      server = await startNatsServer(authority, SERVER);
      const admin = await connectTestConsole(server, authority, 'admin', 'bench-admin');
      await ensureFleetStorage(admin);
      await admin.close();

      const consoleCreds = path.join(dir, 'console.creds');
      await writeFile(consoleCreds, (await authority.issueConsole('bench-console', 'lead')).creds, {
        mode: 0o600,
      });
      consoleProcess = await ManagedProcess.start(
        process.execPath,
        [
          '--import',
          'tsx',
          'bench/fleet-console.ts',
          server.url,
          consoleCreds,
          path.join(dir, 'desk.sqlite'),
        ],
        { label: 'fleet console', cwd: context.repoRoot, env: CHILD_ENV },
      );
      await consoleProcess.waitForLine(/^linked$/, 60_000);

      // The agents' processes issue their own identities from the authority's state.
      const stateFile = path.join(dir, 'authority.json');
      await writeFile(stateFile, JSON.stringify(authority.toState()), { mode: 0o600 });
      context.progress(
        `issuing and connecting ${AGENTS} agents from ${AGENT_PROCESSES} processes (several minutes)`,
      );
      const share = Math.ceil(AGENTS / AGENT_PROCESSES);
      for (let index = 0; index < AGENT_PROCESSES; index++) {
        const count = Math.min(share, AGENTS - index * share);
        agents.push(
          await ManagedProcess.start(
            process.execPath,
            [
              '--import',
              'tsx',
              'bench/fleet-heartbeat-agents.ts',
              server.url,
              stateFile,
              dir,
              String(index * share),
              String(count),
            ],
            { label: `heartbeat agents ${index + 1}`, cwd: context.repoRoot, env: CHILD_ENV },
          ),
        );
      }
      const started = Date.now();
      const connecting = setInterval(() => {
        const connected = agents
          .map((agent) => [...agent.stdout().matchAll(/^(?:connected|ready) (\d+)$/gm)].at(-1))
          .reduce((sum, match) => sum + Number(match?.[1] ?? 0), 0);
        context.progress(
          `${connected} agents connected after ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }, 30_000);
      try {
        for (const agent of agents) await agent.waitForLine(/^ready \d+$/, READY_TIMEOUT_MS);
      } finally {
        clearInterval(connecting);
      }
      context.progress(
        `${AGENTS} agents connected and beating after ${Math.round((Date.now() - started) / 1000)} s; holding ${HOLD_MS / 1000} s`,
      );

      for (const agent of agents) process.kill(agent.pid, 'SIGUSR2');
      for (const agent of agents) await agent.waitForLine(/^mark puts=/, 10_000);
      const ticks = clockTicks();
      const cpuBefore = await cpuSeconds(server.pid, ticks);
      const holdStart = Date.now();
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      const cpu = (await cpuSeconds(server.pid, ticks)) - cpuBefore;
      const heldMs = Date.now() - holdStart;
      // The console's sample at the end of the hold (it samples every second).
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const samples = consoleSamples(consoleProcess);
      const end = samples.at(-1);
      if (!end) throw new Error('the console printed no memory sample');
      context.progress(
        `console: ${end.online} online of ${end.seen} seen; RSS ${end.rssMiB.toFixed(1)} MiB, heap ${end.heapMiB.toFixed(1)} MiB; nats-server ${cpu.toFixed(1)} CPU s in ${(heldMs / 1000).toFixed(1)} s`,
      );
      const record = (metric: string, value: number) => {
        if (context.wants(metric)) context.record(metric, [value]);
      };
      record(ONLINE, end.online);
      record(RSS_PEAK, Math.max(...samples.map((sample) => sample.rssMiB)));
      record(RSS_END, end.rssMiB);
      record(HEAP_PEAK, Math.max(...samples.map((sample) => sample.heapMiB)));
      record(HEAP_END, end.heapMiB);
      record(NATS_CPU_S, cpu);
      record(NATS_CPU_PERCENT, (cpu / (heldMs / 1000)) * 100);
      await Promise.all(agents.map((agent) => agent.stop()));
      const atStart = putCounts(agents, 'mark');
      const atEnd = putCounts(agents, 'stats');
      context.progress(
        `heartbeats stored ${atEnd.puts - atStart.puts} and failed ${atEnd.failed - atStart.failed} during the hold; over the whole run ${atEnd.puts} and ${atEnd.failed}`,
      );
      record(FAILED, atEnd.failed - atStart.failed);
      record(FAILED_ALL, atEnd.failed);
    } finally {
      await Promise.all(agents.map((agent) => agent.stop()));
      await consoleProcess?.stop();
      await server?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
