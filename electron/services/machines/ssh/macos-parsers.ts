/**
 * What macOS's own commands print, read into the inventory's sections: `system_profiler
 * -json` (with Apple's key names), `sw_vers`, `sysctl` and `df -kP`. Pure functions, tested
 * on recorded outputs (fixtures/macos). A fact the output does not hold is "" or null.
 */
import { count, lines, numberOrNull, text } from '@deskside/agent/collect';
import type { InventorySections } from '@deskside/core';
import { z } from 'zod';

/** The data types the inventory reads, in one run of system_profiler. */
export const SYSTEM_PROFILER_TYPES = [
  'SPHardwareDataType',
  'SPSoftwareDataType',
  'SPMemoryDataType',
  'SPNVMeDataType',
  'SPSerialATADataType',
  'SPStorageDataType',
  'SPNetworkDataType',
] as const;

/**
 * The sysctl names the inventory reads. A name the machine lacks (hw.cpufrequency on Apple
 * silicon) is left out of the output, and sysctl exits 1 after printing the others: those
 * that some Macs lack come last.
 */
export const SYSCTL_NAMES = [
  'hw.memsize',
  'hw.logicalcpu',
  'hw.physicalcpu',
  'hw.packages',
  'machdep.cpu.brand_string',
  'kern.boottime',
  'kern.hostname',
  'kern.hv_support',
  'hw.cpufrequency',
  'kern.hv_vmm_present',
] as const;

const ReportSchema = z.record(z.string(), z.array(z.unknown()).optional());
export type SystemProfilerReport = z.infer<typeof ReportSchema>;

/** `system_profiler -json …`: each data type's items. */
export function parseSystemProfiler(output: string): SystemProfilerReport {
  return ReportSchema.parse(JSON.parse(output));
}

/** The items of a data type, with those grouped under a controller (`_items`) brought up. */
function items(report: SystemProfilerReport, type: string): Record<string, unknown>[] {
  return (report[type] ?? []).flatMap((raw) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const entry = raw as Record<string, unknown>;
    return Array.isArray(entry._items) ? (entry._items as Record<string, unknown>[]) : [entry];
  });
}

/** `name: value` lines (sysctl without -n, sw_vers). */
export function parseNameValues(output: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of lines(output)) {
    const match = /^([\w.]+):\s*(.*)$/.exec(line);
    if (match && !values.has(match[1]!)) values.set(match[1]!, match[2]!.trim());
  }
  return values;
}

/** "16 GB", "500.28 GB": bytes as Apple counts them for memory (1024) or disks (1000). */
function size(value: unknown, base: 1000 | 1024): number | null {
  const match = /^([\d.]+)\s*([KMGT]B)$/.exec(text(value));
  if (!match) return null;
  const power = ['KB', 'MB', 'GB', 'TB'].indexOf(match[2]!) + 1;
  return Math.round(Number(match[1]) * base ** power);
}

/** macOS's names by major version, as Apple gives them. */
const CODENAMES: Record<string, string> = {
  '11': 'Big Sur',
  '12': 'Monterey',
  '13': 'Ventura',
  '14': 'Sonoma',
  '15': 'Sequoia',
  '26': 'Tahoe',
};

/** `sw_vers`: the product's name, version and build. */
export function parseSwVers(output: string) {
  const values = parseNameValues(output);
  const release = text(values.get('ProductVersion'));
  return {
    distro: text(values.get('ProductName')),
    release,
    codename: CODENAMES[release.split('.')[0] ?? ''] ?? '',
    build: text(values.get('BuildVersion')),
  };
}

/** `kern.boottime`: "{ sec = 1796104800, usec = 312345 } Tue Dec  1 07:00:00 2026". */
export function parseBoottime(value: string | undefined): Date | null {
  const seconds = numberOrNull(/sec = (\d+)/.exec(value ?? '')?.[1]);
  return seconds === null ? null : new Date(seconds * 1000);
}

const HYPERVISORS: [RegExp, string][] = [
  [/^VMware/, 'VMware'],
  [/^Parallels/, 'Parallels'],
  [/^VirtualMac/, 'Apple Virtualization'],
];

/** SPHardwareDataType (and whether the kernel says it runs in a virtual machine). */
export function parseMacHardware(
  report: SystemProfilerReport,
  sysctl: Map<string, string>,
): Pick<InventorySections, 'system' | 'bios'> {
  const hardware = items(report, 'SPHardwareDataType')[0];
  if (!hardware) throw new Error('system_profiler gave no hardware overview');
  const model = text(hardware.machine_model);
  const hypervisor = HYPERVISORS.find(([pattern]) => pattern.test(model))?.[1] ?? '';
  const vmm = sysctl.get('kern.hv_vmm_present');
  return {
    system: {
      // system_profiler describes Apple's hardware only: its maker is not printed.
      manufacturer: 'Apple Inc.',
      model,
      version: '',
      serial: text(hardware.serial_number),
      uuid: text(hardware.platform_UUID).toLowerCase(),
      sku: text(hardware.model_number),
      virtual: hypervisor !== '' || vmm === '1',
      virtualHost: hypervisor,
    },
    bios: {
      vendor: 'Apple Inc.',
      version: text(hardware.boot_rom_version),
      releaseDate: '',
      revision: '',
    },
  };
}

