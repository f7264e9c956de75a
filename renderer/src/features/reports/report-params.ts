import {
  REPORT_DIMENSIONS,
  savedPeriodOn,
  type ReportDimension,
  type ReportFilters,
  type SavedFilters,
  type SavedPeriod,
} from '@deskside/core';

/** The period choices: the last 4, 12, 26 or 52 complete weeks, or dates of one's own. */
export const PERIOD_PRESETS = ['4w', '12w', '26w', '52w'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type PeriodChoice = PeriodPreset | 'custom';

export const REPORT_TABS = ['recurring', 'service'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];
export type DimensionKind = (typeof REPORT_DIMENSIONS)[number];
export const REPORT_DIMENSIONS_SHOWN: readonly DimensionKind[] = REPORT_DIMENSIONS;

/** What the reports page shows, as its address holds it: a link re-opens the same view. */
export interface ReportView {
  tab: ReportTab;
  period: PeriodChoice;
  /** Custom dates (YYYY-MM-DD); empty unless `period` is custom. */
  from: string;
  to: string;
  group: string;
  category: string;
  location: string;
  department: string;
  by: DimensionKind;
  /** The program the software dimension groups by (its versions). */
  program: string;
}

export const DEFAULT_VIEW: ReportView = {
  tab: 'recurring',
  period: '4w',
  from: '',
  to: '',
  group: '',
  category: '',
  location: '',
  department: '',
  by: 'category',
  program: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((candidate) => candidate === value) ?? fallback;

export function viewFromParams(params: URLSearchParams): ReportView {
  const text = (key: string) => (params.get(key) ?? '').slice(0, 300);
  const date = (key: string) => (DATE.test(text(key)) ? text(key) : '');
  const period = oneOf<PeriodChoice>([...PERIOD_PRESETS, 'custom'], params.get('period'), '4w');
  return {
    tab: oneOf(REPORT_TABS, params.get('tab'), 'recurring'),
    period,
    from: period === 'custom' ? date('from') : '',
    to: period === 'custom' ? date('to') : '',
    group: text('group'),
    category: text('category'),
    location: text('location'),
    department: text('department'),
    by: oneOf(REPORT_DIMENSIONS, params.get('by'), 'category'),
    program: text('program'),
  };
}

/** The address of a view: only what differs from the defaults, so links stay short. */
export function paramsOfView(view: ReportView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_VIEW) as (keyof ReportView)[]) {
    if (view[key] !== DEFAULT_VIEW[key]) params.set(key, view[key]);
  }
  return params;
}

/** A date as YYYY-MM-DD in the analyst's own calendar. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The period a view's choice stands for, as a saved report keeps it. */
export function savedPeriodOf(view: ReportView): SavedPeriod | null {
  if (view.period !== 'custom') {
    return { type: 'relative', unit: 'week', count: Number.parseInt(view.period, 10) };
  }
  if (!view.from || !view.to || view.to < view.from) return null;
  return { type: 'fixed', from: view.from, to: view.to };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The filters a report is asked for, or null while the custom dates are incomplete. */
export function filtersOf(view: ReportView, today: string): ReportFilters | null {
  const saved = savedFiltersOf(view);
  return saved ? { ...saved, period: savedPeriodOn(saved.period, today) } : null;
}

export function savedFiltersOf(view: ReportView): SavedFilters | null {
  const period = savedPeriodOf(view);
  if (!period) return null;
  return {
    period,
    groupId: optional(view.group),
    category: optional(view.category),
    location: optional(view.location),
    department: optional(view.department),
  };
}

/** The dimension the recurring report groups by, or null while software has no program. */
export function dimensionOf(view: ReportView): ReportDimension | null {
  if (view.by !== 'software') return { by: view.by };
  const program = view.program.trim();
  return program ? { by: 'software', program } : null;
}

/** The view that re-opens a saved report's filters (its tab, period and dimension). */
export function viewOfSaved(
  kind: ReportTab,
  filters: SavedFilters,
  dimension: ReportDimension | null,
  today: string,
): ReportView {
  const { period } = filters;
  const preset = PERIOD_PRESETS.find(
    (candidate) =>
      period.type === 'relative' &&
      period.unit === 'week' &&
      Number.parseInt(candidate, 10) === period.count,
  );
  // Other relative periods (months, days) open as the dates they stand for today.
  const fixed = preset ? null : savedPeriodOn(period, today);
  return {
    ...DEFAULT_VIEW,
    tab: kind,
    period: preset ?? 'custom',
    from: fixed?.from ?? '',
    to: fixed?.to ?? '',
    group: filters.groupId ?? '',
    category: filters.category ?? '',
    location: filters.location ?? '',
    department: filters.department ?? '',
    by: dimension?.by ?? 'category',
    program: dimension?.by === 'software' ? dimension.program : '',
  };
}
