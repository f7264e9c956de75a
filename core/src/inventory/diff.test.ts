import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import recordedV2 from '#test/fixtures/inventory-linux-v2.json';
import type { InstalledProgram } from '../facts/software';
import {
  INVENTORY_DIFF_DEFAULTS,
  INVENTORY_DIFF_SECTIONS,
  InventoryDiffSchema,
  InventoryV2Schema,
  diffInventories,
  type InventoryDiff,
  type InventoryV2,
} from './index';

const recorded = InventoryV2Schema.parse(recordedV2);
const copy = (): InventoryV2 => structuredClone(recorded);

/** The sections of a diff that hold a change, with their counts. */
const changedSections = (diff: InventoryDiff) =>
  Object.fromEntries(
    Object.entries(diff.summary.sections).filter(([, count]) => count !== 0 && count !== null),
  );

describe('diffInventories', () => {
  it('finds nothing between the recorded inventory and itself, every section it has compared', () => {
    const diff = diffInventories(recorded, copy());
    expect(InventoryDiffSchema.parse(diff)).toEqual(diff);
    expect(diff.summary.total).toBe(0);
    expect(Object.keys(diff.summary.sections)).toEqual([...INVENTORY_DIFF_SECTIONS]);
    // The recorded machine has no CUPS: its document has no printers section.
    const { printers, ...others } = diff.summary.sections;
    expect(printers).toBeNull();
    expect(diff.sections.printers).toEqual({ status: 'not_comparable', missingIn: 'both' });
    expect(Object.values(others).every((count) => count === 0)).toBe(true);
  });

  it('reports exactly the hand-made changes, and none of the facts that move all the time', () => {
    const after = copy();
    const programs = after.software!.programs;
    const updated = programs[0]!;
    const added: InstalledProgram = { ...programs[2]!, name: 'zz-newly-installed', version: '1.0' };
    updated.version = `${updated.version}+security1`;
    programs.splice(1, 1);
    programs.push(added);
    after.network!.dnsServers = ['192.0.2.53'];
    const root = after.fileSystems![0]!;
    const beforeRoot = recorded.fileSystems![0]!;
    // Noise: uptime, load, used memory, collection times.
    after.collectedAt = '2026-11-24T08:00:00.000Z';
    after.observedAt = { os: '2026-11-24T08:00:00.000Z' };
    after.os!.uptimeSeconds += 86_400;
    after.os!.lastBootAt = '2026-11-24T07:00:00.000Z';
    after.cpu!.load = { ...after.cpu!.load!, percent: 3, loadAverage: [0.1, 0.2, 0.3] };
    after.cpu!.speedGHz = 3.1;
    after.memory!.availableBytes -= 4 * 1024 ** 3;
    after.memory!.usedBytes += 4 * 1024 ** 3;

    // Free space dropped by 1 % of the size: below the threshold.
    root.availableBytes = beforeRoot.availableBytes - Math.round(beforeRoot.sizeBytes * 0.01);
    const small = diffInventories(recorded, after);
    expect(changedSections(small)).toEqual({ network: 1, software: 3 });

    // Dropped by 30 %: reported.
    root.availableBytes = beforeRoot.availableBytes - Math.round(beforeRoot.sizeBytes * 0.3);
    const diff = diffInventories(recorded, after);
    expect(changedSections(diff)).toEqual({ network: 1, software: 3, fileSystems: 1 });
    expect(diff.summary.total).toBe(5);
    expect(diff.sections.software).toEqual({
      status: 'compared',
      added: [added],
      removed: [recorded.software!.programs[1]],
      updated: [
        {
          name: updated.name,
          publisher: updated.publisher,
          architecture: updated.architecture,
          fromVersion: recorded.software!.programs[0]!.version,
          toVersion: updated.version,
        },
      ],
    });
    expect(diff.sections.network).toEqual({
      status: 'compared',
      interfaces: { added: [], removed: [], changed: [] },
      changes: [{ field: 'dnsServers', from: ['10.255.255.53'], to: ['192.0.2.53'] }],
    });
    expect(diff.sections.fileSystems).toEqual({
      status: 'compared',
      added: [],
      removed: [],
      changed: [
        {
          key: '/',
          changes: [
            { field: 'availableBytes', from: beforeRoot.availableBytes, to: root.availableBytes },
          ],
        },
      ],
    });
  });

  it('applies free-space thresholds given in the options, both the relative and the absolute', () => {
    const after = copy();
    const root = after.fileSystems![0]!;
    const size = root.sizeBytes;
    root.availableBytes -= Math.round(size * 0.01);
    const count = (options: Parameters<typeof diffInventories>[2]) =>
      diffInventories(recorded, after, options).summary.sections.fileSystems;
    expect(count({ freeSpace: { minFraction: 0.005 } })).toBe(1);
    // 1 % of this file system is about 2.5 GiB: under an absolute threshold of 3 GiB.
    expect(count({ freeSpace: { minFraction: 0.005, minBytes: 3 * 1024 ** 3 } })).toBe(0);
    expect(count({})).toBe(0);
    expect(INVENTORY_DIFF_DEFAULTS.freeSpace).toEqual({ minFraction: 0.05, minBytes: 1024 ** 3 });
    expect(() => diffInventories(recorded, after, { freeSpace: { minFraction: 2 } })).toThrow();
  });

  it('says a section one side lacks is not comparable, instead of everything removed', () => {
    const after = copy();
    delete after.software;
    delete after.network;
    const before = copy();
    delete before.network;
    const diff = diffInventories(before, after);
    expect(diff.sections.software).toEqual({ status: 'not_comparable', missingIn: 'after' });
    expect(diff.sections.network).toEqual({ status: 'not_comparable', missingIn: 'both' });
    expect(diffInventories(after, before).sections.software).toEqual({
      status: 'not_comparable',
      missingIn: 'before',
    });
    expect(diff.summary.sections.software).toBeNull();
    expect(diff.summary.total).toBe(0);
  });

  it('reports hardware, OS, disk, interface, driver, printer and pending-update changes', () => {
    const before = copy();
    before.disks = [
      {
        device: '/dev/nvme0n1',
        name: 'Samsung SSD 980',
        type: 'NVMe',
        vendor: 'Samsung',
        interfaceType: 'PCIe',
        sizeBytes: 500_107_862_016,
        serial: 'S64DNX0R',
        firmware: '1B4QFXO7',
        smartStatus: 'Ok',
      },
    ];
    before.graphics = {
      controllers: [
        { vendor: 'Intel', model: 'Iris Xe', vramBytes: null, driverVersion: '31.0.101.4502' },
      ],
      displays: [],
    };
    const printer = {
      name: 'Office_LaserJet',
      isDefault: true,
      status: 'idle' as const,
      statusMessage: '',
      description: 'HP LaserJet in room 2.14',
      location: 'Room 2.14',
      uri: 'ipp://192.0.2.50/ipp/print',
      driver: 'Local Raw Printer',
      shared: true,
      jobs: [],
    };
    before.printers = { spooler: 'cups', spoolerRunning: true, printers: [printer] };
    const after = structuredClone(before);
    // Its queue and state move all the time; its port does not.
    after.printers!.printers[0] = {
      ...printer,
      status: 'printing',
      jobs: [{ id: '7', owner: 'jane', sizeBytes: 1024, submittedAt: null, status: '' }],
      uri: 'ipp://192.0.2.60/ipp/print',
    };
    after.printers!.spoolerRunning = false;
    after.os!.kernel = '6.18.45-fc-v657';
    after.bios!.version = '1.22.0';
    after.memory!.totalBytes *= 2;
    const disks = after.disks!;
    disks[0]!.smartStatus = 'Predicted failure';
    disks.push({
      ...disks[0]!,
      device: '/dev/sda',
      serial: 'USB-1',
      smartStatus: 'Ok',
    });
    after.graphics!.controllers[0]!.driverVersion = '31.0.101.5186';
    after.network!.interfaces[0]!.ip4 = ['192.0.2.3'];
    after.network!.interfaces.pop();
    after.updates!.updates.shift();
    after.updates!.rebootRequired = true;

    const { sections, summary } = diffInventories(before, after);
    expect(sections.os).toEqual({
      status: 'compared',
      changes: [{ field: 'kernel', from: '6.18.44-fc-v657', to: '6.18.45-fc-v657' }],
    });
    expect(sections.bios).toMatchObject({
      changes: [{ field: 'version', from: '', to: '1.22.0' }],
    });
    expect(sections.memory).toMatchObject({ changes: [{ field: 'totalBytes' }] });
    expect(sections.disks).toMatchObject({
      added: [{ serial: 'USB-1' }],
      removed: [],
      changed: [
        {
          key: 'serial:S64DNX0R',
          changes: [{ field: 'smartStatus', from: 'Ok', to: 'Predicted failure' }],
        },
      ],
    });
    expect(sections.graphics).toMatchObject({
      changed: [{ changes: [{ field: 'driverVersion', to: '31.0.101.5186' }] }],
    });
    expect(sections.network).toMatchObject({
      interfaces: {
        removed: [before.network!.interfaces.at(-1)],
        changed: [
          { key: 'eth0', changes: [{ field: 'ip4', from: ['192.0.2.2'], to: ['192.0.2.3'] }] },
        ],
      },
    });
    expect(sections.updates).toMatchObject({
      removed: [before.updates!.updates[0]],
      added: [],
      changes: [{ field: 'rebootRequired', to: true }],
    });
    expect(sections.printers).toEqual({
      status: 'compared',
      added: [],
      removed: [],
      changed: [
        {
          key: 'Office_LaserJet',
          changes: [{ field: 'uri', from: printer.uri, to: 'ipp://192.0.2.60/ipp/print' }],
        },
      ],
      changes: [{ field: 'spoolerRunning', from: true, to: false }],
    });
    expect(summary.sections).toMatchObject({
      printers: 2,
      os: 1,
      bios: 1,
      memory: 1,
      disks: 2,
      graphics: 1,
      network: 2,
      updates: 2,
      software: 0,
    });
  });

  it('matches programs by name and architecture, so a new maintainer is an update', () => {
    const after = copy();
    const program = after.software!.programs[0]!;
    program.publisher = 'Someone Else';
    program.version = '9.9';
    const other = { ...program, architecture: 'arm64' };
    after.software!.programs.push(other);
    expect(diffInventories(recorded, after).sections.software).toMatchObject({
      added: [other],
      removed: [],
      updated: [{ name: program.name, fromVersion: '3.134', toVersion: '9.9' }],
    });
  });

  it('pairs a program installed in two versions the same way in both directions', () => {
    const base = recorded.software!.programs[0]!;
    const as = (name: string, version: string) => ({ ...base, name, version, publisher: '' });
    const before = copy();
    before.software!.programs = [as('firefox', '1.1'), as('firefox', '1.0'), as('firefox', '1.1')];
    const after = copy();
    after.software!.programs = [as('firefox', '1.1'), as('Firefox', '2.0')];
    const forth = diffInventories(before, after).sections.software;
    const back = diffInventories(after, before).sections.software;
    expect(forth).toMatchObject({
      removed: [as('firefox', '1.1')],
      updated: [{ fromVersion: '1.0', toVersion: '2.0' }],
    });
    expect(back).toMatchObject({
      added: [as('firefox', '1.1')],
      updated: [{ fromVersion: '2.0', toVersion: '1.0' }],
    });
  });

  it('pairs by publisher first, then the rest in the order they came, in both directions', () => {
    const base = { ...recorded.software!.programs[0]!, architecture: 'arm64' };
    const as = (name: string, version: string, publisher: string) => ({
      ...base,
      name,
      version,
      publisher,
    });
    const before = copy();
    before.software!.programs = [
      as('firefox', '', 'Debian'),
      as('firefox', '1.1', ''),
      as('firefox', '1.1', 'Debian'),
    ];
    const after = copy();
    after.software!.programs = [as('Firefox', '1.0', 'Debian'), as('Firefox', '1.0', 'Mozilla')];
    const forth = diffInventories(before, after).sections.software;
    const back = diffInventories(after, before).sections.software;
    expect(forth).toMatchObject({ removed: [as('firefox', '1.1', 'Debian')] });
    expect(back).toMatchObject({ added: [as('firefox', '1.1', 'Debian')] });
  });
});

