/**
 * The inventory of a Linux machine reached over SSH, in core's schema (version 2), from
 * fixed read-only commands run together in one session of its connection (batch.ts), parsed by
 * linux-parsers.ts or by the agent's own collectors (installed software, logged-in users,
 * printers, gateways and resolvers), so an SSH machine's sections read like an agent's.
 * Sections SSH does not read yet (battery, graphics, USB, updates) are listed in `problems`.
 */
import {
  CommandError,
  DPKG_ARGS,
  FactsUnavailableError,
  LINUX_NETWORK_PATHS,
  LPSTAT_ARGS,
  RPM_ARGS,
  collectInstalledSoftware,
  collectLoggedInUsers,
  collectPrinters,
  isUserFileSystem,
  linuxNetworkConfig,
  parseMeminfo,
  type CommandRunner,
} from '@deskside/agent/collect';
import {
  INVENTORY_SECTIONS,
  type InventorySectionName,
  type InventorySections,
  type InventoryV2,
} from '@deskside/core';
import { inventoryDocument, type SectionReaders } from './inventory-document';
import {
  DMI_FILES,
  parseDf,
  parseDmi,
  parseFiles,
  parseIpAddr,
  parseLsblk,
  parseLscpu,
  parseOsRelease,
  parseTimezone,
  parseUname,
  parseUptime,
} from './linux-parsers';
import { batchedRunner, type BatchCommand } from './batch';
import { DEFAULT_COMMAND_TIMEOUT_MS } from './runner';

/** Not read over SSH in this version: the analyst sees why rather than an empty section. */
const NOT_OVER_SSH = new Set<InventorySectionName>(['battery', 'graphics', 'usb', 'updates']);
const DMI_DIR = '/sys/class/dmi/id';
const SOFTWARE_TIMEOUT_MS = 30_000;

export interface LinuxInventoryOptions {
  sections?: readonly InventorySectionName[];
  /** The console's clock, for collectedAt and the boot time. */
  now?: () => Date;
}

const command = (program: string, args: readonly string[] = []): BatchCommand => ({
  program,
  args,
});

/** Small files read in one command (FIXED.files), with the firmware tables (parseDmi). */
const FILES = [
  '/etc/os-release',
  '/proc/sys/kernel/hostname',
  '/proc/uptime',
  '/proc/meminfo',
  LINUX_NETWORK_PATHS.route,
  LINUX_NETWORK_PATHS.ipv6Route,
  LINUX_NETWORK_PATHS.resolvConf,
  '/proc/sys/kernel/osrelease',
  // Written by systemd in a container: "docker", "lxc", "podman"...
  '/run/systemd/container',
];

/** The fixed commands the sections read, most of them run together in one session (batch.ts). */
const FIXED = {
  files: command('grep', [
    '-s',
    '-H',
    '',
    ...Object.keys(DMI_FILES).map((f) => `${DMI_DIR}/${f}`),
    ...FILES,
  ]),
  fqdn: command('hostname', ['-f']),
  lscpu: command('lscpu'),
  lsblk: command('lsblk', [
    '-J',
    '-b',
    '-d',
    '-o',
    'NAME,TYPE,SIZE,MODEL,VENDOR,SERIAL,TRAN,ROTA,REV',
  ]),
  df: command('df', ['-kPT']),
  ipAddr: command('ip', ['-j', '-d', 'addr']),
  // The time zone's link, and the files that mark a container even when empty (which the
  // read of small files cannot see), in one listing.
  links: command('ls', ['-ld', '--', '/etc/localtime', '/.dockerenv', '/run/.containerenv']),
  // Run by the agent's collectors of logged-in users and printers.
  who: command('who'),
  lpstat: command('lpstat', LPSTAT_ARGS),
} as const;

/** Which of them each section reads besides the files, which are always read. */
const SECTION_COMMANDS: { [K in InventorySectionName]?: readonly (keyof typeof FIXED)[] } = {
  system: ['links', 'lscpu'],
  os: ['lscpu', 'fqdn', 'links'],
  cpu: ['lscpu'],
  disks: ['lsblk'],
  fileSystems: ['df'],
  network: ['ipAddr'],
  users: ['who'],
  printers: ['lpstat'],
};

/** The package lists, which may take much longer than the rest (SOFTWARE_TIMEOUT_MS). */
const SOFTWARE_COMMANDS = [command('dpkg-query', DPKG_ARGS), command('rpm', RPM_ARGS)];

/**
 * `run`, with the fixed commands of `sections` run in one batch, one session for them all
 * (two side by side measured slower for 20 machines at once, and no faster for one). The
 * batch's timeout is the longest of its commands'; if it is reached, or the batch fails
 * otherwise, each command runs again on its own. Anything else (fallbacks, lpoptions per
 * printer) runs on its own.
 */
