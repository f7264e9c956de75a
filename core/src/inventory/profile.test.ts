import { describe, expect, it } from 'vitest';
import recordedV1 from '#test/fixtures/inventory-linux.json';
import recordedV2 from '#test/fixtures/inventory-linux-v2.json';
import { InventoryV1Schema, InventoryV2Schema, inventoryProfile } from './index';

const linux = InventoryV2Schema.parse(recordedV2);

describe('the profile of a machine, from its inventory', () => {
  it('reads maker, model and OS from a recorded Linux inventory, unknown facts as null', () => {
    const { profile, software } = inventoryProfile(linux);
    expect(profile).toEqual({
      manufacturer: null,
      model: 'Docker Container',
      osPlatform: 'linux',
      osDistro: 'Debian GNU/Linux',
      osRelease: '12',
      osBuild: null,
    });
    expect(software).toHaveLength(linux.software!.programs.length);
    expect(software).toContainEqual({ name: 'adduser', version: '3.134' });
  });

  it('trims names, keeps a missing version as "", and lists each (name, version) once, sorted', () => {
    const programs = linux.software!.programs;
    const first = programs[0]!;
    const doubled = InventoryV2Schema.parse({
      ...linux,
      software: {
        programs: [
          ...programs,
          // The same program for another architecture, a padded name and one without version.
          { ...first, architecture: 'i386' },
          { ...first, name: `  ${first.name} `, architecture: 'arm64' },
          { ...first, name: 'Zoom Workplace', version: '' },
          { ...first, name: 'Zoom Workplace', version: ' ' },
        ],
      },
    });
    const { software } = inventoryProfile(doubled);
    expect(software).toHaveLength(programs.length + 1);
    expect(software?.filter((p) => p.name === first.name)).toEqual([
      { name: first.name, version: first.version },
    ]);
    expect(software?.filter((p) => p.name === 'Zoom Workplace')).toEqual([
      { name: 'Zoom Workplace', version: '' },
    ]);
    const names = software!.map((p) => p.name);
    expect(names).toEqual([...names].sort());
  });

  it('says nothing of software when the document has no software section', () => {
    const { software: withoutSection } = inventoryProfile({ ...linux, software: undefined });
    expect(withoutSection).toBeNull();
    const { profile, software } = inventoryProfile(InventoryV1Schema.parse(recordedV1));
    expect(software).toBeNull();
    expect(profile).toMatchObject({ model: 'Docker Container', osRelease: '12', osBuild: null });
  });
});