/** sysctl: the processor. Apple silicon gives no clock speed, so none is made up. */
export function parseMacCpu(sysctl: Map<string, string>): Omit<InventorySections['cpu'], 'load'> {
  const brand = text(sysctl.get('machdep.cpu.brand_string'));
  const cores = count(sysctl.get('hw.logicalcpu'));
  if (brand === '' && cores === 0) throw new Error('sysctl gave no processor');
  const hz = numberOrNull(sysctl.get('hw.cpufrequency'));
  const fromBrand = numberOrNull(/@\s*([\d.]+)\s*GHz/i.exec(brand)?.[1]);
  const hv = sysctl.get('kern.hv_support');
  return {
    manufacturer: /^Apple/.test(brand) ? 'Apple' : /Intel/.test(brand) ? 'Intel' : '',
    brand,
    cores,
    physicalCores: count(sysctl.get('hw.physicalcpu')) || cores,
    speedGHz: fromBrand ?? (hz === null ? 0 : Math.round(hz / 1e7) / 100),
    speedMaxGHz: null,
    sockets: numberOrNull(sysctl.get('hw.packages')) || null,
    virtualization: hv === undefined ? null : hv === '1',
  };
}

/** SPMemoryDataType: slots on Intel Macs; one unified memory on Apple silicon. */
export function parseMacMemoryModules(
  report: SystemProfilerReport,
): InventorySections['memory']['modules'] {
  return items(report, 'SPMemoryDataType').flatMap((m) => {
    const bytes = size(m.dimm_size ?? m.SPMemoryDataType, 1024);
    if (!bytes) return [];
    return [
      {
        slot: m.dimm_size === undefined ? '' : text(m._name),
        sizeBytes: bytes,
        type: text(m.dimm_type),
        speedMHz: numberOrNull(/^(\d+) MHz$/.exec(text(m.dimm_speed))?.[1]),
        formFactor: '',
        manufacturer: text(m.dimm_manufacturer),
        partNumber: text(m.dimm_part_number),
        serial: text(m.dimm_serial_number),
      },
    ];
  });
}

/** SPNVMeDataType and SPSerialATADataType: the disks, with their SMART status as macOS says it. */
export function parseMacDisks(report: SystemProfilerReport): InventorySections['disks'] {
  const disks = (type: string, interfaceType: string) =>
    items(report, type).flatMap((d) => {
      const bytes = numberOrNull(d.size_in_bytes) ?? size(d.size, 1000);
      if (!bytes) return [];
      const medium = text(d.spsata_medium_type);
      return [
        {
          device: text(d.bsd_name) ? `/dev/${text(d.bsd_name)}` : '',
          name: text(d.device_model) || text(d._name),
          type:
            interfaceType === 'NVMe'
              ? 'NVMe'
              : medium === 'Solid State'
                ? 'SSD'
                : medium === 'Rotational'
                  ? 'HD'
                  : '',
          vendor: '',
          interfaceType,
          sizeBytes: bytes,
          serial: text(d.device_serial),
          firmware: text(d.device_revision),
          smartStatus: text(d.smart_status),
        },
      ];
    });
  return [...disks('SPNVMeDataType', 'NVMe'), ...disks('SPSerialATADataType', 'SATA')];
}

/**
 * `df -kP` for each volume's use (APFS volumes share their container's space: df counts
 * each one's own), the file system's kind from SPStorageDataType. Only the system's two
 * volumes and those under /Volumes are people's; the rest is macOS's own.
 */
export function parseMacFileSystems(
  df: string,
  report: SystemProfilerReport | null,
): InventorySections['fileSystems'] {
  const types = new Map(
    (report ? items(report, 'SPStorageDataType') : []).map((v) => [
      text(v.mount_point),
      text(v.file_system),
    ]),
  );
  return lines(df).flatMap((line) => {
    const match = /^(\/dev\/\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%\s+(\/.*)$/.exec(line);
    if (!match) return [];
    const [, device, blocks, used, available, mount] = match;
    if (mount !== '/' && mount !== '/System/Volumes/Data' && !mount!.startsWith('/Volumes/')) {
      return [];
    }
    const usedBytes = Number(used) * 1024;
    const availableBytes = Number(available) * 1024;
    return [
      {
        device: device!,
        type: types.get(mount!) ?? '',
        mount: mount!,
        sizeBytes: Number(blocks) * 1024,
        usedBytes,
        availableBytes,
        usePercent:
          usedBytes + availableBytes > 0
            ? Math.round((usedBytes / (usedBytes + availableBytes)) * 1000) / 10
            : null,
      },
    ];
  });
}

const TYPES: Record<string, string> = {
  AirPort: 'wireless',
  'Wi-Fi': 'wireless',
  Ethernet: 'wired',
  Bridge: 'virtual',
  VPN: 'virtual',
  PPP: 'virtual',
};

/** SPNetworkDataType: the network services with their interface, addresses and MAC. */
export function parseMacInterfaces(
  report: SystemProfilerReport,
): InventorySections['network']['interfaces'] {
  const addresses = (family: unknown) => {
    const list = (family as { Addresses?: unknown } | undefined)?.Addresses;
    return Array.isArray(list) ? list.map(text).filter(Boolean) : [];
  };
  return items(report, 'SPNetworkDataType')
    .flatMap((service) => {
      const name = text(service.interface);
      if (name === '') return [];
      const ip4 = addresses(service.IPv4);
      const ip6 = addresses(service.IPv6);
      const ethernet = service.Ethernet as Record<string, unknown> | undefined;
      const type = TYPES[text(service.hardware)] ?? '';
      return [
        {
          name,
          mac: text(ethernet?.['MAC Address']).toLowerCase(),
          ip4,
          ip6,
          // A service lists no link state: it is up when it has an address, as the agent says.
          up: ip4.length + ip6.length > 0,
          internal: false,
          virtual: type === 'virtual',
          type,
          speedMbps: null,
          mtu: null,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
