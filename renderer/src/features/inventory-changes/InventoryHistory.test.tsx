import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InventoryV2Schema,
  diffInventories,
  type DeskSession,
  type InventoryComparisonResult,
  type InventoryTimeline,
  type MachineBaselines,
  type SnapshotSummary,
} from '@deskside/core';
import recorded from '#test/fixtures/inventory-linux-v2.json';
import { changedInventory } from '#test/helpers/changed-inventory';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import { InventoryHistory } from './InventoryHistory';

beforeAll(async () => {
  await setupI18n('en');
});

const ID = '0b6c5d8e-9f1a-4b2c-8d3e-4f5a6b7c8d9e';
const before = InventoryV2Schema.parse(recorded);
const diff = diffInventories(before, changedInventory(before));
const summary = (id: number, takenAt: string): SnapshotSummary => ({
  id,
  machineId: ID,
  takenAt,
  source: 'agent',
  takenBy: 'bram',
  hostname: 'vm',
});
const OLD = summary(1, '2026-11-20T09:00:00.000Z');
const NEW = summary(2, '2026-11-25T09:00:00.000Z');
const TIMELINE: InventoryTimeline = {
  entries: [
    { snapshot: NEW, changes: diff.summary },
    { snapshot: OLD, changes: null },
  ],
  hasMore: false,
};
const BASELINES: MachineBaselines = {
  machine: { scope: 'machine', machineId: ID, snapshot: OLD, setBy: 'bram', setAt: NEW.takenAt },
  model: { manufacturer: 'Dell', model: 'Latitude 5440' },
  modelBaseline: null,
};
const COMPARISON: InventoryComparisonResult = { from: OLD, to: NEW, diff };

function show(session: DeskSession, baselines: MachineBaselines = BASELINES) {
  return renderWithApi(
    <MemoryRouter>
      <InventoryHistory machineId={ID} />
    </MemoryRouter>,
    {
      'desk.session': () => session,
      'machines.inventoryTimeline': () => TIMELINE,
      'machines.baselines': () => baselines,
      'machines.inventoryDiff': () => COMPARISON,
      'machines.setBaseline': () => ({ ...BASELINES.machine, snapshot: NEW }),
      'tickets.list': () => [],
    },
  );
}

const timeline = () => screen.findByRole('list', { name: 'Kept inventories' });

describe('a machine’s history', () => {
  it('shows an analyst each kept inventory with what changed, and compares with the last known good in one click', async () => {
    const calls = show({ analyst: 'bram', role: 'analyst', roles: true });
    const items = within(await timeline()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toMatch(/Changed: Network \(1\), Installed software \(3\)/);
    expect(items[1]?.textContent).toContain('First inventory kept');
    // Marking is every analyst's; a model's baseline is a lead's, so its button is not shown.
    expect(screen.getAllByRole('button', { name: /as last known good/ })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /as baseline for this model/ })).toBeNull();
    expect(screen.getByText('No baseline set for Dell Latitude 5440.')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Compare with last known good' }));
    const changes = await screen.findByRole('region', { name: 'What changed' });
    await within(changes).findByRole('region', { name: 'Installed software' });
    expect(calls).toHaveBeenCalledWith('machines.inventoryDiff', {
      id: ID,
      compare: { kind: 'baseline', scope: 'machine' },
    });
  });

  it('shows what changed since the start of the chosen day, in the analyst’s time zone', async () => {
    const calls = show({ analyst: 'bram', role: 'analyst', roles: true });
    await timeline();
    fireEvent.change(screen.getByLabelText('Since'), { target: { value: '2026-11-22' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show changes' }));
    await screen.findByRole('region', { name: 'What changed' });
    expect(calls).toHaveBeenCalledWith('machines.inventoryDiff', {
      id: ID,
      compare: { kind: 'since', since: new Date(2026, 10, 22).toISOString() },
    });
  });

  it('lets a lead set an inventory as the model’s baseline', async () => {
    const calls = show({ analyst: 'lena', role: 'lead', roles: true });
    await timeline();
    // One per kept inventory, the newest first.
    const [newest] = await screen.findAllByRole('button', {
      name: /Set the inventory of .* as baseline for this model/,
    });
    fireEvent.click(newest!);
    await waitFor(() => {
      expect(calls).toHaveBeenCalledWith('machines.setBaseline', { scope: 'model', snapshotId: 2 });
    });
  });

  it('compares with the baseline of the machine’s model in one click', async () => {
    const calls = show(
      { analyst: 'bram', role: 'analyst', roles: true },
      {
        ...BASELINES,
        modelBaseline: {
          scope: 'model',
          manufacturer: 'Dell',
          model: 'Latitude 5440',
          snapshot: OLD,
          setBy: 'lena',
          setAt: NEW.takenAt,
        },
      },
    );
    await timeline();
    expect(
      screen.getByText(/^Baseline of Dell Latitude 5440: the inventory of .*, set by lena\.$/),
    ).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Compare with model baseline' }));
    await screen.findByRole('region', { name: 'What changed' });
    expect(calls).toHaveBeenCalledWith('machines.inventoryDiff', {
      id: ID,
      compare: { kind: 'baseline', scope: 'model' },
    });
  });
});
