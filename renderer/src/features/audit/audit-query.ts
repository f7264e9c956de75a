import { AuditActionSchema, type AuditAction, type AuditQuery } from '@deskside/core';

/** Entries per page on screen; the CSV export reads larger pages. */
export const AUDIT_PAGE_SIZE = 50;
export const EXPORT_PAGE_SIZE = 1000;

/** The audit log's filters as the page and its address hold them: dates as `YYYY-MM-DD`. */
export interface AuditFilters {
  analyst: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { analyst: '', action: '', from: '', to: '' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The filters in the page's address; a value this console does not know is left out. */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const action = AuditActionSchema.safeParse(params.get('action'));
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  return {
    analyst: params.get('analyst') ?? '',
    action: action.success ? action.data : '',
    from: date('from'),
    to: date('to'),
  };
}

/** The address's query for `filters`: only the filters that are set. */
export function paramsOfFilters(filters: AuditFilters): [string, string][] {
  const { analyst, action, from, to } = filters;
  const entries: [string, string][] = [
    ['analyst', analyst],
    ['action', action],
    ['from', from],
    ['to', to],
  ];
  return entries.filter(([, value]) => value !== '');
}

/** Midnight at the start of a date field's day, `days` later, on this PC's clock, as UTC. */
function localMidnight(date: string, days = 0): string | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const moment = new Date(year, month - 1, day + days);
  // new Date(99, …) means 1999: a year before 100 is set again on purpose.
  moment.setFullYear(year, month - 1, day + days);
  return Number.isNaN(moment.getTime()) ? undefined : moment.toISOString();
}

/**
 * The contract's query for the filters, without its page: the analyst's exact name, the
 * action, and the days from the start of "from" to the end of "to" (both included), on this
 * PC's calendar.
 */
export function auditQuery(filters: AuditFilters): Omit<AuditQuery, 'limit' | 'offset'> {
  const query: Omit<AuditQuery, 'limit' | 'offset'> = {};
  const analyst = filters.analyst.trim();
  if (analyst) query.analyst = analyst;
  if (filters.action) query.action = filters.action;
  const from = localMidnight(filters.from);
  if (from) query.from = from;
  const to = localMidnight(filters.to, 1);
  if (to) query.to = to;
  return query;
}