function batched(run: CommandRunner, sections: readonly InventorySectionName[]): CommandRunner {
  const names = new Set<keyof typeof FIXED>(['files']);
  for (const section of sections)
    for (const name of SECTION_COMMANDS[section] ?? []) names.add(name);
  const software = sections.includes('software');
  return batchedRunner(
    run,
    [...[...names].map((name) => FIXED[name]), ...(software ? SOFTWARE_COMMANDS : [])],
    { timeoutMs: software ? SOFTWARE_TIMEOUT_MS : DEFAULT_COMMAND_TIMEOUT_MS },
  );
}

/** Runs commands once, whichever sections need them. */
function commands(run: CommandRunner) {
  const cache = new Map<string, Promise<string>>();
  /** stdout, also of a command that failed on part of its work (grep -s, cat of two files). */
  const output = ({ program, args }: BatchCommand, timeoutMs?: number) => {
    const key = JSON.stringify([program, args]);
    let pending = cache.get(key);
    if (!pending) {
      pending = run(program, args, timeoutMs ? { timeoutMs } : {}).then((result) => {
        if (result.exitCode !== 0 && result.stdout.trim() === '') {
          const why = result.stderr.trim().split('\n')[0] ?? '';
          throw new CommandError(
            'failed',
            program,
            `${program} exited with ${result.exitCode}${why ? `: ${why}` : ''}`,
          );
        }
        return result.stdout;
      });
      cache.set(key, pending);
    }
    return pending;
  };
  const optional = (fixed: BatchCommand) => output(fixed).catch(() => '');
  const files = () => optional(FIXED.files);
  /** A file's text: from the files read together, else (missing or empty there) by `cat`. */
  /** A file's text from the files read together, if it was there and not empty. */
  const readTogether = async (path: string) =>
    (await files().then((text) => parseFiles(text, FILES))).get(path);
  const read = async (path: string) => (await readTogether(path)) ?? output(command('cat', [path]));
  return {
    osRelease: () =>
      read('/etc/os-release').catch(() => output(command('cat', ['/usr/lib/os-release']))),
    /**
     * `uname -r -m`, or what it prints from the kernel's release and lscpu's architecture,
     * both read anyway, so no program is started for it.
     */
    uname: async () => {
      const [release, lscpu] = await Promise.all([
        readTogether('/proc/sys/kernel/osrelease'),
        optional(FIXED.lscpu),
      ]);
      const arch = /^Architecture:\s*(\S+)/m.exec(lscpu)?.[1];
      return release?.trim() && arch
        ? `${release.trim()} ${arch}`
        : output(command('uname', ['-r', '-m']));
    },
    hostname: () => read('/proc/sys/kernel/hostname'),
    fqdn: () => optional(FIXED.fqdn),
    uptime: () => read('/proc/uptime'),
    timezone: async () =>
      parseTimezone(
        /^\S+ .* \/etc\/localtime -> (.+)$/m.exec(await optional(FIXED.links))?.[1] ?? '',
      ) || parseTimezone(await optional(command('cat', ['/etc/timezone']))),
    lscpu: () => output(FIXED.lscpu),
    meminfo: () => read('/proc/meminfo'),
    lsblk: () => output(FIXED.lsblk),
    df: () => output(FIXED.df),
    ipAddr: () => output(FIXED.ipAddr),
    dmi: () => files().then(parseDmi),
    /**
     * The container the machine is ("docker", "podman", "lxc"...), as systemd-detect-virt
     * would tell it, from the files that mark one; null where none does.
     */
    container: async () => {
      const systemd = (await readTogether('/run/systemd/container'))?.trim();
      if (systemd) return systemd;
      const listed = await optional(FIXED.links);
      if (/ \/\.dockerenv$/m.test(listed)) return 'docker';
      if (/ \/run\/\.containerenv$/m.test(listed)) return 'podman';
      return null;
    },
    /** A file's text, "" where it is missing (for the agent's network reader). */
    file: (path: string) => read(path).catch(() => ''),
  };
}

const text1 = (value: string) => value.trim().split('\n')[0]?.trim() ?? '';

type Commands = ReturnType<typeof commands>;
type Readers = { [K in InventorySectionName]?: () => Promise<InventorySections[K]> };