const programArbitrary = fc.record({
  name: fc.constantFrom('bash', 'curl', 'Firefox', 'firefox', 'git', 'vim', '7-Zip'),
  version: fc.constantFrom('1.0', '1.1', '2.0', ''),
  publisher: fc.constantFrom('', 'Debian', 'Mozilla'),
  architecture: fc.constantFrom('', 'amd64', 'arm64'),
  installedOn: fc.constant(null),
  sizeBytes: fc.constant(null),
  source: fc.constant('dpkg' as const),
});

const inventoryArbitrary = fc
  .record({
    programs: fc.array(programArbitrary, { maxLength: 12 }),
    dnsServers: fc.array(fc.constantFrom('10.0.0.1', '10.0.0.2', '192.0.2.53'), { maxLength: 3 }),
    mounts: fc.uniqueArray(fc.constantFrom('/', '/home', '/var', 'C:'), { maxLength: 3 }),
    availableGiB: fc.nat(100),
    withUpdates: fc.boolean(),
  })
  .map(({ programs, dnsServers, mounts, availableGiB, withUpdates }) => {
    const inventory = copy();
    inventory.software = { programs };
    inventory.network!.dnsServers = dnsServers;
    inventory.fileSystems = mounts.map((mount) => ({
      ...recorded.fileSystems![0]!,
      mount,
      availableBytes: availableGiB * 1024 ** 3,
    }));
    if (!withUpdates) delete inventory.updates;
    return inventory;
  });

