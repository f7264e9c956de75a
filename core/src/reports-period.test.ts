import { describe, expect, it } from 'vitest';
import { resolvePeriod, savedPeriodOn, scheduleDay, todayIn } from './reports-period';
import { ReportPeriodSchema, SaveReportInputSchema } from './reports';

describe('report periods', () => {
  it('start and end at local midnight and split into ISO weeks clipped to the period', () => {
    // Thursday 2026-03-26 to Wednesday 2026-04-08 in Brussels: summer time from 29 March.
    const period = resolvePeriod({ from: '2026-03-26', to: '2026-04-08' }, 'Europe/Brussels');
    expect(new Date(period.start).toISOString()).toBe('2026-03-25T23:00:00.000Z');
    expect(new Date(period.end).toISOString()).toBe('2026-04-08T22:00:00.000Z');
    expect(period.weeks.map(({ week, from, to }) => [week, from, to])).toEqual([
      ['2026-W13', '2026-03-26', '2026-03-29'],
      ['2026-W14', '2026-03-30', '2026-04-05'],
      ['2026-W15', '2026-04-06', '2026-04-08'],
    ]);
    // 14 days, so the previous period is the 14 days before.
    expect([period.previous.from, period.previous.to]).toEqual(['2026-03-12', '2026-03-25']);
    expect(period.previous.end).toBe(period.start);
  });

  it('names the ISO week of the year it belongs to at a year end', () => {
    const period = resolvePeriod({ from: '2026-12-28', to: '2027-01-10' }, 'UTC');
    expect(period.weeks.map((w) => w.week)).toEqual(['2026-W53', '2027-W01']);
  });

  it('refuse periods ending before they start or longer than two years', () => {
    expect(ReportPeriodSchema.safeParse({ from: '2026-02-01', to: '2026-01-31' }).success).toBe(
      false,
    );
    expect(ReportPeriodSchema.safeParse({ from: '2024-01-01', to: '2025-12-31' }).success).toBe(
      true,
    );
    expect(ReportPeriodSchema.safeParse({ from: '2024-01-01', to: '2026-01-01' }).success).toBe(
      false,
    );
  });

  it('resolve a relative saved period to the complete days, weeks or months before today', () => {
    const weeks = { type: 'relative', unit: 'week', count: 4 } as const;
    // Wednesday 2026-12-02: the four ISO weeks ending Sunday 2026-11-29.
    expect(savedPeriodOn(weeks, '2026-12-02')).toEqual({ from: '2026-11-02', to: '2026-11-29' });
    expect(savedPeriodOn({ type: 'relative', unit: 'month', count: 3 }, '2026-12-02')).toEqual({
      from: '2026-09-01',
      to: '2026-11-30',
    });
    expect(savedPeriodOn({ type: 'relative', unit: 'day', count: 7 }, '2026-03-01')).toEqual({
      from: '2026-02-22',
      to: '2026-02-28',
    });
    expect(
      savedPeriodOn({ type: 'fixed', from: '2026-01-01', to: '2026-01-31' }, '2026-12-02'),
    ).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });

  it('resolve a schedule to the same day all week (weekly) or all month (monthly)', () => {
    expect(scheduleDay('weekly', '2026-12-06')).toBe('2026-11-30');
    expect(scheduleDay('monthly', '2026-12-06')).toBe('2026-12-01');
    expect(scheduleDay('none', '2026-12-06')).toBe('2026-12-06');
    // 23:30 UTC on 1 December is already 2 December in Brussels.
    expect(todayIn('Europe/Brussels', new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
  });

  it('refuse a scheduled report with fixed dates and a recurring one without a dimension', () => {
    const base = {
      name: 'Printers',
      kind: 'recurring',
      dimension: { by: 'model' },
      schedule: 'weekly',
      filters: { period: { type: 'relative', unit: 'week', count: 4 } },
    } as const;
    expect(SaveReportInputSchema.safeParse(base).success).toBe(true);
    const fixed = {
      ...base,
      filters: { period: { type: 'fixed', from: '2026-01-01', to: '2026-02-01' } },
    };
    expect(SaveReportInputSchema.safeParse(fixed).error?.issues[0]?.path).toEqual(['schedule']);
    expect(
      SaveReportInputSchema.safeParse({ ...base, dimension: null }).error?.issues[0]?.path,
    ).toEqual(['dimension']);
  });
});
