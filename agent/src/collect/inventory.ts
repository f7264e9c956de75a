import os from 'node:os';
import si from 'systeminformation';
import { InventorySchema, type Inventory } from '@deskside/core';

// systeminformation reports an unknown value as "-" on some platforms; we report "".
const text = (value: unknown): string => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '-' ? '' : trimmed;
};
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;

type SiNetwork = Awaited<ReturnType<typeof si.networkInterfaces>>;

function networkList(raw: SiNetwork): si.Systeminformation.NetworkInterfacesData[] {
  return Array.isArray(raw) ? raw : [raw];
}

/** Collects the inventory document with systeminformation, one focused probe per section. */
export async function collectInventory(): Promise<Inventory> {
  const [system, osInfo, cpu, memory, disks, fileSystems, network] = await Promise.all([
    si.system(),
    si.osInfo(),
    si.cpu(),
    si.mem(),
    si.diskLayout(),
    si.fsSize(),
    si.networkInterfaces(),
  ]);

  // Interfaces report `operstate` "unknown" for loopback and some virtual links that work
  // fine; an interface with an address and not explicitly down counts as up.
  const isUp = (n: si.Systeminformation.NetworkInterfacesData) =>
    n.operstate === 'up' || (n.operstate !== 'down' && (n.ip4 !== '' || n.ip6 !== ''));

  return InventorySchema.parse({
    schemaVersion: 1,
    collectedAt: new Date().toISOString(),
    system: {
      manufacturer: text(system.manufacturer),
      model: text(system.model),
      serial: text(system.serial),
      uuid: text(system.uuid),
      virtual: system.virtual,
    },
    os: {
      platform: text(osInfo.platform),
      distro: text(osInfo.distro),
      release: text(osInfo.release),
      kernel: text(osInfo.kernel),
      arch: text(osInfo.arch),
      hostname: text(osInfo.hostname) || os.hostname(),
      uptimeSeconds: Math.round(os.uptime()),
    },
    cpu: {
      manufacturer: text(cpu.manufacturer),
      brand: text(cpu.brand),
      cores: count(cpu.cores),
      physicalCores: count(cpu.physicalCores),
      speedGHz: count(cpu.speed),
    },
    memory: {
      totalBytes: count(memory.total),
      availableBytes: count(memory.available),
      usedBytes: Math.max(0, count(memory.total) - count(memory.available)),
      swapTotalBytes: count(memory.swaptotal),
      swapUsedBytes: count(memory.swapused),
    },
    disks: disks.map((disk) => ({
      device: text(disk.device),
      name: text(disk.name),
      type: text(disk.type),
      vendor: text(disk.vendor),
      interfaceType: text(disk.interfaceType),
      sizeBytes: count(disk.size),
    })),
    fileSystems: fileSystems.map((fs) => ({
      device: text(fs.fs),
      type: text(fs.type),
      mount: text(fs.mount),
      sizeBytes: count(fs.size),
      usedBytes: count(fs.used),
      availableBytes: count(fs.available),
      usePercent:
        typeof fs.use === 'number' && Number.isFinite(fs.use)
          ? Math.min(100, Math.max(0, fs.use))
          : null,
    })),
    network: networkList(network).map((n) => ({
      name: text(n.iface),
      mac: text(n.mac),
      ip4: n.ip4 ? [n.ip4] : [],
      ip6: n.ip6 ? [n.ip6] : [],
      up: isUp(n),
      internal: n.internal,
      virtual: n.virtual,
      type: text(n.type),
      speedMbps: typeof n.speed === 'number' && n.speed >= 0 ? n.speed : null,
    })),
  });
}
