import { INVENTORY_SECTIONS, type InventorySectionName } from '@deskside/core';

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

/** Where users, battery, printers and the network's gateways and resolvers come from. */
export type StateSource = 'users' | 'battery' | 'printers' | 'networkConfig';

/** The state sources a set of sections needs. */
export function stateSourcesFor(sections: readonly InventorySectionName[]): StateSource[] {
  const sources: StateSource[] = [];
  for (const section of sections) {
    if (section === 'users' || section === 'battery' || section === 'printers')
      sources.push(section);
    if (section === 'network') sources.push('networkConfig');
  }
  return sources;
}
