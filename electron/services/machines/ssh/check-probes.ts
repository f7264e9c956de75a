/**
 * What the catalog's checks need to know of a Linux machine (the agent's `SystemProbes`),
 * read over SSH with fixed read-only commands, so the agent's own check code judges a
 * machine without the agent as it judges its own. Every command is fixed here; a check's
 * parameter (a path, a host) only ever travels as a quoted argument (shellCommand), and each
 * command has a timeout and an output cap. Nothing is written on the machine.
 */
import { CommandError, parseMeminfo, type CommandRunner } from '@deskside/agent/collect';
import type {
  CpuTimes,
  FileSystemSpace,
  InterfaceFacts,
  ProcessFacts,
  SystemProbes,
  TcpProbe,
} from '@deskside/agent/checks';
import { z } from 'zod';
import { parseIpAddr, parseUptime } from './linux-parsers';

/** How long a probe's command may take: each reads a file or asks the kernel. */
export const PROBE_TIMEOUT_MS = 5_000;
/** The most a probe's command may print (ps on a busy server stays well below). */
export const PROBE_MAX_BYTES = 1024 * 1024;
/** The most of a text file a check reads (/run/reboot-required.pkgs). */
const TEXT_FILE_MAX_BYTES = 64 * 1024;
const KIB = 1024;
/** Ports a router commonly has open (DNS, web admin), as the agent's own probe tries them. */
const ROUTER_PORTS = [53, 80, 443];

/**
 * `stat -f -c '%S %b %a' -- path`: the fundamental block size, the blocks and the blocks an
 * ordinary user may still use, as statfs(2) gives them to the agent.
 */
export function parseStatFs(stdout: string): FileSystemSpace {
  const [size, blocks, available] = stdout.trim().split(/\s+/).map(Number);
  if (![size, blocks, available].every((n) => Number.isSafeInteger(n) && n! >= 0)) {
    throw new Error(`unexpected stat -f output: ${JSON.stringify(stdout.slice(0, 80))}`);
  }
  return { totalBytes: blocks! * size!, freeBytes: available! * size! };
}

/** stat's complaint about a path that does not exist (or runs through a file). */
export const isMissingPath = (stderr: string): boolean =>
  /No such file or directory|Not a directory/.test(stderr);

/** /proc/meminfo: physical memory and MemAvailable, as Node reads them for the agent. */
export function parseMemory(meminfo: string): { totalBytes: number; availableBytes: number } {
  // parseMeminfo falls back to this process's own total: not the machine's.
  if (!/^MemTotal:\s+\d+/m.test(meminfo)) throw new Error('/proc/meminfo has no MemTotal');
  const usage = parseMeminfo(meminfo);
  return { totalBytes: usage.totalBytes, availableBytes: usage.availableBytes };
}

/**
 * /proc/stat: CPU time summed over every core, counted as Node's os.cpus() counts it for
 * the agent (busy: user, nice, system and irq; idle without iowait), and the cores.
 */
export function parseProcStat(stat: string): CpuTimes {
  const all = /^cpu\s+(.+)$/m.exec(stat)?.[1]?.trim().split(/\s+/).map(Number);
  const cores = stat.match(/^cpu\d+\s/gm)?.length ?? 0;
  if (!all || all.length < 6 || all.some((n) => !Number.isFinite(n)) || cores === 0) {
    throw new Error('/proc/stat has no usable cpu lines');
  }
  const [user, nice, system, idle, , irq] = all as [number, number, number, number, number, number];
  const busy = user + nice + system + irq;
  return { busy, total: busy + idle, cores };
}

/** /proc/loadavg: the 1, 5 and 15 minute load averages. */
export function parseLoadavg(loadavg: string): number[] {
  const averages = loadavg.trim().split(/\s+/).slice(0, 3).map(Number);
  if (averages.length !== 3 || averages.some((n) => !Number.isFinite(n))) {
    throw new Error(`unexpected /proc/loadavg: ${JSON.stringify(loadavg.slice(0, 40))}`);
  }
  return averages;
}

/** The ps columns processes.top reads, comm last (it may hold spaces). */
export const PS_COLUMNS = ['pid', 'etimes', 'pcpu', 'pmem', 'rss', 'comm'];

/**
 * `ps -A -o pid=,etimes=,pcpu=,pmem=,rss=,comm=` on a machine with `cores` cores, as the
 * agent's probe reports processes: CPU as a share of the whole machine (ps gives it per
 * core), memory in bytes (ps gives KiB). ps's CPU share is the average since the process
 * started, meaningless for one younger than a second (ps itself, for one): those are left out.
 */
export function parsePs(stdout: string, cores: number): ProcessFacts[] {
  return stdout.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s(.*)$/.exec(line);
    if (!match || Number(match[2]) < 1) return [];
    const [, pid, , cpu, mem, rss, name] = match;
    return [
      {
        pid: Number(pid),
        name: name!.trim(),
        cpuPercent: Math.min(100, Number(cpu) / Math.max(1, cores)),
        memoryPercent: Number(mem),
        memoryBytes: Number(rss) * KIB,
      },
    ];
  });
}

/** `ps -A -o pid= -o comm=`: pids of the processes named exactly `name`. */
export function parsePsNamed(stdout: string, name: string): number[] {
  return stdout.split('\n').flatMap((line) => {
    const match = /^\s*(\d+)\s(.*)$/.exec(line);
    return match && match[2]!.trim() === name ? [Number(match[1])] : [];
  });
}

