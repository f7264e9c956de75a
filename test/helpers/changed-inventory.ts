/**
 * A recorded inventory changed in known ways, for tests of what changed on a machine: a
 * program updated, one installed, one removed, and the DNS server moved.
 */
import type { InventoryV2 } from '@deskside/core';

/** What `changedInventory` changes, for tests to look for. */
export const KNOWN_CHANGES = {
  added: 'htop',
  addedVersion: '3.2.2-2',
  dnsServer: '10.0.0.53',
} as const;

/**
 * `inventory` a little later with software and DNS changed: the first program updated
 * (version + "+1"), `htop` installed, the last program removed, and the DNS server moved.
 */
export function changedInventory(inventory: InventoryV2, minutes = 60): InventoryV2 {
  const programs = inventory.software?.programs ?? [];
  const first = programs[0];
  if (!first || programs.length < 3) throw new Error('the inventory needs at least 3 programs');
  const at = new Date(Date.parse(inventory.collectedAt) + minutes * 60_000).toISOString();
  return {
    ...inventory,
    collectedAt: at,
    software: {
      programs: [
        { ...first, version: `${first.version}+1` },
        ...programs.slice(1, -1),
        { ...first, name: KNOWN_CHANGES.added, version: KNOWN_CHANGES.addedVersion },
      ],
    },
    network: inventory.network && {
      ...inventory.network,
      dnsServers: [KNOWN_CHANGES.dnsServer],
    },
  };
}
