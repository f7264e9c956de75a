import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { InventorySchema } from '@deskside/core';
import recorded from '../../../../test/fixtures/inventory-linux.json';
import { setupI18n } from '../../i18n';
import { InventorySections } from './InventorySections';

// An inventory recorded from a real Linux machine by `deskside-agent inventory --json`.
const inventory = InventorySchema.parse(recorded);

beforeAll(() => {
  setupI18n('en');
});

describe('InventorySections', () => {
  it('shows each section with the machine’s own values', () => {
    render(<InventorySections inventory={inventory} />);
    for (const title of [
      'System',
      'Operating system',
      'Processor',
      'Memory',
      'Disks',
      'File systems',
      'Network interfaces',
    ]) {
      expect(screen.getByRole('region', { name: title })).toBeTruthy();
    }
    const os = screen.getByRole('region', { name: 'Operating system' });
    expect(within(os).getByText(inventory.os.hostname)).toBeTruthy();
    const fileSystems = screen.getByRole('region', { name: 'File systems' });
    for (const fs of inventory.fileSystems)
      expect(within(fileSystems).getAllByText(fs.mount).length).toBeGreaterThan(0);
    const network = screen.getByRole('region', { name: 'Network interfaces' });
    for (const n of inventory.network) expect(within(network).getByText(n.name)).toBeTruthy();
  });

  it('formats sizes for people, not bytes', () => {
    render(
      <InventorySections
        inventory={{ ...inventory, memory: { ...inventory.memory, totalBytes: 16 * 1024 ** 3 } }}
      />,
    );
    const memory = screen.getByRole('region', { name: 'Memory' });
    expect(within(memory).getByText('16 GB')).toBeTruthy();
  });

  it('says so when a section has nothing, instead of showing an empty table', () => {
    render(<InventorySections inventory={{ ...inventory, disks: [] }} />);
    expect(
      within(screen.getByRole('region', { name: 'Disks' })).getByText('None reported'),
    ).toBeTruthy();
  });
});
