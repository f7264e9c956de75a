/**
 * The SQL the reports share. Reports read tickets as `report_ticket_facts t` (report-facts.ts
 * keeps it: the ticket's columns reports need, under the same names, and its facts), never the
 * wide ticket rows. Which tickets the filters keep, what a dimension groups them by,
 * and ISO-week buckets as a VALUES list joined on a time column (so a week follows the desk's
 * time zone, daylight saving included, on both databases). Times are ISO 8601 UTC text, so
 * ranges compare as text.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ReportDimension, ReportFilters } from '@deskside/core';

export type Fragment = RawBuilder<unknown>;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The filters other than the period, on tickets t. */
export function filterConditions(filters: ReportFilters): Fragment[] {
  const conditions: Fragment[] = [];
  if (filters.groupId !== undefined) conditions.push(sql`t.group_id = ${filters.groupId}`);
  if (filters.category !== undefined) {
    conditions.push(
      sql`(t.category = ${filters.category} OR t.category LIKE ${`${filters.category}/%`})`,
    );
  }
  if (filters.location !== undefined) conditions.push(sql`t.location = ${filters.location}`);
  if (filters.department !== undefined) conditions.push(sql`t.department = ${filters.department}`);
  return conditions;
}

export const and = (conditions: readonly Fragment[]): Fragment =>
  conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` AND `);

export const between = (column: Fragment, start: number, end: number): Fragment =>
  sql`${column} >= ${iso(start)} AND ${column} < ${iso(end)}`;

/** A machine profile's (alias mp) OS key: "<distro, else platform> <release>", or null. */
export const OS_KEY: Fragment = sql`NULLIF(TRIM(COALESCE(mp.os_distro, mp.os_platform, '') || ' ' || COALESCE(mp.os_release, '')), '')`;

/** A dimension's group key over tickets t, and the joins it needs. */
export function dimensionKey(dimension: ReportDimension): { key: Fragment; joins: Fragment[] } {
  switch (dimension.by) {
    case 'category':
      return { key: sql`t.category`, joins: [] };
    case 'model':
      return { key: sql`t.model`, joins: [] };
    case 'os':
      return { key: sql`t.os`, joins: [] };
    case 'software':
      return {
        key: sql`ms.version`,
        joins: [
          sql`JOIN machine_software ms ON ms.machine_id = t.machine_id AND ms.name = ${dimension.program}`,
        ],
      };
    case 'department':
      return { key: sql`t.department`, joins: [] };
    case 'location':
      return { key: sql`t.location`, joins: [] };
  }
}

/** The FROM clause of tickets t (their report rows) with what the dimension joins. */
export function ticketsFrom(dimension?: ReportDimension): Fragment {
  const joins = dimension ? dimensionKey(dimension).joins : [];
  return sql`report_ticket_facts t ${sql.join(joins, sql` `)}`;
}

export interface Bucket {
  start: number;
  end: number;
}

/**
 * `WITH buckets(idx, start_at, end_at) AS (VALUES ...)`: the bounds are this module's own ISO
 * texts, written as literals so both databases type them as text without casts.
 */
export function bucketsCte(buckets: readonly Bucket[]): Fragment {
  const rows = buckets.map(
    (bucket, idx) =>
      sql`(${sql.lit(idx)}, ${sql.lit(iso(bucket.start))}, ${sql.lit(iso(bucket.end))})`,
  );
  return sql`WITH buckets (idx, start_at, end_at) AS (VALUES ${sql.join(rows, sql`, `)})`;
}

/**
 * The index of the bucket `column` falls in, as a balanced CASE over the buckets' bounds (about
 * log2(n) comparisons a row), for contiguous buckets; the caller keeps the rows within them.
 * Lets a query group by bucket in whatever order it reads the rows.
 */
export function bucketIndex(column: Fragment, buckets: readonly Bucket[]): Fragment {
  const bounds = buckets.map((bucket) => iso(bucket.start));
  const pick = (lo: number, hi: number): Fragment => {
    if (lo === hi) return sql.lit(lo);
    const mid = Math.ceil((lo + hi) / 2);
    return sql`CASE WHEN ${column} < ${sql.lit(bounds[mid]!)} THEN ${pick(lo, mid - 1)} ELSE ${pick(mid, hi)} END`;
  };
  return pick(0, buckets.length - 1);
}

/** A count from either database (PostgreSQL answers bigint as text). */
export const num = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);

/** Compares group keys in one order on both databases (their collations differ): nulls last. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
