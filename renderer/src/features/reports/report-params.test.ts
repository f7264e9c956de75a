import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  dimensionOf,
  filtersOf,
  paramsOfView,
  viewFromParams,
  viewOfSaved,
} from './report-params';

describe('the reports page address', () => {
  it('keeps only what differs from the defaults, and reads the same view back', () => {
    const view = {
      ...DEFAULT_VIEW,
      tab: 'service' as const,
      period: 'custom' as const,
      from: '2026-10-01',
      to: '2026-11-30',
      group: 'service-desk',
      location: 'Gent',
    };
    const params = paramsOfView(view);
    expect(params.toString()).toBe(
      'tab=service&period=custom&from=2026-10-01&to=2026-11-30&group=service-desk&location=Gent',
    );
    expect(viewFromParams(params)).toEqual(view);
    expect(paramsOfView(DEFAULT_VIEW).toString()).toBe('');
  });

  it('falls back to the defaults for values it does not know, and drops malformed dates', () => {
    const view = viewFromParams(
      new URLSearchParams('tab=admin&period=3w&by=colour&from=2026-1-1&to=x'),
    );
    expect(view).toEqual(DEFAULT_VIEW);
    const custom = viewFromParams(new URLSearchParams('period=custom&from=2026-1-1&to=2026-02-01'));
    expect([custom.from, custom.to]).toEqual(['', '2026-02-01']);
  });

  it('asks for the last complete weeks before today, or the custom dates once both are set', () => {
    // Wednesday 2 December 2026: the last 4 weeks are Monday 2 to Sunday 29 November.
    expect(filtersOf({ ...DEFAULT_VIEW, category: 'printer' }, '2026-12-02')).toEqual({
      period: { from: '2026-11-02', to: '2026-11-29' },
      category: 'printer',
    });
    const custom = { ...DEFAULT_VIEW, period: 'custom' as const, from: '2026-11-01' };
    expect(filtersOf(custom, '2026-12-02')).toBeNull();
    expect(filtersOf({ ...custom, to: '2026-11-15' }, '2026-12-02')?.period).toEqual({
      from: '2026-11-01',
      to: '2026-11-15',
    });
  });

  it('groups by software only once a program is named', () => {
    expect(dimensionOf({ ...DEFAULT_VIEW, by: 'software' })).toBeNull();
    expect(dimensionOf({ ...DEFAULT_VIEW, by: 'software', program: ' Firefox ' })).toEqual({
      by: 'software',
      program: 'Firefox',
    });
  });

  it('re-opens a saved report with its filters: a week preset as itself, months as dates', () => {
    const weekly = viewOfSaved(
      'recurring',
      { period: { type: 'relative', unit: 'week', count: 12 }, groupId: 'service-desk' },
      { by: 'os' },
      '2026-12-02',
    );
    expect(weekly).toMatchObject({
      tab: 'recurring',
      period: '12w',
      group: 'service-desk',
      by: 'os',
    });
    const monthly = viewOfSaved(
      'service',
      { period: { type: 'relative', unit: 'month', count: 1 } },
      null,
      '2026-12-02',
    );
    expect(monthly).toMatchObject({ period: 'custom', from: '2026-11-01', to: '2026-11-30' });
  });
});
