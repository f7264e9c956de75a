import os from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVENTORY_SECTIONS, InventoryV2Schema, type InventoryV2 } from '@deskside/core';
import { collectInventory } from './inventory';

// A real collection on the machine running the tests: no mocked systeminformation.
describe('collectInventory', () => {
  let inventory: InventoryV2;

  beforeAll(async () => {
    inventory = await collectInventory();
  });

  it('produces a schema version 2 document that parses, in plain JSON', () => {
    expect(InventoryV2Schema.parse(inventory)).toEqual(inventory);
    expect(JSON.parse(JSON.stringify(inventory))).toEqual(inventory);
  });

  it('has every section it could read, and says why for the others', () => {
    for (const section of INVENTORY_SECTIONS) {
      const present = inventory[section] !== undefined;
      const problem = inventory.problems.find((p) => p.section === section);
      expect(present || problem !== undefined, `${section}: present or explained`).toBe(true);
      if (present) expect(inventory.observedAt[section]).toBeDefined();
    }
    // Linux reads these without anything that could be missing.
    for (const section of ['os', 'cpu', 'memory', 'fileSystems', 'network', 'battery'] as const) {
      expect(inventory[section], section).toBeDefined();
    }
  });

  it('reports this computer', () => {
    expect(inventory.hostname).toBe(os.hostname());
    expect(inventory.os?.hostname).toBe(os.hostname());
    expect(inventory.memory?.totalBytes).toBe(os.totalmem());
    expect(inventory.cpu?.cores).toBeGreaterThan(0);
    expect(inventory.cpu?.load?.perCore).toHaveLength(os.cpus().length);
    const bootedAt = Date.now() - os.uptime() * 1000;
    expect(Math.abs(Date.parse(inventory.os!.lastBootAt) - bootedAt)).toBeLessThan(5_000);
  });

  it('lists the root file system with its use', () => {
    const roots = inventory.fileSystems?.filter((fs) => fs.mount === '/') ?? [];
    expect(roots.length, JSON.stringify(inventory.fileSystems)).toBe(1);
    expect(roots[0]!.sizeBytes).toBeGreaterThan(0);
    expect(roots[0]!.usedBytes + roots[0]!.availableBytes).toBeLessThanOrEqual(roots[0]!.sizeBytes);
  });

  it('lists interfaces with their addresses, loopback internal, and the default gateway', () => {
    const network = inventory.network!;
    const addresses = Object.values(os.networkInterfaces()).flatMap((list) =>
      (list ?? []).map((i) => i.address),
    );
    const listed = network.interfaces.flatMap((n) => [...n.ip4, ...n.ip6]);
    expect(listed.sort()).toEqual(addresses.sort());
    const loopback = network.interfaces.find((n) => n.ip4.includes('127.0.0.1'));
    expect(loopback?.internal).toBe(true);
    expect(network.defaultGateways.ip4.length).toBeGreaterThan(0);
  });

  it('lists installed packages', () => {
    expect(inventory.software?.programs.length).toBeGreaterThan(10);
  });

  it('collects only the sections asked for', async () => {
    const partial = await collectInventory({ sections: ['os', 'software'] });
    const present = INVENTORY_SECTIONS.filter((s) => partial[s] !== undefined);
    expect(present).toEqual(['os', 'software']);
    expect(Object.keys(partial.observedAt).sort()).toEqual(['os', 'software']);
  });

  it('reports unknown text values as "" rather than "-"', () => {
    const texts = [
      ...Object.values(inventory.system ?? {}),
      ...Object.values(inventory.os ?? {}),
      ...(inventory.network?.interfaces ?? []).flatMap((n) => [n.name, n.mac, n.type]),
    ].filter((value): value is string => typeof value === 'string');
    expect(texts).not.toContain('-');
  });
});
