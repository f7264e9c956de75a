import {
  INVENTORY_SECTIONS,
  type InventorySectionName,
  type InventorySections,
  type SectionProblem,
} from '@deskside/core';
import { collectBatteries } from './battery';
import { FactsUnavailableError, unavailableFrom } from './errors';
import type { CommandRunner } from './exec';
import {
  readBaseboard,
  readBios,
  readCpu,
  readDisks,
  readGraphics,
  readInterfaceDetails,
  readMemoryModules,
  readMounts,
  readOsRelease,
  readSwap,
  readSystem,
  readUsb,
} from './hardware';
import { fileSystemUsage } from './live/file-systems';
import { osState } from './live/os-state';
import { collectNetworkConfig } from './network-config';
import { collectPrinters } from './printers';
import { collectInstalledSoftware } from './software';
import { collectPendingUpdates } from './updates';
import { collectLoggedInUsers } from './users';

/**
 * How each section is kept fresh:
 * - static: hardware, OS release, software, updates. Collected at start and on a schedule
 *   (the agent does it in a child process and keeps it on disk); costly, rarely changes.
 * - state: users, battery, printers. Cheap enough to read every few seconds, but each
 *   read runs a command; served from memory and refreshed in the background when stale.
 * - live: OS uptime, CPU load, memory, disk usage, network state. Read for every request
 *   without running anything, on top of their static facts (CPU model, memory modules...).
 */
export type SectionTier = 'static' | 'state' | 'live';

export const SECTION_TIERS: Record<InventorySectionName, SectionTier> = {
  system: 'static',
  bios: 'static',
  baseboard: 'static',
  disks: 'static',
  graphics: 'static',
  usb: 'static',
  software: 'static',
  updates: 'static',
  users: 'state',
  battery: 'state',
  printers: 'state',
  os: 'live',
  cpu: 'live',
  memory: 'live',
  fileSystems: 'live',
  network: 'live',
};

/** How long static facts are kept before the schedule collects them again. */
export const STATIC_MAX_AGE_MS: Partial<Record<InventorySectionName, number>> = {
  software: 60 * 60_000,
  updates: 60 * 60_000,
};
export const DEFAULT_STATIC_MAX_AGE_MS = 6 * 60 * 60_000;

/**
 * The static part a section is built on. Live sections have one where some of their facts
 * are costly (the CPU model, memory modules); on Windows and macOS also the list of volumes
 * and the interfaces' kinds and speeds, which Linux reads live from /proc and /sys.
 */
export function staticBasis(
  section: InventorySectionName,
  platform: NodeJS.Platform,
): InventorySectionName | null {
  const tier = SECTION_TIERS[section];
  if (tier === 'static') return section;
  if (section === 'os' || section === 'cpu' || section === 'memory') return section;
  if ((section === 'fileSystems' || section === 'network') && platform !== 'linux') return section;
  return null;
}

export function staticSectionsFor(
  sections: readonly InventorySectionName[],
  platform: NodeJS.Platform,
): InventorySectionName[] {
  return INVENTORY_SECTIONS.filter((s) =>
    sections.some((wanted) => staticBasis(wanted, platform) === s),
  );
}

type StaticValue = InventorySections[InventorySectionName];

/** Collects the static facts of one section (see staticBasis). */
export async function collectStaticSection(
  section: InventorySectionName,
  platform: NodeJS.Platform,
  run?: CommandRunner,
): Promise<StaticValue> {
  const options = { platform, ...(run ? { run } : {}) };
  switch (section) {
    case 'system':
      return readSystem();
    case 'bios':
      return readBios();
    case 'baseboard':
      return readBaseboard();
    case 'disks':
      return readDisks();
    case 'graphics':
      return readGraphics();
    case 'usb':
      return readUsb();
    case 'software':
      return collectInstalledSoftware(options);
    case 'updates':
      return collectPendingUpdates(options);
    case 'os':
      return { ...(await readOsRelease()), ...osState() };
    case 'cpu':
      return { ...(await readCpu()), load: null };
    case 'memory': {
      const [modules, swap] = await Promise.all([
        readMemoryModules(),
        platform === 'win32'
          ? readSwap()
          : Promise.resolve({ swapTotalBytes: 0, swapUsedBytes: 0 }),
      ]);
      return { totalBytes: 0, availableBytes: 0, usedBytes: 0, ...swap, modules };
    }
    case 'fileSystems':
      return fileSystemUsage(await readMounts());
    case 'network':
      return {
        interfaces: await readInterfaceDetails(),
        defaultGateways: { ip4: [], ip6: [] },
        dnsServers: [],
        searchDomains: [],
      };
    default:
      throw new Error(`${section} has no static facts`);
  }
}

/** The facts behind each state section, and the gateways and resolvers of `network`. */
export const STATE_SOURCES = {
  users: (o: { platform: NodeJS.Platform; run?: CommandRunner }) =>
    collectLoggedInUsers(o).then((r) => r.users),
  battery: collectBatteries,
  printers: collectPrinters,
  networkConfig: collectNetworkConfig,
} as const;
export type StateSource = keyof typeof STATE_SOURCES;

/** A failed section as the document reports it. */
export function sectionProblem(section: InventorySectionName, error: unknown): SectionProblem {
  const unavailable =
    error instanceof FactsUnavailableError ? error : unavailableFrom(error, sectionLabel(section));
  return { section, reason: unavailable.reason, message: unavailable.message };
}

function sectionLabel(section: InventorySectionName): string {
  return section
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase());
}
