import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  INVENTORY_DIFF_FIELDS,
  InventoryComparisonResultSchema,
  LANGUAGES,
  InventoryV2Schema,
  diffInventories,
  formatBytes,
  type InventoryV2,
} from '@deskside/core';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { changedInventory, KNOWN_CHANGES } from '#test/helpers/changed-inventory';
import i18next from 'i18next';
import { applyLanguage, setupI18n } from '../../i18n';
import { InventoryDiffView } from './InventoryDiffView';
import { fieldLabel } from './labels';

beforeAll(async () => {
  await setupI18n('en');
});
afterEach(async () => {
  cleanup();
  await applyLanguage('en');
});

const before = InventoryV2Schema.parse(recorded);
const programs = before.software?.programs ?? [];

/** Two kept inventories compared as the console answers (the wire schema parses it). */
function comparisonOf(after: InventoryV2, disks = before.disks) {
  return InventoryComparisonResultSchema.parse({
    from: {
      id: 1,
      machineId: 'local',
      takenAt: '2026-11-20T09:00:00.000Z',
      source: 'agent',
      takenBy: 'ana.lyst',
      hostname: 'vm',
    },
    to: {
      id: 2,
      machineId: 'local',
      takenAt: '2026-11-25T09:00:00.000Z',
      source: 'ssh',
      takenBy: 'bram',
      hostname: 'vm',
    },
    diff: diffInventories({ ...before, disks }, after),
  });
}

const listNamed = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('what changed between two kept inventories', () => {
  it('lists software added, removed and updated with versions, and the DNS change', () => {
    render(<InventoryDiffView comparison={comparisonOf(changedInventory(before))} />);

    const software = screen.getByRole('region', { name: 'Installed software' });
    expect(within(software).getByRole('heading', { level: 4 }).textContent).toBe(
      'Installed software (3)',
    );
    expect(listNamed('Installed software: added')).toEqual([
      `${KNOWN_CHANGES.added} ${KNOWN_CHANGES.addedVersion}`,
    ]);
    expect(listNamed('Installed software: removed')).toEqual([
      `${programs.at(-1)?.name} ${programs.at(-1)?.version}`,
    ]);
    expect(listNamed('Installed software: updated')).toEqual([
      `${programs[0]?.name} ${programs[0]?.version} → ${programs[0]?.version}+1`,
    ]);
    const network = screen.getByRole('region', { name: 'Network' });
    expect(network.textContent).toContain(
      `DNS servers: ${before.network?.dnsServers.join(', ')} → ${KNOWN_CHANGES.dnsServer}`,
    );
    expect(screen.getByText(/Changes: 4/)).toBeDefined();
  });

  it('says a section the later inventory lacks is not comparable, never that all was removed', () => {
    const withoutSoftware: Partial<InventoryV2> = { ...before };
    delete withoutSoftware.software;
    expect(programs.length).toBeGreaterThan(10);
    render(<InventoryDiffView comparison={comparisonOf(withoutSoftware as InventoryV2)} />);
    const software = screen.getByRole('region', { name: 'Installed software' });
    expect(software.textContent).toContain(
      'Not comparable: the later inventory does not have this section.',
    );
    expect(within(software).queryByRole('list')).toBeNull();
    expect(screen.queryByText(programs[0]?.name ?? '', { exact: false })).toBeNull();
    // The recorded inventory has no printers section at all: neither side has it.
    expect(screen.getByRole('region', { name: 'Printers' }).textContent).toContain(
      'neither inventory has this section',
    );
    // Nothing else changed: the other sections are named once, as unchanged.
    expect(screen.getByText(/^No change in: System, BIOS/).textContent).not.toContain(
      'Installed software',
    );
  });

  it('names every changed fact in the analyst’s language, with sizes in its units', async () => {
    const after = structuredClone(before);
    after.memory = after.memory && { ...after.memory, totalBytes: 32 * 1024 ** 3 };
    after.network = after.network && {
      ...after.network,
      dnsServers: ['10.0.0.53'],
      defaultGateways: { ...after.network.defaultGateways, ip4: [] },
    };
    const disk = {
      device: '/dev/nvme0n1',
      name: 'Samsung SSD 980',
      type: 'SSD',
      vendor: 'Samsung',
      interfaceType: 'NVMe',
      sizeBytes: 512 * 1024 ** 3,
      serial: 'S64DNX0T123456',
      firmware: '3B4QFXO7',
      smartStatus: 'Ok',
    };
    after.disks = [{ ...disk, firmware: '4B4QFXO7' }];
    await applyLanguage('el');
    render(<InventoryDiffView comparison={comparisonOf(after, [disk])} />);
    const memory = screen.getByRole('region', { name: 'Μνήμη' });
    expect(memory.textContent).toContain('Εγκατεστημένη μνήμη:');
    expect(memory.textContent).toContain(`→ ${formatBytes(32 * 1024 ** 3, 'el')}`);
    expect(memory.textContent).not.toContain('totalBytes');
    const network = screen.getByRole('region', { name: 'Δίκτυο' });
    expect(network.textContent).toContain('Διακομιστές DNS: ');
    expect(network.textContent).toContain('Προεπιλεγμένες πύλες (IPv4): ');
    expect(network.textContent).not.toMatch(/dnsServers|defaultGateways/);
    const disks = screen.getByRole('region', { name: 'Δίσκοι' });
    expect(disks.textContent).toContain(
      'Σειριακός αριθμός S64DNX0T123456Υλικολογισμικό: 3B4QFXO7 → 4B4QFXO7',
    );
  });

  it.each(LANGUAGES)('has a label in %s for every fact a diff can name', async (language) => {
    await applyLanguage(language);
    const t = i18next.getFixedT(language);
    const unlabelled = INVENTORY_DIFF_FIELDS.filter((field) => {
      const label = fieldLabel(field, t);
      return label === field || label.startsWith('inventoryChanges.');
    });
    expect(unlabelled).toEqual([]);
  });
});
