import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InventoryComparisonResultSchema,
  InventoryV2Schema,
  diffInventories,
  type InventoryV2,
} from '@deskside/core';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { changedInventory, KNOWN_CHANGES } from '#test/helpers/changed-inventory';
import { setupI18n } from '../../i18n';
import { InventoryDiffView } from './InventoryDiffView';

beforeAll(async () => {
  await setupI18n('en');
});

const before = InventoryV2Schema.parse(recorded);
const programs = before.software?.programs ?? [];

/** Two kept inventories compared as the console answers (the wire schema parses it). */
function comparisonOf(after: InventoryV2) {
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
    diff: diffInventories(before, after),
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
      `dnsServers ${before.network?.dnsServers.join(', ')} → ${KNOWN_CHANGES.dnsServer}`,
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
});
