import { describe, expect, it } from 'vitest';
import recordedV1 from '#test/fixtures/inventory-linux.json';
import recordedV2 from '#test/fixtures/inventory-linux-v2.json';
import {
  INVENTORY_SECTIONS,
  InventoryQuerySchema,
  InventorySchema,
  InventoryV2Schema,
  SectionProblemSchema,
  inventoryHostname,
  inventorySectionSchemas,
  toCurrentInventory,
} from './index';

describe('the section names', () => {
  it('are the sections that have a schema, in document order', () => {
    expect([...INVENTORY_SECTIONS]).toEqual(Object.keys(inventorySectionSchemas));
  });

  it('check the problems of the recorded document, and refuse an unknown section', () => {
    for (const problem of recordedV2.problems) {
      expect(SectionProblemSchema.parse(problem)).toEqual(problem);
    }
    const problem = { section: 'registry', reason: 'failed', message: 'x' };
    expect(SectionProblemSchema.safeParse(problem).success).toBe(false);
  });
});

describe('InventorySchema', () => {
  it('reads a schema version 1 document as it was stored, adding nothing', () => {
    const v1 = InventorySchema.parse(recordedV1);
    expect(v1).toEqual(recordedV1);
    expect(inventoryHostname(v1)).toBe('vm');
  });

  it('reads a schema version 2 document', () => {
    const v2 = InventorySchema.parse(recordedV2);
    expect(v2.schemaVersion).toBe(2);
    expect(inventoryHostname(v2)).toBe(recordedV2.hostname);
  });

  it('refuses an unknown version', () => {
    expect(InventorySchema.safeParse({ ...recordedV2, schemaVersion: 3 }).success).toBe(false);
  });

  it('accepts a version 2 document with only some sections', () => {
    const others = new Set<string>(INVENTORY_SECTIONS.filter((s) => s !== 'os'));
    const partial = Object.fromEntries(
      Object.entries({ ...recordedV2, observedAt: {}, problems: [] }).filter(
        ([k]) => !others.has(k),
      ),
    );
    expect(InventoryV2Schema.parse(partial).os).toEqual(recordedV2.os);
  });
});

describe('toCurrentInventory', () => {
  it('turns version 1 into a valid version 2 document, facts it lacked unknown', () => {
    const current = InventoryV2Schema.parse(toCurrentInventory(InventorySchema.parse(recordedV1)));
    expect(current.os).toMatchObject({ hostname: 'vm', build: '', uptimeSeconds: 1693 });
    // Booted uptime seconds before it was collected.
    expect(Date.parse(current.os!.lastBootAt)).toBe(
      Date.parse(recordedV1.collectedAt) - 1693 * 1000,
    );
    expect(current.network?.interfaces.map((n) => n.name)).toEqual(['lo', 'eth0']);
    expect(current.cpu?.load).toBeNull();
    expect(current.software).toBeUndefined();
  });

  it('leaves a version 2 document as it is', () => {
    const v2 = InventoryV2Schema.parse(recordedV2);
    expect(toCurrentInventory(v2)).toBe(v2);
  });
});

describe('InventoryQuerySchema', () => {
  const sections = (value: string) => InventoryQuerySchema.safeParse({ sections: value });

  it('takes comma-separated names, trimmed and without repeats', () => {
    expect(sections(' os, cpu ,os').data).toEqual({ sections: ['os', 'cpu'] });
    expect(InventoryQuerySchema.parse({})).toEqual({});
  });

  it('names an unknown section and lists the known ones', () => {
    const message = sections('os,bios,registry,Os').error?.issues[0]?.message;
    expect(message).toBe(
      `Unknown inventory section "registry", "Os"; the sections are ${INVENTORY_SECTIONS.join(', ')}`,
    );
  });

  it('refuses an empty list and unknown parameters', () => {
    expect(sections(' , ').error?.issues[0]?.message).toBe('Name at least one section');
    expect(InventoryQuerySchema.safeParse({ section: 'os' }).success).toBe(false);
  });
});
