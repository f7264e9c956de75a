import type {
  RecurringGroup,
  RecurringReport,
  ReportDimension,
  ReportDocumentSection,
} from '@deskside/core';
import { checkName } from '../checks/result-text';
import { categoryLabel } from '../kb/labels';
import {
  formatChange,
  formatCount,
  formatDay,
  formatRate,
  formatWeek,
  type ReportLocale,
} from './report-format';

/** How many groups the groups chart and the weekly trend draw (the tables hold them all). */
export const CHART_GROUPS = 12;
export const TREND_GROUPS = 5;

/** A group's name: a category's translated path, the key as recorded, or "none". */
export function groupLabel(
  key: string | null,
  dimension: ReportDimension,
  { t }: ReportLocale,
): string {
  if (key === null) return t('reports.noKey');
  return dimension.by === 'category' ? categoryLabel(t, key) : key;
}

function groupRows(groups: readonly RecurringGroup[], report: RecurringReport, at: ReportLocale) {
  const { locale } = at;
  return groups.map((group) => [
    groupLabel(group.key, report.dimension, at),
    formatCount(group.count, locale),
    formatCount(group.previousCount, locale),
    formatChange(group.growth, locale),
    formatRate(group.growthRate, locale),
  ]);
}

/** The recurring-problems report as document sections: what the page shows and exports. */
export function recurringSections(
  report: RecurringReport,
  at: ReportLocale,
): ReportDocumentSection[] {
  const { t, locale } = at;
  const label = (group: RecurringGroup) => groupLabel(group.key, report.dimension, at);
  const dimensionName = t(`reports.dimension.${report.dimension.by}`);
  const groupColumns = [
    { label: t(`reports.dimensionTitle.${report.dimension.by}`), align: 'start' as const },
    { label: t('reports.col.tickets'), align: 'end' as const },
    { label: t('reports.col.previous'), align: 'end' as const },
    { label: t('reports.col.change'), align: 'end' as const },
    { label: t('reports.col.changeRate'), align: 'end' as const },
  ];
  const charted = report.groups.slice(0, CHART_GROUPS);
  const trend = report.groups.slice(0, TREND_GROUPS);
  const weeks = report.weeks.map((week) => formatWeek(week, locale));
  return [
    {
      heading: t('reports.recurring.groups', { dimension: dimensionName }),
      chart:
        charted.length > 0
          ? {
              kind: 'bar',
              categories: charted.map((group) => label(group).slice(0, 120)),
              series: [{ name: t('reports.col.tickets'), values: charted.map((g) => g.count) }],
            }
          : undefined,
      table: { columns: groupColumns, rows: groupRows(report.groups, report, at) },
    },
    {
      heading: t('reports.recurring.trend'),
      chart:
        trend.length > 0 && weeks.length > 0
          ? {
              kind: 'line',
              categories: weeks,
              series: trend.map((group) => ({ name: label(group), values: group.weekly })),
            }
          : undefined,
      table: {
        columns: [
          { label: t('reports.col.week'), align: 'start' },
          ...trend.map((group) => ({ label: label(group).slice(0, 120), align: 'end' as const })),
        ],
        rows:
          trend.length > 0
            ? weeks.map((week, index) => [
                week,
                ...trend.map((group) => formatCount(group.weekly[index] ?? 0, locale)),
              ])
            : [],
      },
    },
    {
      heading: t('reports.recurring.grewMost'),
      table: { columns: groupColumns, rows: groupRows(report.grewMost, report, at) },
    },
    {
      heading: t('reports.recurring.machines'),
      table: {
        columns: [
          { label: t('reports.col.machine'), align: 'start' },
          { label: t('reports.col.model'), align: 'start' },
          { label: t('reports.col.tickets'), align: 'end' },
        ],
        rows: report.topMachines.map((machine) => [
          machine.name ?? t('reports.removedMachine'),
          [machine.manufacturer, machine.model].filter(Boolean).join(' ') || '—',
          formatCount(machine.tickets, locale),
        ]),
      },
    },
    {
      heading: t('reports.recurring.failingChecks'),
      table: {
        columns: [
          { label: t('reports.col.check'), align: 'start' },
          { label: t('reports.col.code'), align: 'start' },
          { label: t('reports.col.location'), align: 'start' },
          { label: t('reports.col.machines'), align: 'end' },
          { label: t('reports.col.tickets'), align: 'end' },
          { label: t('reports.col.lastSeen'), align: 'end' },
        ],
        rows: report.failingChecks.map((check) => [
          checkName(t, check.checkId),
          check.code,
          check.location ?? t('reports.noKey'),
          formatCount(check.machines, locale),
          formatCount(check.tickets, locale),
          formatDay(check.lastSeen.slice(0, 10), locale),
        ]),
      },
    },
  ];
}
