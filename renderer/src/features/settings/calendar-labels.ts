import { WEEKDAYS } from '@deskside/core';

/** A Monday in UTC (2024-01-01), from which each weekday's name is taken in the locale. */
const MONDAY = Date.UTC(2024, 0, 1, 12);
const DAY_MS = 86_400_000;

export function weekdayName(day: (typeof WEEKDAYS)[number], locale: string): string {
  const index = WEEKDAYS.indexOf(day);
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    MONDAY + index * DAY_MS,
  );
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The time zones the browser knows (IANA names), with the current one always among them. */
export function timeZones(current: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}
