import type { Systeminformation } from 'systeminformation';
import type { InventorySections } from '@deskside/core';
import type { Mount } from './live/file-systems';
import { systemInformation } from './system-information';
import { count, numberOrNull, text } from './text';

// Hardware is read at start and on the refresh schedule (in a child process in the
// agent), never for a request.
const si = systemInformation;

export async function readSystem(): Promise<InventorySections['system']> {
  const s = await (await si()).system();
  return {
    manufacturer: text(s.manufacturer),
    model: text(s.model),
    version: text(s.version),
    serial: text(s.serial),
    uuid: text(s.uuid),
    sku: text(s.sku),
    virtual: s.virtual,
    virtualHost: text(s.virtualHost),
  };
}

export async function readBios(): Promise<InventorySections['bios']> {
  const b = await (await si()).bios();
  return {
    vendor: text(b.vendor),
    version: text(b.version),
    releaseDate: text(b.releaseDate),
    revision: text(b.revision),
  };
}

export async function readBaseboard(): Promise<InventorySections['baseboard']> {
  const b = await (await si()).baseboard();
  return {
    manufacturer: text(b.manufacturer),
    model: text(b.model),
    version: text(b.version),
    serial: text(b.serial),
    assetTag: text(b.assetTag),
  };
}

/** The OS facts that stay the same until an update; uptime and boot time are read live. */
export async function readOsRelease(): Promise<
  Pick<
    InventorySections['os'],
    'platform' | 'distro' | 'release' | 'codename' | 'build' | 'kernel' | 'arch' | 'fqdn'
  >
> {
  const o = await (await si()).osInfo();
  return {
    platform: text(o.platform),
    distro: text(o.distro),
    release: text(o.release),
    codename: text(o.codename),
    build: text(o.build),
    kernel: text(o.kernel),
    arch: text(o.arch),
    fqdn: text(o.fqdn),
  };
}

export async function readCpu(): Promise<Omit<InventorySections['cpu'], 'load'>> {
  const c = await (await si()).cpu();
  return {
    manufacturer: text(c.manufacturer),
    brand: text(c.brand),
    cores: count(c.cores),
    physicalCores: count(c.physicalCores),
    speedGHz: count(c.speed),
    speedMaxGHz: numberOrNull(c.speedMax) || null,
    sockets: numberOrNull(c.processors) || null,
    virtualization: typeof c.virtualization === 'boolean' ? c.virtualization : null,
  };
}

export async function readMemoryModules(): Promise<InventorySections['memory']['modules']> {
  const modules = await (await si()).memLayout();
  return modules
    .filter((m) => count(m.size) > 0)
    .map((m: Systeminformation.MemLayoutData) => ({
      slot: text(m.bank),
      sizeBytes: count(m.size),
      type: text(m.type),
      speedMHz: numberOrNull(m.clockSpeed) || null,
      formFactor: text(m.formFactor),
      manufacturer: text(m.manufacturer),
      partNumber: text(m.partNum),
      serial: text(m.serialNum),
    }));
}

export async function readDisks(): Promise<InventorySections['disks']> {
  const disks = await (await si()).diskLayout();
  return disks.map((d) => ({
    device: text(d.device),
    name: text(d.name),
    type: text(d.type),
    vendor: text(d.vendor),
    interfaceType: text(d.interfaceType),
    sizeBytes: count(d.size),
    serial: text(d.serialNum),
    firmware: text(d.firmwareRevision),
    smartStatus: text(d.smartStatus) === 'unknown' ? '' : text(d.smartStatus),
  }));
}

export async function readGraphics(): Promise<InventorySections['graphics']> {
  const g = await (await si()).graphics();
  return {
    controllers: g.controllers.map((c) => ({
      vendor: text(c.vendor),
      model: text(c.model),
      vramBytes: numberOrNull(c.vram) === null ? null : count(c.vram) * 1024 * 1024,
      driverVersion: text(c.driverVersion),
    })),
    displays: g.displays.map((d) => ({
      vendor: text(d.vendor),
      model: text(d.model),
      main: d.main,
      builtin: d.builtin,
      connection: text(d.connection),
      resolutionX: numberOrNull(d.currentResX ?? d.resolutionX),
      resolutionY: numberOrNull(d.currentResY ?? d.resolutionY),
    })),
  };
}

export async function readUsb(): Promise<InventorySections['usb']> {
  const devices = await (await si()).usb();
  return devices.map((d) => ({
    name: text(d.name),
    type: text(d.type),
    vendor: text(d.vendor),
    manufacturer: text(d.manufacturer),
    id: String(d.id),
    serial: text(d.serialNumber),
  }));
}

/** Windows and macOS: the volumes to watch (their use is read live with statfs). */
export async function readMounts(): Promise<Mount[]> {
  const volumes = await (await si()).fsSize();
  return volumes.map((v) => ({ device: text(v.fs), mount: text(v.mount), type: text(v.type) }));
}

/** Windows and macOS: interface facts node:os does not give (kind, speed, MTU). */
export async function readInterfaceDetails(): Promise<InventorySections['network']['interfaces']> {
  const raw = await (await si()).networkInterfaces();
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((n) => ({
    name: text(n.iface),
    mac: text(n.mac),
    ip4: n.ip4 ? [n.ip4] : [],
    ip6: n.ip6 ? [n.ip6] : [],
    up: n.operstate === 'up',
    internal: n.internal,
    virtual: n.virtual,
    type: text(n.type),
    speedMbps: numberOrNull(n.speed),
    mtu: numberOrNull(n.mtu),
  }));
}

/** Windows: page file use (the OS's figures for memory come from node:os). */
export async function readSwap(): Promise<{ swapTotalBytes: number; swapUsedBytes: number }> {
  const m = await (await si()).mem();
  return { swapTotalBytes: count(m.swaptotal), swapUsedBytes: count(m.swapused) };
}
