import type { TFunction } from 'i18next';
import type { ReportFilters, ReportWeek, WorkflowConfig } from '@deskside/core';
import { categoryLabel } from '../kb/labels';
import { formatNumber } from '../../i18n/format';

/** Formatting of report figures in the analyst's language (Intl, through the locale). */
export interface ReportLocale {
  t: TFunction;
  locale: string;
  /** The desk's groups, for their names. */
  groups: WorkflowConfig['groups'];
}

const dates = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dates.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) as the language writes it: "2 Nov 2026". */
export function formatDay(date: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));
}

/** A period of calendar dates: "2–29 Nov 2026". */
export function formatPeriod(period: { from: string; to: string }, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium' }).formatRange(
    new Date(`${period.from}T00:00:00Z`),
    new Date(`${period.to}T00:00:00Z`),
  );
}

/** A week on a chart's axis, by the day it starts: "2 Nov". */
export function formatWeek(week: ReportWeek, locale: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'short' }).format(
    new Date(`${week.from}T00:00:00Z`),
  );
}

/** A share (0 to 1) as a percentage, "—" when there was nothing to count. */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A change in count with its sign: "+3", "−2", "0". */
export function formatChange(change: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(change);
}

/** Business hours as the language says them: "12.5 hours". */
export function formatHours(hours: number | null, locale: string): string {
  if (hours === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(hours);
}

export const formatCount = (value: number, locale: string) => formatNumber(value, locale);

/** One line saying what a report covers: the period, then each filter set. */
export function filtersLine(filters: ReportFilters, { t, locale, groups }: ReportLocale): string {
  const group = groups.find((candidate) => candidate.id === filters.groupId);
  return [
    formatPeriod(filters.period, locale),
    filters.groupId && t('reports.filter.groupIs', { name: group?.name ?? filters.groupId }),
    filters.category &&
      t('reports.filter.categoryIs', { name: categoryLabel(t, filters.category) }),
    filters.location && t('reports.filter.locationIs', { name: filters.location }),
    filters.department && t('reports.filter.departmentIs', { name: filters.department }),
  ]
    .filter(Boolean)
    .join(' · ');
}