/** `ip -j -d addr`, as the agent's checks see interfaces (systeminformation's view). */
export function parseInterfaces(stdout: string): InterfaceFacts[] {
  return parseIpAddr(stdout).map((nic) => ({
    name: nic.name,
    up: nic.up,
    internal: nic.internal,
    virtual: nic.virtual,
    addresses: [...nic.ip4, ...nic.ip6],
  }));
}

const RoutesSchema = z.array(
  z.object({
    dst: z.string().optional(),
    gateway: z.string().optional(),
    dev: z.string().optional(),
  }),
);

/**
 * `ip -j route show default` (or `-6`): the first default route's gateway, a link-local
 * IPv6 one with its interface (fe80::1%eth0) as the agent gives it; null without one.
 */
export function parseDefaultRoute(stdout: string): string | null {
  if (stdout.trim() === '') return null;
  const route = RoutesSchema.parse(JSON.parse(stdout)).find((r) => r.gateway);
  if (!route?.gateway) return null;
  return /^fe80:/i.test(route.gateway) && route.dev
    ? `${route.gateway}%${route.dev}`
    : route.gateway;
}

/** The machine opening a TCP connection (SSH port forwarding): see tcpOverSsh. */
export type ConnectFromMachine = (
  host: string,
  port: number,
  waitMs: number,
  signal: AbortSignal,
) => Promise<TcpProbe>;

export interface RemoteMachine {
  run: CommandRunner;
  /** Absent where the console cannot forward through the connection: no TCP probing. */
  connectTcp?: ConnectFromMachine | undefined;
}

/** The machine's facts, each from one fixed command (see the module's comment). */
export function remoteProbes(machine: RemoteMachine): SystemProbes {
  const run = (program: string, args: readonly string[], maxBytes = PROBE_MAX_BYTES) =>
    machine.run(program, args, { timeoutMs: PROBE_TIMEOUT_MS, maxBytes });
  /** stdout of a command that must succeed. */
  const output = async (program: string, args: readonly string[]) => {
    const result = await run(program, args);
    if (result.exitCode !== 0) {
      const why = result.stderr.trim().split('\n')[0] ?? '';
      throw new Error(`${program} exited with ${result.exitCode}${why ? `: ${why}` : ''}`);
    }
    return result.stdout;
  };
  const read = (file: string) => output('cat', ['--', file]);
  const connectTcp = machine.connectTcp;
  return {
    async fileSystemSpace(path) {
      const result = await run('stat', ['-f', '-c', '%S %b %a', '--', path]);
      if (result.exitCode !== 0 && isMissingPath(result.stderr)) return null;
      if (result.exitCode !== 0) {
        throw new Error(`stat -f exited with ${result.exitCode}: ${result.stderr.trim()}`);
      }
      return parseStatFs(result.stdout);
    },
    memory: async () => parseMemory(await read('/proc/meminfo')),
    cpuTimes: async () => parseProcStat(await read('/proc/stat')),
    loadAverage: async () => parseLoadavg(await read('/proc/loadavg')),
    async uptimeSeconds() {
      const seconds = parseUptime(await read('/proc/uptime'));
      if (seconds === null) throw new Error('/proc/uptime has no uptime');
      return seconds;
    },
    // `test` exits 0 when the path exists, 1 when it does not.
    pathExists: async (path) => (await run('test', ['-e', path])).exitCode === 0,
    async readTextFile(path) {
      const result = await run('head', ['-c', String(TEXT_FILE_MAX_BYTES), '--', path]);
      return result.exitCode === 0 ? result.stdout : null;
    },
    processIdsNamed: async (name) =>
      parsePsNamed(await output('ps', ['-A', '-o', 'pid=', '-o', 'comm=']), name),
    async processes() {
      const [ps, stat] = await Promise.all([
        output('ps', ['-A', ...PS_COLUMNS.flatMap((column) => ['-o', `${column}=`])]),
        read('/proc/stat'),
      ]);
      return parsePs(ps, parseProcStat(stat).cores);
    },
    networkInterfaces: async () => parseInterfaces(await output('ip', ['-j', '-d', 'addr'])),
    async defaultGateway() {
      const v4 = parseDefaultRoute(await output('ip', ['-j', 'route', 'show', 'default']));
      if (v4) return v4;
      return parseDefaultRoute(await output('ip', ['-j', '-6', 'route', 'show', 'default']));
    },
    async answersTcp(address, waitMs, signal) {
      if (!connectTcp) return null;
      const probes = await Promise.all(
        ROUTER_PORTS.map((port) => connectTcp(address, port, waitMs, signal)),
      );
      const answered = probes.find((p) => p.result === 'open' || p.result === 'refused');
      return answered ? { rttMs: answered.ms } : null;
    },
    connectTcp(host, port, waitMs, signal) {
      if (!connectTcp) {
        return Promise.reject(new Error('this SSH connection cannot open TCP connections'));
      }
      return connectTcp(host, port, waitMs, signal);
    },
  };
}

/** Whether a program is on the machine's PATH (`command -v`, run by the machine's sh). */
export function remoteIsInstalled(run: CommandRunner): (file: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (file) => {
    let answer = answers.get(file);
    if (!answer) {
      // The script is fixed; the program's name reaches it as "$1", never as code.
      answer = run('sh', ['-c', 'command -v -- "$1" >/dev/null 2>&1', 'sh', file], {
        timeoutMs: PROBE_TIMEOUT_MS,
        maxBytes: PROBE_MAX_BYTES,
      }).then(
        (result) => result.exitCode === 0,
        // dash's `command -v` exits 127 for a program it cannot find.
        (error: unknown) => {
          if (error instanceof CommandError && error.failure === 'missing') return false;
          throw error;
        },
      );
      answers.set(file, answer);
      answer.catch(() => answers.delete(file));
    }
    return answer;
  };
}
