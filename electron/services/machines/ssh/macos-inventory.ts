/**
 * The inventory of a Mac reached over SSH (Remote Login), in core's schema (version 2),
 * from fixed read-only commands run in parallel over its one connection: one run of
 * `system_profiler -json`, `sw_vers`, `uname`, `sysctl`, `df -kP`, read by macos-parsers.ts;
 * the agent's own collectors for installed software, printers, batteries, pending updates,
 * logged-in users, memory use and the gateways and resolvers. Graphics and USB devices are
 * not read over SSH yet, and a Mac shows no baseboard apart from its system: `problems`.
 */
import { FactsUnavailableError, parseMacMemory, type CommandRunner } from '@deskside/agent/collect';
import type { InventoryV2 } from '@deskside/core';
import {
  agentReaders,
  firstLine,
  inventoryDocument,
  once,
  stdoutOf,
  type RemoteInventoryOptions,
  type SectionReaders,
} from './inventory-document';
import { parseTimezone, parseUname } from './linux-parsers';
import {
  SYSCTL_NAMES,
  SYSTEM_PROFILER_TYPES,
  parseBoottime,
  parseMacCpu,
  parseMacDisks,
  parseMacFileSystems,
  parseMacHardware,
  parseMacInterfaces,
  parseMacMemoryModules,
  parseNameValues,
  parseSwVers,
  parseSystemProfiler,
} from './macos-parsers';

export type MacosInventoryOptions = RemoteInventoryOptions;

/** system_profiler takes seconds, more on a busy machine (the agent gives applications more). */
const SYSTEM_PROFILER_TIMEOUT_MS = 60_000;

/** Runs each command once, whichever sections need it. */
function commands(run: CommandRunner) {
  const output = once((key) => {
    const [program, ...args] = JSON.parse(key) as string[];
    const timeoutMs = program === 'system_profiler' ? SYSTEM_PROFILER_TIMEOUT_MS : undefined;
    return run(program!, args, timeoutMs ? { timeoutMs } : {}).then((r) => stdoutOf(program!, r));
  });
  const command = (...words: string[]) => output(JSON.stringify(words));
  return {
    profile: () =>
      command('system_profiler', '-json', ...SYSTEM_PROFILER_TYPES).then(parseSystemProfiler),
    swVers: () => command('sw_vers').then(parseSwVers),
    uname: () => command('uname', '-r', '-m').then(parseUname),
    sysctl: () => command('sysctl', ...SYSCTL_NAMES).then(parseNameValues),
    timezone: () => command('readlink', '/etc/localtime').then(parseTimezone, () => ''),
    fqdn: () => command('hostname', '-f').then(firstLine, () => ''),
    df: () => command('df', '-kP'),
    vmStat: () => command('vm_stat'),
    swapUsage: () => command('sysctl', '-n', 'vm.swapusage'),
  };
}

/** The Mac's inventory document; sections that cannot be read are in `problems`. */
export async function collectMacosInventory(
  run: CommandRunner,
  options: MacosInventoryOptions = {},
): Promise<InventoryV2> {
  const now = options.now ?? (() => new Date());
  const c = commands(run);
  const hardware = async () => parseMacHardware(await c.profile(), await c.sysctl());
  const readers: SectionReaders = {
    system: async () => (await hardware()).system,
    bios: async () => (await hardware()).bios,
    baseboard: () =>
      Promise.reject(
        new FactsUnavailableError('unsupported', 'A Mac shows no baseboard apart from its system'),
      ),
    os: async () => {
      const [release, uname, sysctl, timezone, fqdn] = await Promise.all([
        c.swVers(),
        c.uname(),
        c.sysctl(),
        c.timezone(),
        c.fqdn(),
      ]);
      const boot = parseBoottime(sysctl.get('kern.boottime'));
      if (boot === null) throw new FactsUnavailableError('failed', 'sysctl gave no boot time');
      return {
        platform: 'darwin',
        ...release,
        ...uname,
        hostname: sysctl.get('kern.hostname') ?? '',
        fqdn,
        uptimeSeconds: Math.max(0, Math.round((now().getTime() - boot.getTime()) / 1000)),
        lastBootAt: boot.toISOString(),
        timezone,
      };
    },
    cpu: async () => ({ ...parseMacCpu(await c.sysctl()), load: null }),
    memory: async () => {
      const total = Number((await c.sysctl()).get('hw.memsize'));
      if (!(total > 0)) throw new FactsUnavailableError('failed', 'sysctl gave no memory size');
      const [vmStat, swap, modules] = await Promise.all([
        c.vmStat(),
        c.swapUsage(),
        // Modules are a detail: memory still reads without them.
        c.profile().then(parseMacMemoryModules, () => []),
      ]);
      return { ...parseMacMemory(vmStat, swap, total), modules };
    },
    disks: async () => parseMacDisks(await c.profile()),
    fileSystems: async () => {
      const [df, profile] = await Promise.all([c.df(), c.profile().catch(() => null)]);
      return parseMacFileSystems(df, profile);
    },
    ...agentReaders({ platform: 'darwin', run }, () => c.profile().then(parseMacInterfaces)),
  };
  return inventoryDocument(
    readers,
    c.sysctl().then((s) => s.get('kern.hostname') ?? ''),
    options,
  );
}
