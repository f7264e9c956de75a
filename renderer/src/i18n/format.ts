/** Locale-aware formatting for the values pages show; the locale is the UI language. */
export { formatBytes } from '@deskside/core';

/**
 * Intl's formatters are costly to make (the first one of a kind loads its locale data) and
 * cheap to reuse: each locale-and-options pair is made once. A queue's rows share them.
 */
const formatters = new Map<string, unknown>();

function formatter<F>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key) as F | undefined;
  if (made === undefined) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  formatter('number', locale, options, () => new Intl.NumberFormat(locale, options));

export function formatDateTime(iso: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return formatter('date', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(
    new Date(iso),
  );
}

export function formatDuration(seconds: number, locale: string): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [days, 'day'],
    [hours, 'hour'],
    [minutes, 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) shown.push([0, 'minute']);
  return shown
    .map(([n, unit]) =>
      numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n),
    )
    .join(' ');
}

export function formatPercent(percent: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago", "now": the largest unit that fits, in the UI language. */
export function formatRelative(iso: string, now: Date, locale: string): string {
  const diff = Date.parse(iso) - now.getTime();
  const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
  const format = formatter(
    'relative',
    locale,
    options,
    () => new Intl.RelativeTimeFormat(locale, options),
  );
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, 'minute');
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A list of words joined as the language joins them ("a, b and c"). */
export function formatList(items: readonly string[], locale: string): string {
  const options: Intl.ListFormatOptions = { style: 'long', type: 'conjunction' };
  return formatter('list', locale, options, () => new Intl.ListFormat(locale, options)).format(
    items,
  );
}

/** A short span: milliseconds under a second, seconds (one decimal) from there. */
export function formatMilliseconds(ms: number, locale: string): string {
  const seconds = Math.abs(ms) >= 1000;
  return numberFormat(locale, {
    style: 'unit',
    unit: seconds ? 'second' : 'millisecond',
    unitDisplay: 'short',
    maximumFractionDigits: seconds ? 1 : 0,
  }).format(seconds ? ms / 1000 : ms);
}
