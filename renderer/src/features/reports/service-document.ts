import type { ReportDocumentSection, ServiceReport } from '@deskside/core';
import {
  formatCount,
  formatHours,
  formatRate,
  formatWeek,
  type ReportLocale,
} from './report-format';

/** One figure of the service report: its name and its value, formatted. */
export interface ServiceFigure {
  id: string;
  label: string;
  value: string;
  detail?: string;
}

export function serviceFigures(
  report: ServiceReport,
  { t, locale }: ReportLocale,
): ServiceFigure[] {
  const count = (n: number) => formatCount(n, locale);
  return [
    { id: 'created', label: t('reports.figure.created'), value: count(report.created) },
    { id: 'resolved', label: t('reports.figure.resolved'), value: count(report.resolved) },
    {
      id: 'fcr',
      label: t('reports.figure.fcr'),
      value: formatRate(report.fcr.rate, locale),
      detail: t('reports.figure.ofResolved', {
        count: report.fcr.count,
        number: count(report.fcr.count),
      }),
    },
    {
      id: 'resolveMean',
      label: t('reports.figure.resolveMean'),
      value: formatHours(report.resolveHours.mean, locale),
      detail: t('reports.figure.p90', { value: formatHours(report.resolveHours.p90, locale) }),
    },
    {
      id: 'sla',
      label: t('reports.figure.sla'),
      value: formatRate(report.slaAttainment.rate, locale),
      detail: t('reports.figure.ofResolved', {
        count: report.slaAttainment.met,
        number: count(report.slaAttainment.met),
      }),
    },
    { id: 'backlog', label: t('reports.figure.backlog'), value: count(report.backlog.total) },
    {
      id: 'escalation',
      label: t('reports.figure.escalation'),
      value: formatRate(report.escalation.rate, locale),
    },
    {
      id: 'reopen',
      label: t('reports.figure.reopen'),
      value: formatRate(report.reopen.rate, locale),
    },
    {
      id: 'satisfaction',
      label: t('reports.figure.satisfaction'),
      value:
        report.satisfaction.mean === null
          ? '—'
          : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
              report.satisfaction.mean,
            ),
      detail: t('reports.figure.ratings', {
        count: report.satisfaction.count,
        number: count(report.satisfaction.count),
      }),
    },
  ];
}

/** A backlog bucket's name from its bounds: "under 1 day", "1–3 days", "over 30 days". */
function bucketLabel(
  bucket: { minDays: number; maxDays: number | null },
  at: ReportLocale,
): string {
  const { t, locale } = at;
  if (bucket.maxDays === null)
    return t('reports.age.over', {
      count: bucket.minDays,
      number: formatCount(bucket.minDays, locale),
    });
  if (bucket.minDays === 0)
    return t('reports.age.under', {
      count: bucket.maxDays,
      number: formatCount(bucket.maxDays, locale),
    });
  return t('reports.age.between', {
    count: bucket.maxDays,
    from: formatCount(bucket.minDays, locale),
    to: formatCount(bucket.maxDays, locale),
  });
}

/** The service report as document sections: what the page shows and exports. */
export function serviceSections(report: ServiceReport, at: ReportLocale): ReportDocumentSection[] {
  const { t, locale } = at;
  const weeks = report.weeks.map((week) => formatWeek(week, locale));
  const slaRates = report.weeks.map((week) =>
    week.resolved > 0 ? week.slaMet / week.resolved : null,
  );
  const ratings = [1, 2, 3, 4, 5].map((rating) => formatCount(rating, locale));
  const satisfied = report.satisfaction.count;
  return [
    {
      heading: t('reports.service.figures'),
      table: {
        columns: [
          { label: t('reports.col.figure'), align: 'start' },
          { label: t('reports.col.value'), align: 'end' },
        ],
        rows: serviceFigures(report, at).map((figure) => [
          figure.label,
          figure.detail ? `${figure.value} (${figure.detail})` : figure.value,
        ]),
      },
    },
    {
      heading: t('reports.service.weekly'),
      chart: weeks.length
        ? {
            kind: 'line',
            categories: weeks,
            series: [
              {
                name: t('reports.figure.created'),
                values: report.weeks.map((week) => week.created),
              },
              {
                name: t('reports.figure.resolved'),
                values: report.weeks.map((week) => week.resolved),
              },
            ],
          }
        : undefined,
      table: {
        columns: [
          { label: t('reports.col.week'), align: 'start' },
          { label: t('reports.figure.created'), align: 'end' },
          { label: t('reports.figure.resolved'), align: 'end' },
        ],
        rows: report.weeks.map((week, index) => [
          weeks[index] ?? week.week,
          formatCount(week.created, locale),
          formatCount(week.resolved, locale),
        ]),
      },
    },
    {
      heading: t('reports.service.sla'),
      chart: weeks.length
        ? {
            kind: 'bar',
            categories: weeks,
            series: [
              {
                name: t('reports.figure.sla'),
                values: slaRates.map((rate) => Math.round((rate ?? 0) * 1000) / 10),
              },
            ],
            valueLabel: '%',
          }
        : undefined,
      table: {
        columns: [
          { label: t('reports.col.week'), align: 'start' },
          { label: t('reports.figure.resolved'), align: 'end' },
          { label: t('reports.col.slaMet'), align: 'end' },
          { label: t('reports.figure.sla'), align: 'end' },
        ],
        rows: report.weeks.map((week, index) => [
          weeks[index] ?? week.week,
          formatCount(week.resolved, locale),
          formatCount(week.slaMet, locale),
          formatRate(slaRates[index] ?? null, locale),
        ]),
      },
    },
    {
      heading: t('reports.service.backlog'),
      chart: {
        kind: 'bar',
        categories: report.backlog.buckets.map((bucket) => bucketLabel(bucket, at)),
        series: [
          { name: t('reports.col.tickets'), values: report.backlog.buckets.map((b) => b.count) },
        ],
      },
      table: {
        columns: [
          { label: t('reports.col.age'), align: 'start' },
          { label: t('reports.col.tickets'), align: 'end' },
        ],
        rows: report.backlog.buckets.map((bucket) => [
          bucketLabel(bucket, at),
          formatCount(bucket.count, locale),
        ]),
      },
    },
    {
      heading: t('reports.service.satisfaction'),
      chart: {
        kind: 'bar',
        categories: ratings,
        series: [{ name: t('reports.col.ratings'), values: report.satisfaction.distribution }],
      },
      table: {
        columns: [
          { label: t('reports.col.rating'), align: 'start' },
          { label: t('reports.col.ratings'), align: 'end' },
          { label: t('reports.col.share'), align: 'end' },
        ],
        rows: report.satisfaction.distribution.map((n, index) => [
          ratings[index] ?? '',
          formatCount(n, locale),
          formatRate(satisfied > 0 ? n / satisfied : null, locale),
        ]),
      },
    },
  ];
}
