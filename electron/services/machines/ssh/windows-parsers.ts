/**
 * The fixed PowerShell scripts the Windows inventory runs over SSH, and pure functions that
 * read what they print (WMI's classes through `ConvertTo-Json -Depth 4 -Compress`, with
 * their own property names) into the inventory's sections, tested on recorded outputs
 * (fixtures/windows). A fact WMI does not give is "" or null, as the schema allows.
 */
import { asArray, count, numberOrNull, text } from '@deskside/agent/collect';
import type { InventorySections } from '@deskside/core';
import { z } from 'zod';

/**
 * One script per group of facts, so a class that fails costs only its sections. Dates are
 * turned into ISO text on the machine: PowerShell 5.1 would print them as "/Date(ms)/".
 */
export const WINDOWS_SCRIPTS = {
  os: `
$os = Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object Caption, Version, BuildNumber, CSName,
  TotalVisibleMemorySize, FreePhysicalMemory, SizeStoredInPagingFiles, FreeSpaceInPagingFiles,
  @{ n = 'LastBootUpTime'; e = { $_.LastBootUpTime.ToUniversalTime().ToString('o') } },
  @{ n = 'LocalDateTime'; e = { $_.LocalDateTime.ToUniversalTime().ToString('o') } }
$cv = Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion' -ErrorAction SilentlyContinue
$zone = try { [Windows.Globalization.Calendar, Windows.Globalization, ContentType = WindowsRuntime]::new().GetTimeZone() } catch { '' }
[pscustomobject]@{
  os = $os; displayVersion = [string]$cv.DisplayVersion; ubr = $cv.UBR; timeZone = [string]$zone
  architecture = [Environment]::GetEnvironmentVariable('PROCESSOR_ARCHITECTURE', 'Machine')
} | ConvertTo-Json -Depth 4 -Compress
`,
  hardware: `
[pscustomobject]@{
  computerSystem = Get-CimInstance -ClassName Win32_ComputerSystem | Select-Object Manufacturer, Model, SystemSKUNumber, DNSHostName, Domain, PartOfDomain
  product = Get-CimInstance -ClassName Win32_ComputerSystemProduct | Select-Object IdentifyingNumber, UUID, Version
  bios = Get-CimInstance -ClassName Win32_BIOS | Select-Object Manufacturer, SMBIOSBIOSVersion, SystemBiosMajorVersion, SystemBiosMinorVersion,
    @{ n = 'ReleaseDate'; e = { if ($_.ReleaseDate) { $_.ReleaseDate.ToString('yyyy-MM-dd') } } }
  baseBoard = Get-CimInstance -ClassName Win32_BaseBoard | Select-Object Manufacturer, Product, Version, SerialNumber
} | ConvertTo-Json -Depth 4 -Compress
`,
  cpu: `
[pscustomobject]@{
  processors = @(Get-CimInstance -ClassName Win32_Processor | Select-Object Name, Manufacturer, NumberOfCores, NumberOfLogicalProcessors, MaxClockSpeed, VirtualizationFirmwareEnabled)
  hypervisorPresent = (Get-CimInstance -ClassName Win32_ComputerSystem).HypervisorPresent
} | ConvertTo-Json -Depth 4 -Compress
`,
  memoryModules: `
ConvertTo-Json -Depth 4 -Compress -InputObject @(Get-CimInstance -ClassName Win32_PhysicalMemory |
  Select-Object BankLabel, DeviceLocator, Capacity, SMBIOSMemoryType, Speed, ConfiguredClockSpeed, FormFactor, Manufacturer, PartNumber, SerialNumber)
`,
  disks: `
[pscustomobject]@{
  drives = @(Get-CimInstance -ClassName Win32_DiskDrive | Select-Object Index, DeviceID, Model, Manufacturer, InterfaceType, MediaType, Size, SerialNumber, FirmwareRevision, Status)
  physicalDisks = @(Get-CimInstance -Namespace root\\Microsoft\\Windows\\Storage -ClassName MSFT_PhysicalDisk -ErrorAction SilentlyContinue | Select-Object DeviceId, MediaType, BusType)
} | ConvertTo-Json -Depth 4 -Compress
`,
  volumes: `
ConvertTo-Json -Depth 4 -Compress -InputObject @(Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType = 2 OR DriveType = 3' |
  Select-Object DeviceID, DriveType, FileSystem, Size, FreeSpace, VolumeName)
`,
  adapters: `
[pscustomobject]@{
  adapters = @(Get-CimInstance -ClassName Win32_NetworkAdapter -Filter 'NetConnectionID IS NOT NULL' | Select-Object InterfaceIndex, NetConnectionID, Name, MACAddress, Speed, NetConnectionStatus, PhysicalAdapter)
  configurations = @(Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = TRUE' | Select-Object InterfaceIndex, IPAddress, MTU)
} | ConvertTo-Json -Depth 4 -Compress
`,
} as const;
export type WindowsScript = keyof typeof WINDOWS_SCRIPTS;

