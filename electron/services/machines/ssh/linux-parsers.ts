/**
 * What Linux's own commands and files print, read into the inventory's sections: pure
 * functions, tested on recorded outputs (fixtures/linux). A fact the output does not hold
 * is "" or null, as the schema allows, never a guess.
 */
import { count, lines, numberOrNull, text } from '@deskside/agent/collect';
import type { Disk, NetworkInterface } from '@deskside/core';
import { z } from 'zod';

/** `KEY=value` lines (values optionally quoted), as in /etc/os-release and `grep -H`. */
function keyValues(output: string, separator: '=' | ':'): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines(output)) {
    const at = line.indexOf(separator);
    if (at <= 0) continue;
    const key = line.slice(0, at).trim();
    const value = line
      .slice(at + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    if (!values.has(key)) values.set(key, value);
  }
  return values;
}

/** /etc/os-release: the distribution's name, version and code name. */
export function parseOsRelease(output: string) {
  const values = keyValues(output, '=');
  const get = (key: string) => text(values.get(key));
  return {
    distro: get('NAME') || get('PRETTY_NAME'),
    release: get('VERSION_ID'),
    codename: get('VERSION_CODENAME'),
    build: get('BUILD_ID'),
  };
}

/** Node's names for `uname -m`'s machine names, as the agent reports its own (os.arch()). */
const NODE_ARCH: Record<string, string> = {
  x86_64: 'x64',
  amd64: 'x64',
  i386: 'ia32',
  i586: 'ia32',
  i686: 'ia32',
  aarch64: 'arm64',
  arm64: 'arm64',
  armv6l: 'arm',
  armv7l: 'arm',
  ppc64le: 'ppc64',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loongarch64: 'loong64',
  mips: 'mips',
  mipsel: 'mipsel',
};

/** `uname -r -m`: the kernel release and the architecture. */
export function parseUname(output: string): { kernel: string; arch: string } {
  const [kernel = '', machine = ''] = output.trim().split(/\s+/);
  return { kernel, arch: NODE_ARCH[machine] ?? machine };
}

/** /proc/uptime: seconds since boot (the first number). */
export function parseUptime(output: string): number | null {
  const seconds = numberOrNull(output.trim().split(/\s+/)[0]);
  return seconds === null ? null : Math.round(seconds);
}

/** `readlink /etc/localtime` (…/zoneinfo/Europe/Brussels) or /etc/timezone: the IANA zone. */
export function parseTimezone(output: string): string {
  const value = output.trim();
  const zone = /zoneinfo\/(.+)$/.exec(value)?.[1] ?? value;
  return /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone) ? zone : '';
}

const VENDORS: Record<string, string> = {
  GenuineIntel: 'Intel',
  AuthenticAMD: 'AMD',
  HygonGenuine: 'Hygon',
  CentaurHauls: 'VIA',
  ARM: 'ARM',
};

/** `lscpu` in the C locale: the processor, its topology and whether it virtualises. */
export function parseLscpu(output: string) {
  const values = keyValues(output, ':');
  const get = (key: string) => text(values.get(key));
  const cpus = count(get('CPU(s)'));
  const sockets = numberOrNull(get('Socket(s)')) || null;
  const coresPerSocket = numberOrNull(get('Core(s) per socket'));
  const brand = get('Model name');
  const mhz = numberOrNull(get('CPU max MHz')) ?? numberOrNull(get('CPU MHz'));
  const fromBrand = numberOrNull(/@\s*([\d.]+)\s*GHz/i.exec(brand)?.[1]);
  const flags = values.has('Flags') ? get('Flags').split(/\s+/) : null;
  const hypervisor = get('Hypervisor vendor');
  return {
    cpu: {
      manufacturer: VENDORS[get('Vendor ID')] ?? get('Vendor ID'),
      brand,
      cores: cpus,
      physicalCores: coresPerSocket === null ? cpus : coresPerSocket * (sockets ?? 1),
      speedGHz: fromBrand ?? (mhz === null ? 0 : Math.round(mhz / 10) / 100),
      speedMaxGHz:
        numberOrNull(get('CPU max MHz')) === null
          ? null
          : Math.round(count(get('CPU max MHz')) / 10) / 100,
      sockets,
      virtualization: flags ? flags.includes('vmx') || flags.includes('svm') : null,
    },
    /** The hypervisor lscpu names, or whether the CPU says it runs under one (null: unknown). */
    hypervisor: hypervisor || (flags ? (flags.includes('hypervisor') ? 'unknown' : '') : null),
  };
}

const LsblkSchema = z.object({
  blockdevices: z.array(
    z.object({
      name: z.string(),
      type: z.string().nullish(),
      size: z.union([z.number(), z.string()]).nullish(),
      model: z.string().nullish(),
      vendor: z.string().nullish(),
      serial: z.string().nullish(),
      tran: z.string().nullish(),
      rota: z.union([z.boolean(), z.string()]).nullish(),
      rev: z.string().nullish(),
    }),
  ),
});

const TRANSPORTS: Record<string, string> = {
  sata: 'SATA',
  nvme: 'NVMe',
  usb: 'USB',
  sas: 'SAS',
  ata: 'ATA',
  scsi: 'SCSI',
  mmc: 'MMC',
};

