import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { RecurringReport, ServiceReport, Ticket } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import el from '../../i18n/el.json';
import fr from '../../i18n/fr.json';
import { ReportResultView } from './ReportResultView';

const filters = { period: { from: '2026-11-02', to: '2026-11-29' } };
const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((from, at) => ({
  week: `2026-W${45 + at}`,
  from,
  to: from.replace(/\d\d$/, (day) => String(Number(day) + 6).padStart(2, '0')),
}));

const RECURRING: RecurringReport = {
  kind: 'recurring',
  filters,
  dimension: { by: 'category' },
  previousPeriod: { from: '2026-10-05', to: '2026-11-01' },
  weeks,
  totalTickets: 1504,
  groups: [
    {
      key: 'printer/paper-jam',
      count: 1234,
      previousCount: 1000,
      growth: 234,
      growthRate: 0.234,
      weekly: [300, 310, 320, 304],
    },
    {
      key: null,
      count: 270,
      previousCount: 300,
      growth: -30,
      growthRate: -0.1,
      weekly: [70, 60, 70, 70],
    },
  ],
  grewMost: [],
  topMachines: [],
  failingChecks: [],
};

const SERVICE: ServiceReport = {
  kind: 'service',
  filters,
  created: 2000,
  resolved: 1500,
  fcr: { rate: 0.5, count: 750 },
  resolveHours: { mean: 12.25, p90: 30 },
  slaAttainment: { rate: 0.875, met: 1312 },
  backlog: {
    total: 12,
    buckets: [
      { label: '<1d', minDays: 0, maxDays: 1, count: 5 },
      { label: '1-3d', minDays: 1, maxDays: 3, count: 4 },
      { label: '>30d', minDays: 30, maxDays: null, count: 3 },
    ],
  },
  escalation: { rate: 0.1, count: 200 },
  reopen: { rate: null, count: 0 },
  satisfaction: { mean: 4.25, count: 4, distribution: [0, 0, 1, 1, 2] },
  weeks: weeks.map((week) => ({ ...week, created: 500, resolved: 400, slaMet: 350 })),
};

const CONFIG = { groups: [{ id: 'service-desk', name: 'Service desk', tier: 1 }], categories: [] };

const ticket = (id: number, summary: string) =>
  ({
    id,
    summary,
    requester: 'Sam',
    createdAt: '2026-11-03T09:00:00.000Z',
    status: 'new',
  }) as Ticket;

function show(result: RecurringReport | ServiceReport) {
  return renderWithApi(
    <MemoryRouter>
      <ReportResultView result={result} generatedAt="2026-12-02T17:05:00.000Z" />
    </MemoryRouter>,
    {
      'workflow.config': () => CONFIG,
      'reports.groupTickets': () => ({
        tickets: [ticket(7, 'Paper jam on floor 2')],
        total: 1,
        hasMore: false,
      }),
      'reports.checkTickets': () => ({
        tickets: [ticket(9, 'Name lookups time out')],
        total: 1,
        hasMore: false,
      }),
    },
  );
}

beforeAll(async () => {
  await setupI18n('el');
});
afterAll(async () => {
  await i18next.changeLanguage('en');
});

