import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskSession, SavedReport } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import en from '../../i18n/en.json';
import { SavedReports } from './SavedReports';

beforeAll(async () => {
  await setupI18n('en');
});

const SAVED: SavedReport = {
  id: 4,
  version: 1,
  name: 'Printers each week',
  kind: 'recurring',
  filters: { period: { type: 'relative', unit: 'week', count: 4 }, category: 'printer' },
  dimension: { by: 'model' },
  schedule: 'weekly',
  owner: 'lea',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

function show(session: DeskSession) {
  const onOpen = vi.fn();
  const call = renderWithApi(
    <MemoryRouter>
      <SavedReports
        kind="recurring"
        filters={{ period: { type: 'relative', unit: 'week', count: 12 } }}
        dimension={{ by: 'os' }}
        onOpen={onOpen}
      />
    </MemoryRouter>,
    {
      'desk.session': () => session,
      'reports.saved': () => [SAVED],
      'reports.save': (input) => ({ ...SAVED, ...(input as object), id: 5 }),
      'reports.runs': () => [],
      'workflow.config': () => ({ groups: [], categories: [] }),
    },
  );
  return { call, onOpen };
}

describe('saved reports', () => {
  it('lets a lead save the filters shown under a name and a schedule', async () => {
    const { call, onOpen } = show({ analyst: 'lea', role: 'lead', roles: true });
    const item = await screen.findByRole('listitem');
    expect(within(item).getByText('Printers each week')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: en.reports.saved.open }));
    expect(onOpen).toHaveBeenCalledWith(SAVED);

    fireEvent.change(screen.getByLabelText(en.reports.saved.name), {
      target: { value: 'OS trend' },
    });
    fireEvent.change(screen.getByLabelText(en.reports.saved.schedule), {
      target: { value: 'monthly' },
    });
    fireEvent.click(screen.getByRole('button', { name: en.reports.saved.save }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('reports.save', {
        name: 'OS trend',
        kind: 'recurring',
        filters: { period: { type: 'relative', unit: 'week', count: 12 } },
        dimension: { by: 'os' },
        schedule: 'monthly',
      });
    });
    expect(within(item).getByRole('button', { name: en.reports.saved.delete })).toBeTruthy();
  });

  it('shows an analyst on a desk with roles the saved reports to open and run, but not saving or deleting', async () => {
    show({ analyst: 'bram', role: 'analyst', roles: true });
    const item = await screen.findByRole('listitem');
    expect(await screen.findByText(en.reports.saved.leadsOnly)).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.reports.saved.save })).toBeNull();
    expect(within(item).queryByRole('button', { name: en.reports.saved.delete })).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: en.reports.saved.runs }));
    expect(await screen.findByText(en.reports.saved.noRuns)).toBeTruthy();
    expect(screen.getByRole('button', { name: en.reports.saved.runNow })).toBeTruthy();
  });
});