/** `lsblk -J -b -d -o NAME,TYPE,SIZE,MODEL,VENDOR,SERIAL,TRAN,ROTA,REV`: the physical disks. */
export function parseLsblk(output: string): Disk[] {
  const { blockdevices } = LsblkSchema.parse(JSON.parse(output));
  return blockdevices
    .filter((d) => d.type === 'disk' && count(d.size) > 0 && !/^(zram|loop|ram)\d/.test(d.name))
    .map((d) => {
      const tran = text(d.tran).toLowerCase();
      const rotational = d.rota === true || d.rota === '1';
      const solid = d.rota === false || d.rota === '0';
      return {
        device: `/dev/${d.name}`,
        name: text(d.model) || d.name,
        type: tran === 'nvme' ? 'NVMe' : rotational ? 'HD' : solid ? 'SSD' : '',
        // lsblk prints a PCI vendor id ("0x1af4") for virtual disks: not a name anyone reads.
        vendor: /^0x[0-9a-f]+$/i.test(text(d.vendor)) ? '' : text(d.vendor),
        interfaceType: TRANSPORTS[tran] ?? tran.toUpperCase(),
        sizeBytes: count(d.size),
        serial: text(d.serial),
        firmware: text(d.rev),
        smartStatus: '',
      };
    });
}

const IpAddrSchema = z.array(
  z.object({
    ifname: z.string(),
    flags: z.array(z.string()).optional(),
    mtu: z.number().optional(),
    operstate: z.string().optional(),
    link_type: z.string().optional(),
    address: z.string().optional(),
    linkinfo: z.object({ info_kind: z.string().optional() }).optional(),
    parentbus: z.string().optional(),
    addr_info: z.array(z.object({ family: z.string(), local: z.string().optional() })).optional(),
  }),
);

/** `ip -j -d addr`: every interface, its addresses and state. Wired or wireless is not said. */
export function parseIpAddr(output: string): NetworkInterface[] {
  return IpAddrSchema.parse(JSON.parse(output))
    .map((i) => {
      const addresses = i.addr_info ?? [];
      const ip4 = addresses.filter((a) => a.family === 'inet' && a.local).map((a) => a.local!);
      const ip6 = addresses.filter((a) => a.family === 'inet6' && a.local).map((a) => a.local!);
      const internal = i.link_type === 'loopback';
      const virtual = internal || (i.linkinfo?.info_kind !== undefined && !i.parentbus);
      const state = (i.operstate ?? '').toUpperCase();
      return {
        name: i.ifname,
        mac: i.address ?? '',
        ip4,
        ip6,
        // "UNKNOWN" is what loopback and many tunnels report while they work.
        up:
          state === 'UP'
            ? true
            : state === 'DOWN' || state === 'DORMANT'
              ? false
              : ip4.length + ip6.length > 0,
        internal,
        virtual,
        type: virtual ? 'virtual' : '',
        speedMbps: null,
        mtu: i.mtu ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface DfLine {
  device: string;
  type: string;
  mount: string;
  sizeBytes: number;
  usedBytes: number;
  availableBytes: number;
}

/** `df -kPT`: each mounted file system's size and use, in KiB. */
export function parseDf(output: string): DfLine[] {
  return lines(output)
    .slice(1)
    .flatMap((line) => {
      const match = /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+\s+(.+)$/.exec(line);
      if (!match) return [];
      const [, device, type, size, used, available, mount] = match;
      return [
        {
          device: device!,
          type: type!,
          mount: mount!,
          sizeBytes: Number(size) * 1024,
          usedBytes: Number(used) * 1024,
          availableBytes: Number(available) * 1024,
        },
      ];
    });
}

/** The files under /sys/class/dmi/id the inventory reads, by the section fact they give. */
export const DMI_FILES = {
  sys_vendor: 'system.manufacturer',
  product_name: 'system.model',
  product_version: 'system.version',
  product_serial: 'system.serial',
  product_uuid: 'system.uuid',
  product_sku: 'system.sku',
  bios_vendor: 'bios.vendor',
  bios_version: 'bios.version',
  bios_date: 'bios.releaseDate',
  bios_release: 'bios.revision',
  board_vendor: 'baseboard.manufacturer',
  board_name: 'baseboard.model',
  board_version: 'baseboard.version',
  board_serial: 'baseboard.serial',
  board_asset_tag: 'baseboard.assetTag',
} as const;

/** Values firmware fills in when the maker left a field empty. */
const PLACEHOLDER =
  /^(to be filled by o\.e\.m\.|default string|not specified|not available|not applicable|none|system (product name|serial number|manufacturer)|0123456789|x{3,})$/i;

/**
 * `grep -s -H '' <files>`: `path:value` for each DMI file this user may read (the serials
 * and UUID only root may). Absent or unreadable files give "".
 */
export function parseDmi(output: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines(output)) {
    const match = /^\/sys\/class\/dmi\/id\/(\w+):(.*)$/.exec(line);
    if (!match) continue;
    const value = text(match[2]);
    if (!PLACEHOLDER.test(value)) values.set(match[1]!, value);
  }
  return values;
}

/**
 * `grep -s -H '' <files>`: each file's text by its path (lines end with a newline). A file
 * that is missing, unreadable or empty is not in the map.
 */
export function parseFiles(output: string, paths: readonly string[]): Map<string, string> {
  const texts = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const path = paths.find((p) => line.startsWith(`${p}:`));
    if (path === undefined) continue;
    const file = texts.get(path) ?? [];
    file.push(line.slice(path.length + 1));
    texts.set(path, file);
  }
  return new Map([...texts].map(([path, text]) => [path, `${text.join('\n')}\n`]));
}
