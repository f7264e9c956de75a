/**
 * Each person's laptop for the demo data: its `machines` row and its inventory history, a
 * few snapshots over two years in which programs are updated and the OS sometimes upgraded.
 * The documents are small (system, OS, CPU, memory, software) but of core's schema.
 */
import type { InstalledProgram, InventoryV2 } from '@deskside/core';
import type { Insertable } from 'kysely';
import type { MachinesTable } from '../../electron/services/database/schema';
import {
  MODELS,
  OS_PATHS,
  PRODUCTS,
  VPN_CLIENT,
  VPN_TROUBLE_VERSION,
  type Model,
  type OsRelease,
} from './fleet-catalog';
import type { Random } from './random';

const DAY = 86_400_000;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export interface SeedSnapshot {
  id: number;
  takenAt: string;
  inventory: InventoryV2;
}

export interface SeedMachine {
  row: Insertable<MachinesTable> & { id: string };
  /** Oldest first; the last one is the machine's current profile. */
  snapshots: SeedSnapshot[];
  /** What correlates with its user's tickets. */
  model: string;
  vpnVersion: string | null;
}

/** Share of machines kept on the VPN client's troublesome release. */
const VPN_PINNED_SHARE = 0.12;

function weighted<T extends { weight: number }>(rnd: Random, items: readonly T[]): T {
  let r = rnd.next() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) if ((r -= item.weight) < 0) return item;
  return items.at(-1)!;
}

const hex = (rnd: Random, bytes: number) =>
  Array.from({ length: bytes }, () => rnd.int(0, 255).toString(16).padStart(2, '0').toUpperCase());

/**
 * A placeholder certificate: seeded machines have no agent behind them, so the PEM only has
 * the right shape (the console never reaches these machines; pairing one again replaces it).
 */
