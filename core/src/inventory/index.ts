import { z } from 'zod';
import { INVENTORY_SECTIONS, type InventorySectionName } from './section-names';
import { InventoryV2Schema, type InventoryV2 } from './v2';
import { InventoryV1Schema } from './v1';

export * from './diff';
export * from './profile';
export * from './section-names';
export * from './sections';
export * from './v1';
export * from './v2';

/**
 * An inventory document of any schema version: what agents send (older agents send 1)
 * and what evidence holds. Evidence keeps the document exactly as it was taken; use
 * `toCurrentInventory` to read one.
 */
export const InventorySchema = z.discriminatedUnion('schemaVersion', [
  InventoryV1Schema,
  InventoryV2Schema,
]);
export type Inventory = z.infer<typeof InventorySchema>;

/** The machine's host name, whatever the document's version and sections. */
export function inventoryHostname(inventory: Inventory): string {
  return inventory.schemaVersion === 1 ? inventory.os.hostname : inventory.hostname;
}

/**
 * A document of any version in the shape of the current one, for reading and display.
 * Facts version 1 did not record are "" or null; lists it did not record are empty.
 */
export function toCurrentInventory(inventory: Inventory): InventoryV2 {
  if (inventory.schemaVersion === 2) return inventory;
  const { system, os, cpu, memory, disks, fileSystems, network, collectedAt } = inventory;
  const bootMs = Date.parse(collectedAt) - os.uptimeSeconds * 1000;
  return {
    schemaVersion: 2,
    collectedAt,
    hostname: os.hostname,
    system: { ...system, version: '', sku: '', virtualHost: '' },
    os: {
      ...os,
      codename: '',
      build: '',
      fqdn: '',
      timezone: '',
      lastBootAt: new Date(bootMs).toISOString(),
    },
    cpu: { ...cpu, speedMaxGHz: null, sockets: null, virtualization: null, load: null },
    memory: { ...memory, modules: [] },
    disks: disks.map((disk) => ({ ...disk, serial: '', firmware: '', smartStatus: '' })),
    fileSystems,
    network: {
      interfaces: network.map((n) => ({ ...n, mtu: null })),
      defaultGateways: { ip4: [], ip6: [] },
      dnsServers: [],
      searchDomains: [],
    },
    observedAt: {},
    problems: [],
  };
}

/** Comma-separated section names, e.g. `os,cpu,software`. */
export const InventorySectionsParamSchema = z
  .string()
  .max(1000)
  .describe(
    `Comma-separated sections to return (all when absent): ${INVENTORY_SECTIONS.join(', ')}.`,
  )
  .transform((value, ctx): InventorySectionName[] => {
    const names = value
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (names.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'Name at least one section' });
      return z.NEVER;
    }
    const unknown = names.filter(
      (name) => !(INVENTORY_SECTIONS as readonly string[]).includes(name),
    );
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown inventory section ${unknown.map((n) => `"${n}"`).join(', ')}; the sections are ${INVENTORY_SECTIONS.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as InventorySectionName[];
  });

/** The query of GET /v1/inventory. Unknown parameters are refused, so typos do not pass. */
export const InventoryQuerySchema = z.strictObject({
  sections: InventorySectionsParamSchema.optional(),
});
export type InventoryQuery = z.output<typeof InventoryQuerySchema>;
