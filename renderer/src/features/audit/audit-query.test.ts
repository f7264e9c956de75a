import { describe, expect, it } from 'vitest';
import { auditQuery, filtersFromParams, NO_FILTERS, paramsOfFilters } from './audit-query';

describe('the audit log’s filters', () => {
  it('go to the address and back, only those that are set', () => {
    const filters = {
      analyst: 'ada',
      action: 'analyst.added',
      from: '2026-12-01',
      to: '',
    } as const;
    const params = new URLSearchParams(paramsOfFilters(filters));
    expect(params.toString()).toBe('analyst=ada&action=analyst.added&from=2026-12-01');
    expect(filtersFromParams(params)).toEqual(filters);
    expect(paramsOfFilters(NO_FILTERS)).toEqual([]);
  });

  it('leave out an action or a date from the address this console does not know', () => {
    const params = new URLSearchParams('action=drop.tables&from=yesterday&to=2026-12-31');
    expect(filtersFromParams(params)).toEqual({ ...NO_FILTERS, to: '2026-12-31' });
  });

  it('ask for the analyst’s exact name, the action, and whole days on this PC’s calendar', () => {
    expect(
      auditQuery({ analyst: ' ada ', action: 'checks.run', from: '2026-12-01', to: '2026-12-31' }),
    ).toEqual({
      analyst: 'ada',
      action: 'checks.run',
      from: new Date(2026, 11, 1).toISOString(),
      // "Until" includes its day: the log's "to" is the moment after it.
      to: new Date(2027, 0, 1).toISOString(),
    });
  });

  it('ask for everything when nothing is set', () => {
    expect(auditQuery(NO_FILTERS)).toEqual({});
    expect(auditQuery({ ...NO_FILTERS, analyst: '   ' })).toEqual({});
  });

  it('keep a year before 100 as it is', () => {
    expect(auditQuery({ ...NO_FILTERS, from: '0099-01-01' }).from).toMatch(/^0099-01-0/);
  });
});