const placeholderCert = (id: string) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(`deskside seed machine ${id}`).toString('base64')}\n-----END CERTIFICATE-----\n`;

function program(
  name: string,
  version: string,
  publisher: string,
  sizeMiB: number,
  family: OsRelease['family'],
  installedOn: string | null,
): InstalledProgram {
  return {
    name,
    version,
    publisher,
    architecture: family === 'ubuntu' ? 'amd64' : '',
    installedOn: family === 'windows' ? installedOn : null,
    sizeBytes: sizeMiB * MiB,
    source:
      family === 'windows'
        ? 'windows-registry'
        : family === 'macos'
          ? 'macos-applications'
          : 'dpkg',
  };
}

interface Installed {
  product: (typeof PRODUCTS)[number];
  /** Days the machine lags behind each release (its update ring). */
  lagDays: number;
  pinned: string | null;
}

function softwareAt(
  installed: readonly Installed[],
  os: OsRelease,
  daysAgo: number,
  now: number,
): InstalledProgram[] {
  const day = (ago: number) => new Date(now - ago * DAY).toISOString().slice(0, 10);
  const programs = installed
    .filter(({ product }) => product.os.includes(os.family))
    .map(({ product, lagDays, pinned }) => {
      const n = Math.max(0, Math.floor((730 - daysAgo - lagDays) / product.cadenceDays));
      const version = pinned ?? product.version(n);
      const releasedAgo = Math.min(730, 730 - n * product.cadenceDays - lagDays);
      return program(
        product.name,
        version,
        product.publisher,
        product.sizeMiB,
        os.family,
        day(releasedAgo),
      );
    });
  if (os.family === 'macos') {
    const safari = os.release.startsWith('15') ? '18.6' : '17.6';
    programs.push(program('Safari', safari, 'Apple', 220, os.family, null));
  }
  return programs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function inventoryOf(
  model: Model,
  os: OsRelease,
  build: string,
  hostname: string,
  serial: string,
  uuid: string,
  programs: InstalledProgram[],
  at: string,
): InventoryV2 {
  const memory = model.memoryGiB * GiB;
  return {
    schemaVersion: 2,
    collectedAt: at,
    hostname,
    system: {
      manufacturer: model.manufacturer,
      model: model.model,
      version: model.version,
      serial,
      uuid,
      sku: model.sku,
      virtual: false,
      virtualHost: '',
    },
    os: {
      platform: os.platform,
      distro: os.distro,
      release: os.release,
      codename: os.codename,
      build,
      kernel: os.kernel,
      arch: model.cpu.manufacturer === 'Apple' ? 'arm64' : 'x64',
      hostname,
      fqdn: os.family === 'windows' ? `${hostname}.corp.example.org` : hostname,
      uptimeSeconds: 3600 * 26,
      timezone: 'Europe/Brussels',
      lastBootAt: new Date(Date.parse(at) - 3600 * 26 * 1000).toISOString(),
    },
    cpu: {
      manufacturer: model.cpu.manufacturer,
      brand: model.cpu.brand,
      cores: model.cpu.cores,
      physicalCores: model.cpu.physicalCores,
      speedGHz: model.cpu.ghz,
      speedMaxGHz: null,
      sockets: 1,
      virtualization: true,
      load: null,
    },
    memory: {
      totalBytes: memory,
      availableBytes: Math.round(memory * 0.45),
      usedBytes: Math.round(memory * 0.55),
      swapTotalBytes: 4 * GiB,
      swapUsedBytes: 0,
      modules: [],
    },
    software: { programs },
    observedAt: {},
    problems: [],
  };
}

/**
 * Person `personId`'s laptop, bought between two years and four months ago, with 3 to 6
 * snapshots whose ids start at `firstSnapshotId`; the last is from the past month.
 */
export function makeMachine(
  rnd: Random,
  personId: number,
  firstSnapshotId: number,
  now: number,
): SeedMachine {
  const model = weighted(rnd, MODELS);
  const family = rnd.pick(model.os);
  const path = weighted(rnd, OS_PATHS[family]);
  const id = rnd.uuid();
  const uuid = rnd.uuid().toUpperCase();
  const serial = hex(rnd, 5).join('');
  const prefix = family === 'windows' ? 'PC' : family === 'macos' ? 'MAC' : 'LNX';
  const hostname = `${prefix}-${String(personId).padStart(5, '0')}`;
  const pinnedVpn = rnd.next() < VPN_PINNED_SHARE;
  const installed: Installed[] = PRODUCTS.filter(
    (product) => product.os.includes(family) && rnd.next() < product.share,
  ).map((product) => ({
    product,
    lagDays: rnd.int(0, 45),
    pinned:
      pinnedVpn && product.name.toLowerCase() === VPN_CLIENT.toLowerCase()
        ? VPN_TROUBLE_VERSION
        : pinnedVpn && product.name === 'globalprotect'
          ? `${VPN_TROUBLE_VERSION}-12`
          : null,
  }));

  const boughtAgo = rnd.int(120, 730);
  const count = rnd.int(3, 6);
  // Taken at purchase, now and then since, and once in the past month.
  const ages = [boughtAgo];
  for (let i = 1; i < count - 1; i++) {
    ages.push(Math.round(boughtAgo - ((boughtAgo - 30) * i) / (count - 1) - rnd.int(0, 10)));
  }
  ages.push(rnd.int(1, 28));
  const upgradeAgo = path.to === null ? -1 : rnd.int(5, Math.min(400, boughtAgo - 1));
  const snapshots = ages.map((ago, i): SeedSnapshot => {
    const at = new Date(now - ago * DAY - rnd.int(0, 8 * 60) * 60_000).toISOString();
    const os = path.to !== null && ago < upgradeAgo ? path.to : path.from;
    const programs = softwareAt(installed, os, ago, now);
    return {
      id: firstSnapshotId + i,
      takenAt: at,
      inventory: inventoryOf(model, os, os.build(ago), hostname, serial, uuid, programs, at),
    };
  });
  const current = snapshots.at(-1)!;
  const vpn = current.inventory.software?.programs.find(
    (p) => p.name.toLowerCase() === VPN_CLIENT.toLowerCase(),
  );
  const addedAt = new Date(now - boughtAgo * DAY).toISOString();
  return {
    row: {
      id,
      name: hostname,
      transport: 'agent-https',
      // Seeded machines are not reachable: an address of TEST-NET-1 (RFC 5737) and a port
      // from the agent's on (address and port are unique together), and a fingerprint and
      // certificate of the right form that no agent holds.
      address: `192.0.2.${1 + (personId % 254)}`,
      port: 7443 + Math.floor(personId / 254),
      fingerprint: hex(rnd, 32).join(':'),
      certPem: placeholderCert(id),
      tokenSealed: '',
      hostname,
      addedAt,
      lastContactAt: current.takenAt,
      sshUsername: null,
      sshOs: null,
      jumpHost: null,
      jumpPort: null,
      jumpUsername: null,
      jumpHostKey: null,
    },
    snapshots,
    model: model.model,
    vpnVersion: vpn?.version ?? null,
  };
}
