import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { InventorySchema, type Inventory } from '@deskside/core';
import { collectInventory } from './inventory';

// A real collection on the machine running the tests: no mocked systeminformation.
describe('collectInventory', () => {
  let inventory: Inventory;

  beforeAll(async () => {
    inventory = await collectInventory();
  });

  it('produces a document that parses with InventorySchema', () => {
    expect(InventorySchema.parse(inventory)).toEqual(inventory);
    // Plain JSON: what is hashed as evidence is exactly what was collected.
    expect(JSON.parse(JSON.stringify(inventory))).toEqual(inventory);
  });

  it('reports this computer', () => {
    expect(inventory.os.hostname).toBe(os.hostname());
    expect(inventory.memory.totalBytes).toBe(os.totalmem());
    expect(inventory.cpu.cores).toBeGreaterThan(0);
  });

  it('lists the root file system', () => {
    const roots = inventory.fileSystems.filter((fs) => fs.mount === '/');
    expect(roots.length, JSON.stringify(inventory.fileSystems)).toBeGreaterThan(0);
    for (const root of roots) expect(root.sizeBytes).toBeGreaterThan(0);
  });

  it('marks the loopback interface as internal', () => {
    const loopbacks = inventory.network.filter(
      (n) => n.ip4.includes('127.0.0.1') || n.ip6.includes('::1'),
    );
    expect(loopbacks.length, JSON.stringify(inventory.network)).toBeGreaterThan(0);
    for (const loopback of loopbacks) expect(loopback.internal).toBe(true);
  });

  it('reports unknown text values as "" rather than "-"', () => {
    const texts = [
      ...Object.values(inventory.system),
      ...Object.values(inventory.os),
      ...inventory.network.flatMap((n) => [n.name, n.mac, n.type]),
    ].filter((value): value is string => typeof value === 'string');
    expect(texts).not.toContain('-');
  });
});
