import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time of day is HH:mm (24:00 for midnight)');

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

export const WorkingPeriodSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((p) => toMinutes(p.end) > toMinutes(p.start), 'A working period ends after it starts');

const DaySchema = z.array(WorkingPeriodSchema);
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const BusinessCalendarSchema = z
  .object({
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'Unknown time zone'),
    workingHours: z.object({
      mon: DaySchema,
      tue: DaySchema,
      wed: DaySchema,
      thu: DaySchema,
      fri: DaySchema,
      sat: DaySchema,
      sun: DaySchema,
    }),
    /** Dates (in the calendar's time zone) on which nobody works. */
    holidays: z.array(z.iso.date()),
  })
  .refine(
    (calendar) => WEEKDAYS.some((day) => calendar.workingHours[day].length > 0),
    'The calendar needs at least one working period in the week',
  );
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

const officeDay = [
  { start: '08:30', end: '12:30' },
  { start: '13:00', end: '17:30' },
];
export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'Europe/Brussels',
  workingHours: {
    mon: officeDay,
    tue: officeDay,
    wed: officeDay,
    thu: officeDay,
    fri: officeDay,
    sat: [],
    sun: [],
  },
  holidays: [],
};

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/** Working spans of one local day, as instants (so daylight-saving changes are honoured). */
function workingSpansOfDay(calendar: BusinessCalendar, day: DateTime): Span[] {
  if (calendar.holidays.includes(day.toISODate() ?? '')) return [];
  const weekday = WEEKDAYS[day.weekday - 1]!;
  // Each bound is built from its wall-clock time in the zone, so 17:00 is 17:00 on the
  // days a daylight-saving change makes 23 or 25 hours long.
  const instant = (time: string) => {
    const minutes = toMinutes(time);
    if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf('day').toMillis();
    return DateTime.fromObject(
      {
        year: day.year,
        month: day.month,
        day: day.day,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
      },
      { zone: calendar.timeZone },
    ).toMillis();
  };
  return calendar.workingHours[weekday].map((period) => {
    return { start: instant(period.start), end: instant(period.end) };
  });
}

interface LocalDay {
  spans: Span[];
  /** When the next local day starts. */
  next: number;
}

/**
 * Each local day a calendar has been asked about, by the instant it starts. Clocks of many
 * tickets (a queue, a bulk load) walk the same days again and again, and building instants
 * in a time zone is slow; a day's working spans never change for a given calendar.
 */
const daysByCalendar = new WeakMap<BusinessCalendar, Map<number, LocalDay>>();

function localDay(calendar: BusinessCalendar, start: number): LocalDay {
  let days = daysByCalendar.get(calendar);
  if (!days) daysByCalendar.set(calendar, (days = new Map<number, LocalDay>()));
  let day = days.get(start);
  if (!day) {
    const local = DateTime.fromMillis(start, { zone: calendar.timeZone });
    day = {
      spans: workingSpansOfDay(calendar, local),
      next: local.plus({ days: 1 }).startOf('day').toMillis(),
    };
    days.set(start, day);
  }
  return day;
}

/** The calendar's working spans from `from` on, day after day, clipped to [from, until). */
export function* workingSpans(
  calendar: BusinessCalendar,
  from: number,
  until: number = Number.POSITIVE_INFINITY,
): Generator<Span> {
  // A calendar with one working period a week still yields within 8 days; stop after two
  // years so a future-walk cannot run forever.
  const lastDay = Math.min(until, from + 2 * 366 * 86_400_000);
  let start = DateTime.fromMillis(from, { zone: calendar.timeZone }).startOf('day').toMillis();
  while (start < lastDay) {
    const day = localDay(calendar, start);
    for (const span of day.spans) {
      const clippedStart = Math.max(span.start, from);
      const end = Math.min(span.end, until);
      if (end > clippedStart) yield { start: clippedStart, end };
    }
    start = day.next;
  }
}