const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

/** "/Date(1733045035500)/" (PowerShell 5.1's JSON date) or ISO text: an ISO date-time, or null. */
export function cimDate(value: unknown): string | null {
  const ms = /^\/Date\((-?\d+)\)\/$/.exec(text(value))?.[1];
  const date = ms !== undefined ? new Date(Number(ms)) : new Date(text(value));
  return text(value) === '' || Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Node's names for PROCESSOR_ARCHITECTURE, as the agent reports its own (os.arch()). */
const ARCHITECTURES: Record<string, string> = {
  AMD64: 'x64',
  ARM64: 'arm64',
  x86: 'ia32',
  IA64: 'ia64',
};

const OsReportSchema = z.object({
  os: z.object({
    Caption: str,
    Version: str,
    BuildNumber: str,
    CSName: str,
    TotalVisibleMemorySize: num,
    FreePhysicalMemory: num,
    SizeStoredInPagingFiles: num,
    FreeSpaceInPagingFiles: num,
    LastBootUpTime: str,
    LocalDateTime: str,
  }),
  displayVersion: str,
  ubr: num,
  timeZone: str,
  architecture: str,
});

/** Win32_OperatingSystem and the CurrentVersion key: the OS section (less its FQDN) and memory. */
export function parseWindowsOs(json: unknown) {
  const { os, ...report } = OsReportSchema.parse(json);
  const bootAt = cimDate(os.LastBootUpTime);
  const clock = cimDate(os.LocalDateTime);
  if (bootAt === null || clock === null) throw new Error('Win32_OperatingSystem gave no boot time');
  const build = text(os.BuildNumber);
  const ubr = numberOrNull(report.ubr);
  // Sizes in KiB; the paging files are what Windows has for swap.
  const kib = (value: unknown) => count(value) * 1024;
  const total = kib(os.TotalVisibleMemorySize);
  const available = Math.min(total, kib(os.FreePhysicalMemory));
  const swapTotal = kib(os.SizeStoredInPagingFiles);
  const swapFree = Math.min(swapTotal, kib(os.FreeSpaceInPagingFiles));
  return {
    os: {
      // What the agent itself reports on Windows (systeminformation's name).
      platform: 'Windows',
      distro: text(os.Caption),
      release: text(os.Version),
      codename: text(report.displayVersion),
      build: build && ubr !== null ? `${build}.${ubr}` : build,
      kernel: text(os.Version),
      arch: ARCHITECTURES[text(report.architecture)] ?? text(report.architecture),
      hostname: text(os.CSName),
      uptimeSeconds: Math.max(0, Math.round((Date.parse(clock) - Date.parse(bootAt)) / 1000)),
      lastBootAt: new Date(Math.round(Date.parse(bootAt) / 1000) * 1000).toISOString(),
      timezone: text(report.timeZone),
    },
    memory: {
      totalBytes: total,
      availableBytes: available,
      usedBytes: total - available,
      swapTotalBytes: swapTotal,
      swapUsedBytes: swapTotal - swapFree,
    },
  };
}

const HardwareReportSchema = z.object({
  computerSystem: z.object({
    Manufacturer: str,
    Model: str,
    SystemSKUNumber: str,
    DNSHostName: str,
    Domain: str,
    PartOfDomain: bool,
  }),
  product: z.object({ IdentifyingNumber: str, UUID: str, Version: str }).nullish(),
  bios: z
    .object({
      Manufacturer: str,
      SMBIOSBIOSVersion: str,
      SystemBiosMajorVersion: num,
      SystemBiosMinorVersion: num,
      ReleaseDate: str,
    })
    .nullish(),
  baseBoard: z
    .object({ Manufacturer: str, Product: str, Version: str, SerialNumber: str })
    .nullish(),
});

/** Values firmware fills in when the maker left a field empty. */
const PLACEHOLDER =
  /^(to be filled by o\.e\.m\.|default string|not specified|not available|none|system (product name|serial number|manufacturer|version)|0+|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;
const fact = (value: unknown) => (PLACEHOLDER.test(text(value)) ? '' : text(value));

/** The hypervisors a virtual machine's firmware names in its maker or model. */
const HYPERVISORS: [RegExp, string][] = [
  [/VMware/i, 'VMware'],
  [/VirtualBox|innotek/i, 'VirtualBox'],
  [/^Microsoft Corporation Virtual Machine$/i, 'Hyper-V'],
  [/QEMU|KVM/, 'KVM'],
  [/Xen/, 'Xen'],
  [/Parallels/i, 'Parallels'],
  [/Amazon EC2/i, 'Amazon EC2'],
  [/Google Compute Engine/i, 'Google Compute Engine'],
];

/** Win32_ComputerSystem(Product), Win32_BIOS and Win32_BaseBoard: system, bios, baseboard. */
export function parseWindowsHardware(json: unknown): Pick<
  InventorySections,
  'system' | 'bios' | 'baseboard'
> & {
  hostname: string;
  fqdn: string;
} {
  const { computerSystem: cs, product, bios, baseBoard } = HardwareReportSchema.parse(json);
  const maker = `${text(cs.Manufacturer)} ${text(cs.Model)}`;
  const hypervisor = HYPERVISORS.find(([pattern]) => pattern.test(maker))?.[1] ?? '';
  const major = numberOrNull(bios?.SystemBiosMajorVersion);
  const minor = numberOrNull(bios?.SystemBiosMinorVersion);
  const hostname = text(cs.DNSHostName);
  return {
    hostname,
    // Outside a domain, Domain holds the workgroup's name: no DNS name to add.
    fqdn: cs.PartOfDomain && hostname && text(cs.Domain) ? `${hostname}.${text(cs.Domain)}` : '',
    system: {
      manufacturer: fact(cs.Manufacturer),
      model: fact(cs.Model),
      version: fact(product?.Version),
      serial: fact(product?.IdentifyingNumber),
      uuid: fact(product?.UUID).toLowerCase(),
      sku: fact(cs.SystemSKUNumber),
      virtual: hypervisor !== '',
      virtualHost: hypervisor,
    },
    bios: {
      vendor: fact(bios?.Manufacturer),
      version: fact(bios?.SMBIOSBIOSVersion),
      releaseDate: text(bios?.ReleaseDate),
      // 255 is SMBIOS's "not given".
      revision: major !== null && minor !== null && major !== 255 ? `${major}.${minor}` : '',
    },
    baseboard: {
      manufacturer: fact(baseBoard?.Manufacturer),
      model: fact(baseBoard?.Product),
      version: fact(baseBoard?.Version),
      serial: fact(baseBoard?.SerialNumber),
      // Win32_BaseBoard has no asset tag.
      assetTag: '',
    },
  };
}

const CpuReportSchema = z.object({
  processors: z.unknown(),
  hypervisorPresent: bool,
});
const ProcessorSchema = z.object({
  Name: str,
  Manufacturer: str,
  NumberOfCores: num,
  NumberOfLogicalProcessors: num,
  MaxClockSpeed: num,
  VirtualizationFirmwareEnabled: bool,
});
const CPU_VENDORS: Record<string, string> = { GenuineIntel: 'Intel', AuthenticAMD: 'AMD' };

/** Win32_Processor, one entry a socket. MaxClockSpeed is the base clock, not the boost. */
export function parseWindowsCpu(json: unknown): Omit<InventorySections['cpu'], 'load'> {
  const report = CpuReportSchema.parse(json);
  const processors = asArray(report.processors).map((p) => ProcessorSchema.parse(p));
  const first = processors[0];
  if (!first) throw new Error('Win32_Processor listed no processor');
  const brand = text(first.Name);
  const fromBrand = numberOrNull(/@\s*([\d.]+)\s*GHz/i.exec(brand)?.[1]);
  const mhz = numberOrNull(first.MaxClockSpeed);
  const sum = (key: 'NumberOfCores' | 'NumberOfLogicalProcessors') =>
    processors.reduce((total, p) => total + count(p[key]), 0);
  // Under a hypervisor (Hyper-V, or Windows' own virtualisation-based security) WMI says
  // false whatever the processor can do.
  const enabled = first.VirtualizationFirmwareEnabled;
  return {
    manufacturer: CPU_VENDORS[text(first.Manufacturer)] ?? text(first.Manufacturer),
    brand,
    cores: sum('NumberOfLogicalProcessors'),
    physicalCores: sum('NumberOfCores'),
    speedGHz: fromBrand ?? (mhz === null ? 0 : Math.round(mhz / 10) / 100),
    speedMaxGHz: null,
    sockets: processors.length,
    virtualization:
      enabled === true ? true : enabled === false && !report.hypervisorPresent ? false : null,
  };
}

const ModuleSchema = z.object({
  BankLabel: str,
  DeviceLocator: str,
  Capacity: num,
  SMBIOSMemoryType: num,
  Speed: num,
  ConfiguredClockSpeed: num,
  FormFactor: num,
  Manufacturer: str,
  PartNumber: str,
  SerialNumber: str,
});
// SMBIOS memory types and Win32_PhysicalMemory.FormFactor codes.
const MEMORY_TYPES: Record<number, string> = {
  18: 'DDR',
  19: 'DDR2',
  24: 'DDR3',
  26: 'DDR4',
  27: 'LPDDR',
  28: 'LPDDR2',
  29: 'LPDDR3',
  30: 'LPDDR4',
  34: 'DDR5',
  35: 'LPDDR5',
};
const FORM_FACTORS: Record<number, string> = { 8: 'DIMM', 12: 'SODIMM', 13: 'SRIMM', 9: 'RIMM' };

/** Win32_PhysicalMemory: the memory modules (absent in many virtual machines). */
export function parseWindowsMemoryModules(json: unknown): InventorySections['memory']['modules'] {
  return asArray(json).flatMap((raw) => {
    const m = ModuleSchema.safeParse(raw).data;
    if (!m || count(m.Capacity) === 0) return [];
    return [
      {
        slot: [text(m.BankLabel), text(m.DeviceLocator)].filter(Boolean).join(' / '),
        sizeBytes: count(m.Capacity),
        type: MEMORY_TYPES[m.SMBIOSMemoryType ?? 0] ?? '',
        speedMHz: numberOrNull(m.ConfiguredClockSpeed) || numberOrNull(m.Speed) || null,
        formFactor: FORM_FACTORS[m.FormFactor ?? 0] ?? '',
        manufacturer: fact(m.Manufacturer),
        partNumber: fact(m.PartNumber),
        serial: fact(m.SerialNumber),
      },
    ];
  });
}

const DisksReportSchema = z.object({ drives: z.unknown(), physicalDisks: z.unknown() });
const DriveSchema = z.object({
  Index: num,
  DeviceID: str,
  Model: str,
  Manufacturer: str,
  InterfaceType: str,
  Size: num,
  SerialNumber: str,
  FirmwareRevision: str,
  Status: str,
});
const PhysicalDiskSchema = z.object({
  DeviceId: z.union([z.string(), z.number()]),
  MediaType: num,
  BusType: num,
});
// MSFT_PhysicalDisk.BusType and .MediaType codes.
const BUS_TYPES: Record<number, string> = {
  1: 'SCSI',
  3: 'ATA',
  7: 'USB',
  8: 'RAID',
  10: 'SAS',
  11: 'SATA',
  12: 'SD',
  13: 'MMC',
  17: 'NVMe',
};
const SMART: Record<string, string> = { OK: 'Ok', 'Pred Fail': 'Predicted failure' };

/**
 * Win32_DiskDrive, with the storage module's MSFT_PhysicalDisk for what it does not say:
 * SSD or spinning disk, and the bus (Win32_DiskDrive calls an NVMe disk "SCSI").
 */
export function parseWindowsDisks(json: unknown): InventorySections['disks'] {
  const report = DisksReportSchema.parse(json);
  const physical = new Map(
    asArray(report.physicalDisks).flatMap((raw) => {
      const p = PhysicalDiskSchema.safeParse(raw).data;
      return p ? [[String(p.DeviceId), p] as const] : [];
    }),
  );
  return asArray(report.drives).flatMap((raw) => {
    const d = DriveSchema.safeParse(raw).data;
    if (!d || count(d.Size) === 0) return [];
    const p = physical.get(String(d.Index ?? ''));
    const bus = BUS_TYPES[p?.BusType ?? 0] ?? '';
    return [
      {
        device: text(d.DeviceID),
        name: text(d.Model),
        type: bus === 'NVMe' ? 'NVMe' : p?.MediaType === 4 ? 'SSD' : p?.MediaType === 3 ? 'HD' : '',
        // "(Standard disk drives)" is the driver's name, not a maker's.
        vendor: /^\(.*\)$/.test(text(d.Manufacturer)) ? '' : text(d.Manufacturer),
        interfaceType: bus || text(d.InterfaceType),
        sizeBytes: count(d.Size),
        serial: text(d.SerialNumber),
        firmware: text(d.FirmwareRevision),
        smartStatus: SMART[text(d.Status)] ?? '',
      },
    ];
  });
}

const VolumeSchema = z.object({
  DeviceID: z.string(),
  FileSystem: str,
  Size: num,
  FreeSpace: num,
});

/** Win32_LogicalDisk, local and removable drives: a drive without a medium is left out. */
export function parseWindowsVolumes(json: unknown): InventorySections['fileSystems'] {
  return asArray(json).flatMap((raw) => {
    const v = VolumeSchema.safeParse(raw).data;
    if (!v || count(v.Size) === 0) return [];
    const size = count(v.Size);
    const available = Math.min(size, count(v.FreeSpace));
    const used = size - available;
    return [
      {
        device: v.DeviceID,
        type: text(v.FileSystem),
        mount: v.DeviceID,
        sizeBytes: size,
        usedBytes: used,
        availableBytes: available,
        usePercent: Math.round((used / size) * 1000) / 10,
      },
    ];
  });
}

const AdaptersReportSchema = z.object({ adapters: z.unknown(), configurations: z.unknown() });
const AdapterSchema = z.object({
  InterfaceIndex: num,
  NetConnectionID: z.string(),
  Name: str,
  MACAddress: str,
  Speed: num,
  NetConnectionStatus: num,
  PhysicalAdapter: bool,
});
const ConfigurationSchema = z.object({
  InterfaceIndex: num,
  IPAddress: z.union([z.array(z.string()), z.string()]).nullish(),
  MTU: num,
});
/** Win32_NetworkAdapter.Speed of an adapter without a link: UInt64's largest value. */
const NO_SPEED = 2 ** 62;

/** Win32_NetworkAdapter joined with its Win32_NetworkAdapterConfiguration by interface index. */
export function parseWindowsInterfaces(json: unknown): InventorySections['network']['interfaces'] {
  const report = AdaptersReportSchema.parse(json);
  const configurations = new Map(
    asArray(report.configurations).flatMap((raw) => {
      const c = ConfigurationSchema.safeParse(raw).data;
      return c ? [[c.InterfaceIndex, c] as const] : [];
    }),
  );
  return asArray(report.adapters)
    .flatMap((raw) => {
      const a = AdapterSchema.safeParse(raw).data;
      if (!a) return [];
      const configuration = configurations.get(a.InterfaceIndex);
      const addresses = asArray(configuration?.IPAddress).map(text);
      const ip4 = addresses.filter((address) => address.includes('.'));
      const ip6 = addresses.filter((address) => address.includes(':'));
      const speed = numberOrNull(a.Speed);
      const virtual = a.PhysicalAdapter === false;
      const wireless = /wi-?fi|wireless|wlan|802\.11/i.test(`${a.NetConnectionID} ${text(a.Name)}`);
      // NetConnectionStatus: 2 connected; 0 disconnected, 7 media disconnected.
      const status = a.NetConnectionStatus;
      return [
        {
          name: a.NetConnectionID,
          mac: text(a.MACAddress).toLowerCase(),
          ip4,
          ip6,
          up:
            status === 2
              ? true
              : status === 0 || status === 7
                ? false
                : ip4.length + ip6.length > 0,
          internal: false,
          virtual,
          type: wireless ? 'wireless' : virtual ? 'virtual' : a.PhysicalAdapter ? 'wired' : '',
          speedMbps: speed === null || speed >= NO_SPEED ? null : speed / 1_000_000,
          mtu: numberOrNull(configuration?.MTU) || null,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
