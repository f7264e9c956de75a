import { DateTime } from 'luxon';
import type { ReportPeriod, ReportSchedule, ReportWeek, SavedPeriod } from './reports';

/** A report period as instants: [start, end) in epoch ms, with its ISO weeks and the one before. */
export interface ResolvedPeriod {
  period: ReportPeriod;
  start: number;
  end: number;
  previous: ReportPeriod & { start: number; end: number };
  /** The ISO weeks of the period, clipped to it, with their instants. */
  weeks: (ReportWeek & { start: number; end: number })[];
}

const date = (day: DateTime) => day.toISODate() ?? '';
const localDate = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).startOf('day');

/**
 * The instants of a period of calendar dates in `zone`: from the local midnight starting
 * `from` to the one ending `to`; the previous period is as many days just before it.
 */
export function resolvePeriod(period: ReportPeriod, zone: string): ResolvedPeriod {
  const first = localDate(period.from, zone);
  const afterLast = localDate(period.to, zone).plus({ days: 1 });
  const days = Math.round(afterLast.diff(first, 'days').days);
  const previousFirst = first.minus({ days });
  const weeks: ResolvedPeriod['weeks'] = [];
  let weekStart = first;
  while (weekStart < afterLast) {
    const monday = weekStart.startOf('week');
    const next = DateTime.min(monday.plus({ weeks: 1 }), afterLast);
    weeks.push({
      week: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`,
      from: date(weekStart),
      to: date(next.minus({ days: 1 })),
      start: weekStart.toMillis(),
      end: next.toMillis(),
    });
    weekStart = next;
  }
  return {
    period,
    start: first.toMillis(),
    end: afterLast.toMillis(),
    previous: {
      from: date(previousFirst),
      to: date(first.minus({ days: 1 })),
      start: previousFirst.toMillis(),
      end: first.toMillis(),
    },
    weeks,
  };
}

/**
 * The dates a saved period stands for on `today` (a date): fixed dates as they are; a relative
 * one is the last `count` complete days, ISO weeks or calendar months before `today`.
 */
export function savedPeriodOn(period: SavedPeriod, today: string): ReportPeriod {
  if (period.type === 'fixed') return { from: period.from, to: period.to };
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  const end =
    period.unit === 'day'
      ? day
      : period.unit === 'week'
        ? day.startOf('week')
        : day.startOf('month');
  const start = end.minus({ [`${period.unit}s`]: period.count });
  return { from: date(start), to: date(end.minus({ days: 1 })) };
}

/**
 * The day a scheduled report's period is resolved on, for `today`: the Monday of this ISO
 * week (weekly), the first of this month (monthly), today itself when it is not scheduled.
 * A scheduled report is due when no run of `savedPeriodOn(period, scheduleDay(...))` exists.
 */
export function scheduleDay(schedule: ReportSchedule, today: string): string {
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  if (schedule === 'weekly') return date(day.startOf('week'));
  if (schedule === 'monthly') return date(day.startOf('month'));
  return today;
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now: Date): string {
  return date(DateTime.fromJSDate(now, { zone }));
}