function readers(c: Commands, run: CommandRunner, now: () => Date): Readers {
  const dmiSection = async <K extends 'bios' | 'baseboard'>(
    section: K,
  ): Promise<InventorySections[K]> => {
    const dmi = await c.dmi();
    if (dmi.size === 0) {
      throw new FactsUnavailableError(
        'unsupported',
        `This machine shows no firmware tables (${DMI_DIR}): a container, or a board without DMI`,
      );
    }
    const facts = Object.entries(DMI_FILES).filter(([, fact]) => fact.startsWith(`${section}.`));
    return Object.fromEntries(
      facts.map(([file, fact]) => [fact.split('.')[1], dmi.get(file) ?? '']),
    ) as InventorySections[K];
  };
  return {
    system: async () => {
      const [dmi, container, lscpu] = await Promise.all([
        c.dmi(),
        c.container(),
        c
          .lscpu()
          .then(parseLscpu)
          .catch(() => null),
      ]);
      const hypervisor = lscpu?.hypervisor ?? null;
      // A virtual machine's CPU names its hypervisor (lscpu, from CPUID).
      const virtual = container !== null || (hypervisor !== null && hypervisor !== '');
      const get = (file: keyof typeof DMI_FILES) => dmi.get(file) ?? '';
      return {
        manufacturer: get('sys_vendor'),
        model: get('product_name'),
        version: get('product_version'),
        serial: get('product_serial'),
        uuid: get('product_uuid').toLowerCase(),
        sku: get('product_sku'),
        virtual,
        virtualHost: !virtual
          ? ''
          : hypervisor && hypervisor !== 'unknown'
            ? hypervisor
            : (container ?? ''),
      };
    },
    bios: () => dmiSection('bios'),
    baseboard: () => dmiSection('baseboard'),
    os: async () => {
      const [release, uname, hostname, fqdn, uptime, timezone] = await Promise.all([
        c.osRelease().then(parseOsRelease),
        c.uname().then(parseUname),
        c.hostname(),
        c.fqdn(),
        c.uptime().then(parseUptime),
        c.timezone(),
      ]);
      if (uptime === null)
        throw new FactsUnavailableError('failed', '/proc/uptime holds no number');
      const bootMs = Math.round((now().getTime() - uptime * 1000) / 1000) * 1000;
      return {
        platform: 'linux',
        ...release,
        ...uname,
        hostname: text1(hostname),
        fqdn: text1(fqdn),
        uptimeSeconds: uptime,
        lastBootAt: new Date(bootMs).toISOString(),
        timezone,
      };
    },
    cpu: async () => ({ ...parseLscpu(await c.lscpu()).cpu, load: null }),
    memory: async () => {
      const meminfo = await c.meminfo();
      // parseMeminfo falls back on this process's own total, which would be another machine's.
      if (!/^MemTotal:/m.test(meminfo))
        throw new FactsUnavailableError('failed', '/proc/meminfo has no MemTotal');
      // Memory modules come from dmidecode, which only root may run: not read over SSH.
      return { ...parseMeminfo(meminfo), modules: [] };
    },
    disks: async () => parseLsblk(await c.lsblk()),
    fileSystems: async () => {
      const seen = new Set<string>();
      return parseDf(await c.df())
        .filter(
          (fs) =>
            isUserFileSystem(fs.type, fs.mount) &&
            fs.sizeBytes > 0 &&
            !seen.has(fs.mount) &&
            seen.add(fs.mount),
        )
        .map((fs) => ({
          ...fs,
          usePercent:
            fs.usedBytes + fs.availableBytes > 0
              ? Math.round((fs.usedBytes / (fs.usedBytes + fs.availableBytes)) * 1000) / 10
              : null,
        }));
    },
    network: async () => {
      const [interfaces, config] = await Promise.all([
        c.ipAddr().then(parseIpAddr),
        linuxNetworkConfig(LINUX_NETWORK_PATHS, c.file),
      ]);
      return { interfaces, ...config };
    },
    users: async () => (await collectLoggedInUsers({ platform: 'linux', run })).users,
    printers: () => collectPrinters({ platform: 'linux', run }),
    software: () =>
      collectInstalledSoftware({
        platform: 'linux',
        run: (program, args, options) =>
          run(program, args, { ...options, timeoutMs: SOFTWARE_TIMEOUT_MS }),
      }),
  };
}

/** The machine's inventory document; sections that cannot be read are in `problems`. */
export async function collectLinuxInventory(
  run: CommandRunner,
  options: LinuxInventoryOptions = {},
): Promise<InventoryV2> {
  const now = options.now ?? (() => new Date());
  const sections = options.sections ?? INVENTORY_SECTIONS;
  const batchedRun = batched(run, sections);
  const c = commands(batchedRun);
  const read = readers(c, batchedRun, now);
  const supported = Object.fromEntries(
    Object.entries(read).filter(([section]) => !NOT_OVER_SSH.has(section as InventorySectionName)),
  ) as SectionReaders;
  return inventoryDocument(supported, c.hostname().then(text1), { sections, now });
}