describe('a report on screen', () => {
  it('draws each chart beside a captioned table of the same figures, in the language’s number format', async () => {
    await setupI18n('el');
    show(RECURRING);
    const container = document.body;
    const groups = await screen.findByRole('table', {
      name: el.reports.recurring.groups.replace('{{dimension}}', el.reports.dimension.category),
    });
    const rows = within(groups).getAllByRole('row');
    // Greek groups thousands with a dot and writes a decimal comma.
    expect(rows[1]?.textContent).toMatch(/1\.234/);
    expect(rows[1]?.textContent).toMatch(/\+234/);
    expect(rows[1]?.textContent).toMatch(/23,4\s?%/);
    expect(rows[2]?.textContent).toContain(el.reports.noKey);
    expect(rows[2]?.textContent).toMatch(/-30|−30/);

    // The chart is drawn (recharts' SVG), hidden from screen readers, with a bar per group.
    const chart = container.querySelector('.report-chart[data-chart-kind="bar"]');
    expect(chart).not.toBeNull();
    expect(chart?.getAttribute('aria-hidden')).toBe('true');
    await waitFor(() => {
      expect(
        chart?.querySelectorAll('.recharts-bar-rectangle path, .recharts-rectangle').length,
      ).toBe(2);
    });
    expect(chart?.querySelector('.recharts-rectangle')?.getAttribute('fill')).toBe('#2563eb');

    const trend = screen.getByRole('table', { name: el.reports.recurring.trend });
    expect(within(trend).getAllByRole('row')).toHaveLength(1 + weeks.length);
    expect(container.querySelector('.report-chart[data-chart-kind="line"]')).not.toBeNull();
  });

  it('opens the tickets behind a group, each a link to its page', async () => {
    await setupI18n('el');
    const call = show(RECURRING);
    const open = await screen.findByRole('button', {
      name: el.reports.groupTickets.openNamed.replace('{{group}}', 'Εκτυπωτής › Εμπλοκή χαρτιού'),
    });
    fireEvent.click(open);
    const link = await screen.findByRole('link', { name: 'Paper jam on floor 2' });
    expect(link.getAttribute('href')).toBe('/tickets/7');
    expect(call).toHaveBeenCalledWith(
      'reports.groupTickets',
      expect.objectContaining({ key: 'printer/paper-jam', dimension: { by: 'category' }, filters }),
    );
  });

  it('opens the tickets behind a group that grew most and a failing check, and a busiest machine’s page', async () => {
    await setupI18n('el');
    const [grew] = RECURRING.groups;
    const call = show({
      ...RECURRING,
      grewMost: grew ? [grew] : [],
      topMachines: [
        { machineId: 'pc-7', name: 'PC-7', manufacturer: 'Lenovo', model: 'T14', tickets: 9 },
        { machineId: 'gone', name: null, manufacturer: null, model: null, tickets: 4 },
      ],
      failingChecks: [
        {
          checkId: 'dns.resolve',
          code: 'dns.resolve.timeout',
          location: 'Floor 2',
          machines: 3,
          tickets: 4,
          lastSeen: '2026-11-27T10:00:00.000Z',
        },
      ],
    });
    const grewMost = await screen.findByRole('table', { name: el.reports.recurring.grewMost });
    fireEvent.click(within(grewMost).getByRole('button'));
    await screen.findByRole('link', { name: 'Paper jam on floor 2' });
    expect(call).toHaveBeenCalledWith(
      'reports.groupTickets',
      expect.objectContaining({ key: 'printer/paper-jam', dimension: { by: 'category' } }),
    );

    const machines = screen.getByRole('table', { name: el.reports.recurring.machines });
    const links = within(machines).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/machines/pc-7']);
    expect(links[0]?.getAttribute('aria-label')).toBe(
      el.reports.openMachineNamed.replace('{{name}}', 'PC-7'),
    );
    // The same check failing on several machines, its last time as Greek writes a date, opens
    // the tickets behind it.
    const failing = screen.getByRole('table', { name: el.reports.recurring.failingChecks });
    expect(within(failing).getAllByRole('row')[1]?.textContent).toContain('27 Νοε 2026');
    fireEvent.click(within(failing).getByRole('button'));
    const lookups = await screen.findByRole('link', { name: 'Name lookups time out' });
    expect(lookups.getAttribute('href')).toBe('/tickets/9');
    expect(call).toHaveBeenCalledWith('reports.checkTickets', {
      filters,
      checkId: 'dns.resolve',
      code: 'dns.resolve.timeout',
      location: 'Floor 2',
      limit: 50,
      offset: 0,
    });
  });

  it('shows the service figures as cards and charts, with percentages and hours in French', async () => {
    await setupI18n('fr');
    show(SERVICE);
    const cards = await screen.findByRole('list', { name: fr.reports.service.figures });
    const card = (label: string) =>
      within(cards).getByText(label).closest('li')?.textContent.replace(/\s/g, ' ') ?? '';
    // French: a narrow no-break space before %, a decimal comma, "heures".
    expect(card(fr.reports.figure.fcr)).toMatch(/50 %/);
    expect(card(fr.reports.figure.sla)).toMatch(/87,5 %/);
    expect(card(fr.reports.figure.resolveMean)).toMatch(/12,3 heures/);
    expect(card(fr.reports.figure.created)).toMatch(/2 000/);
    expect(card(fr.reports.figure.reopen)).toMatch(/—/);

    const backlog = screen.getByRole('table', { name: fr.reports.service.backlog });
    expect(within(backlog).getByText('moins de 1 jour')).toBeTruthy();
    expect(within(backlog).getByText('1–3 jours')).toBeTruthy();
    expect(within(backlog).getByText('plus de 30 jours')).toBeTruthy();
    const satisfaction = screen.getByRole('table', { name: fr.reports.service.satisfaction });
    expect(within(satisfaction).getAllByRole('row')[5]?.textContent).toMatch(/^5250\s%$/);
  });
});