describe('diffInventories, on generated inventories', () => {
  it('finds nothing between an inventory and itself', () => {
    fc.assert(
      fc.property(inventoryArbitrary, (inventory) => {
        expect(diffInventories(inventory, structuredClone(inventory)).summary.total).toBe(0);
      }),
    );
  });

  it('is symmetric: what one way adds, the other way removes', () => {
    fc.assert(
      fc.property(inventoryArbitrary, inventoryArbitrary, (a, b) => {
        const forth = diffInventories(a, b).sections;
        const back = diffInventories(b, a).sections;
        const byName = (programs: readonly InstalledProgram[]) =>
          [...programs].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
        if (forth.software.status === 'compared' && back.software.status === 'compared') {
          expect(byName(forth.software.added)).toEqual(byName(back.software.removed));
          expect(byName(forth.software.removed)).toEqual(byName(back.software.added));
          expect(forth.software.updated.length).toBe(back.software.updated.length);
        }
        expect(forth.fileSystems).toMatchObject({
          added: back.fileSystems.status === 'compared' ? back.fileSystems.removed : [],
        });
        expect(forth.updates.status).toBe(back.updates.status);
        expect(diffInventories(a, b).summary.total).toBe(diffInventories(b, a).summary.total);
      }),
    );
  });
});
