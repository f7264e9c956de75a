import { formatBytes, toCurrentInventory, type Inventory, type InventoryV2 } from '@deskside/core';

/** The summary is read by technicians at the PC, in English like the rest of the CLI. */
const size = (bytes: number) => formatBytes(bytes, 'en');
const join = (...parts: unknown[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
const localTime = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const duration = (seconds: number) => {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  return days > 0
    ? `${days} d ${hours} h`
    : hours > 0
      ? `${hours} h ${minutes} min`
      : `${minutes} min`;
};

type Line = [label: string, text: string];

function hardwareLines(inv: InventoryV2): Line[] {
  const lines: Line[] = [];
  const { system, bios, baseboard, cpu, memory } = inv;
  if (system) {
    lines.push([
      'System',
      join(
        system.manufacturer,
        system.model,
        system.serial && `serial ${system.serial}`,
        system.virtual && `(virtual${system.virtualHost ? `, ${system.virtualHost}` : ''})`,
      ),
    ]);
  }
  if (bios)
    lines.push([
      'BIOS',
      join(bios.vendor, bios.version, bios.releaseDate && `(${bios.releaseDate})`),
    ]);
  if (baseboard)
    lines.push([
      'Board',
      join(
        baseboard.manufacturer,
        baseboard.model,
        baseboard.serial && `serial ${baseboard.serial}`,
      ),
    ]);
  if (cpu) {
    lines.push([
      'CPU',
      join(
        `${cpu.brand || cpu.manufacturer},`,
        `${cpu.physicalCores} cores / ${cpu.cores} threads`,
        cpu.speedGHz > 0 && `at ${cpu.speedGHz} GHz`,
        cpu.load && `, load ${Math.round(cpu.load.percent)} %`,
      ).replace(' ,', ','),
    ]);
  }
  if (memory) {
    lines.push([
      'Memory',
      `${size(memory.totalBytes)} total, ${size(memory.availableBytes)} available`,
    ]);
    for (const m of memory.modules) {
      lines.push([
        '  module',
        join(m.slot, size(m.sizeBytes), m.type, m.speedMHz && `${m.speedMHz} MHz`, m.manufacturer),
      ]);
    }
  }
  for (const d of inv.disks ?? []) {
    lines.push([
      'Disk',
      join(
        d.name || d.device,
        size(d.sizeBytes),
        d.type,
        d.interfaceType,
        d.smartStatus && `SMART ${d.smartStatus}`,
      ),
    ]);
  }
  for (const f of inv.fileSystems ?? []) {
    lines.push([
      'File system',
      join(
        f.mount,
        `${size(f.availableBytes)} free of ${size(f.sizeBytes)}`,
        f.usePercent !== null && `(${Math.round(f.usePercent)} % used)`,
      ),
    ]);
  }
  for (const c of inv.graphics?.controllers ?? [])
    lines.push(['Graphics', join(c.vendor, c.model)]);
  for (const d of inv.graphics?.displays ?? []) {
    lines.push([
      'Display',
      join(
        d.vendor,
        d.model,
        d.resolutionX && d.resolutionY && `${d.resolutionX}x${d.resolutionY}`,
      ),
    ]);
  }
  for (const u of inv.usb ?? [])
    lines.push(['USB', join(u.name, u.manufacturer && `(${u.manufacturer})`)]);
  return lines;
}

function stateLines(inv: InventoryV2): Line[] {
  const lines: Line[] = [];
  for (const n of inv.network?.interfaces.filter((i) => !i.internal) ?? []) {
    lines.push([
      'Network',
      join(n.name, n.up ? 'up' : 'down', ...n.ip4, ...n.ip6, n.type && `(${n.type})`),
    ]);
  }
  const gateways = [
    ...(inv.network?.defaultGateways.ip4 ?? []),
    ...(inv.network?.defaultGateways.ip6 ?? []),
  ];
  if (inv.network)
    lines.push([
      'Gateway',
      gateways.map((g) => join(g.address, g.interface && `(${g.interface})`)).join(', ') || 'none',
    ]);
  if (inv.network) lines.push(['DNS', inv.network.dnsServers.join(', ') || 'none']);
  for (const u of inv.users ?? []) {
    lines.push([
      'User',
      join(
        u.user,
        u.session && `on ${u.session}`,
        u.remoteHost && `from ${u.remoteHost}`,
        u.loginAt && `since ${localTime(u.loginAt)}`,
      ),
    ]);
  }
  if (inv.battery) {
    if (inv.battery.batteries.length === 0) lines.push(['Battery', 'none']);
    for (const b of inv.battery.batteries) {
      lines.push([
        'Battery',
        join(
          b.name,
          b.percent !== null && `${b.percent} %`,
          b.state,
          b.healthPercent !== null && `, health ${b.healthPercent} %`,
        ).replace(' ,', ','),
      ]);
    }
  }
  if (inv.printers) {
    if (!inv.printers.spoolerRunning) lines.push(['Printers', 'the print service is not running']);
    else if (inv.printers.printers.length === 0) lines.push(['Printers', 'none']);
    for (const p of inv.printers.printers) {
      lines.push([
        'Printer',
        join(
          p.name,
          p.isDefault && '(default)',
          p.status,
          p.statusMessage && `: ${p.statusMessage}`,
          `, ${p.jobs.length} queued`,
        ).replace(/ ([:,])/g, '$1'),
      ]);
    }
  }
  if (inv.software) lines.push(['Software', `${inv.software.programs.length} programs installed`]);
  if (inv.updates) {
    const security = inv.updates.updates.filter((u) => u.security).length;
    lines.push([
      'Updates',
      join(
        `${inv.updates.updates.length} pending (${security} security) from ${inv.updates.source}`,
        inv.updates.rebootRequired && ', restart required',
        inv.updates.catalogCheckedAt && `, as of ${localTime(inv.updates.catalogCheckedAt)}`,
      ).replace(/ ,/g, ','),
    ]);
  }
  return lines;
}

/** A readable summary for a technician at the machine: one fact per line. */
export function formatInventory(document: Inventory): string {
  const inv = toCurrentInventory(document);
  const lines: Line[] = [['Host', inv.hostname]];
  if (inv.os) {
    lines.push([
      'OS',
      join(
        inv.os.distro,
        inv.os.release,
        inv.os.codename && `(${inv.os.codename})`,
        inv.os.build && `build ${inv.os.build}`,
        `${inv.os.kernel ? `kernel ${inv.os.kernel}, ` : ''}${inv.os.arch}`,
      ),
    ]);
    lines.push(['Up', `${duration(inv.os.uptimeSeconds)}, since ${localTime(inv.os.lastBootAt)}`]);
  }
  lines.push(...hardwareLines(inv), ...stateLines(inv));
  for (const p of inv.problems) lines.push(['Not read', p.message]);
  const shown = lines.filter(([, text]) => text.trim() !== '');
  const width = Math.max(...shown.map(([label]) => label.length)) + 2;
  return shown.map(([label, text]) => `${label.padEnd(width)}${text}`).join('\n');
}
