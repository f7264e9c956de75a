/**
 * The service figures (core's ServiceReportSchema, which defines each): a handful of grouped
 * queries over tickets t joined to their facts f (report-facts.ts), each ranging over an index
 * (created_at, or resolved_at with created_at).
 */
import { sql } from 'kysely';
import {
  BACKLOG_BUCKETS,
  resolvePeriod,
  type ReportFilters,
  type ServiceReport,
} from '@deskside/core';
import type { Db } from '../database/open';
import { and, between, bucketsCte, filterConditions, iso, num, ticketsFrom } from './report-sql';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

type Count = number | string | null;

export async function serviceReport(
  db: Db,
  zone: string,
  filters: ReportFilters,
): Promise<ServiceReport> {
  const period = resolvePeriod(filters.period, zone);
  const from = sql`${ticketsFrom(filters)} JOIN report_ticket_facts f ON f.ticket_id = t.id`;
  const filtered = filterConditions(filters);
  const createdIn = and([between(sql`t.created_at`, period.start, period.end), ...filtered]);
  const resolvedIn = and([between(sql`t.resolved_at`, period.start, period.end), ...filtered]);

  const created = await sql<{ n: Count; escalated: Count }>`
    SELECT COUNT(*) AS n, SUM(f.escalated) AS escalated FROM ${from} WHERE ${createdIn}`.execute(
    db,
  );
  const resolved = await sql<{
    n: Count;
    fcr: Count;
    slaMet: Count;
    reopened: Count;
    resolveMs: Count;
    rated: Count;
    ratingSum: Count;
    r1: Count;
    r2: Count;
    r3: Count;
    r4: Count;
    r5: Count;
  }>`
    SELECT COUNT(*) AS n, SUM(f.first_contact) AS fcr, SUM(f.sla_met) AS sla_met,
      SUM(f.reopened) AS reopened, SUM(f.resolve_business_ms) AS resolve_ms,
      COUNT(t.feedback_rating) AS rated, SUM(t.feedback_rating) AS rating_sum,
      SUM(CASE WHEN t.feedback_rating = 1 THEN 1 ELSE 0 END) AS r1,
      SUM(CASE WHEN t.feedback_rating = 2 THEN 1 ELSE 0 END) AS r2,
      SUM(CASE WHEN t.feedback_rating = 3 THEN 1 ELSE 0 END) AS r3,
      SUM(CASE WHEN t.feedback_rating = 4 THEN 1 ELSE 0 END) AS r4,
      SUM(CASE WHEN t.feedback_rating = 5 THEN 1 ELSE 0 END) AS r5
    FROM ${from} WHERE ${resolvedIn}`.execute(db);
  const c = created.rows[0];
  const r = resolved.rows[0];
  const createdCount = num(c?.n);
  const resolvedCount = num(r?.n);
  const rated = num(r?.rated);

  // The 90th percentile by nearest rank: the ceil(0.9 n)-th smallest.
  let p90: number | null = null;
  if (resolvedCount > 0) {
    const rank = Math.ceil(0.9 * resolvedCount);
    const { rows } = await sql<{ ms: Count }>`
      SELECT f.resolve_business_ms AS ms FROM ${from} WHERE ${resolvedIn}
      ORDER BY f.resolve_business_ms LIMIT 1 OFFSET ${rank - 1}`.execute(db);
    p90 = num(rows[0]?.ms) / HOUR_MS;
  }

  return {
    kind: 'service',
    filters,
    created: createdCount,
    resolved: resolvedCount,
    fcr: { rate: rate(num(r?.fcr), resolvedCount), count: num(r?.fcr) },
    resolveHours: {
      mean: resolvedCount === 0 ? null : num(r?.resolveMs) / resolvedCount / HOUR_MS,
      p90,
    },
    slaAttainment: { rate: rate(num(r?.slaMet), resolvedCount), met: num(r?.slaMet) },
    backlog: await backlog(db, filters, period.end),
    escalation: { rate: rate(num(c?.escalated), createdCount), count: num(c?.escalated) },
    reopen: { rate: rate(num(r?.reopened), resolvedCount), count: num(r?.reopened) },
    satisfaction: {
      mean: rated === 0 ? null : num(r?.ratingSum) / rated,
      count: rated,
      distribution: [r?.r1, r?.r2, r?.r3, r?.r4, r?.r5].map(num),
    },
    weeks: await weekly(db, filters, period.weeks),
  };
}

/** Open at `end`: created before it, and unresolved then (no resolution, or a later one). */
async function backlog(
  db: Db,
  filters: ReportFilters,
  end: number,
): Promise<ServiceReport['backlog']> {
  const ages = BACKLOG_BUCKETS.map((bucket, i) => {
    // Age in [minDays, maxDays): created after end - maxDays, at or before end - minDays.
    const newest = iso(end - bucket.minDays * DAY_MS);
    const condition =
      bucket.maxDays === null
        ? sql`t.created_at < ${newest}`
        : sql`t.created_at < ${newest} AND t.created_at >= ${iso(end - bucket.maxDays * DAY_MS)}`;
    return sql`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${sql.ref(`b${i}`)}`;
  });
  const filtered = filterConditions(filters);
  const before = sql`t.created_at < ${iso(end)}`;
  // Two ranges on the resolved_at index: never resolved (or open again), resolved after the end.
  const { rows } = await sql<Record<string, Count>>`
    SELECT ${sql.join(ages, sql`, `)} FROM ${ticketsFrom(filters)}
    WHERE ${and([sql`t.resolved_at IS NULL`, before, ...filtered])}
    UNION ALL
    SELECT ${sql.join(ages, sql`, `)} FROM ${ticketsFrom(filters)}
    WHERE ${and([sql`t.resolved_at >= ${iso(end)}`, before, ...filtered])}`.execute(db);
  const buckets = BACKLOG_BUCKETS.map((bucket, i) => ({
    ...bucket,
    count: rows.reduce((sum, row) => sum + num(row[`b${i}`]), 0),
  }));
  return { total: buckets.reduce((sum, b) => sum + b.count, 0), buckets };
}

async function weekly(
  db: Db,
  filters: ReportFilters,
  weeks: ReturnType<typeof resolvePeriod>['weeks'],
): Promise<ServiceReport['weeks']> {
  const filtered = and(filterConditions(filters));
  const createdRows = await sql<{ idx: Count; n: Count }>`${bucketsCte(weeks)}
    SELECT b.idx AS idx, COUNT(*) AS n FROM ${ticketsFrom(filters)}
    JOIN buckets b ON t.created_at >= b.start_at AND t.created_at < b.end_at
    WHERE ${filtered} GROUP BY b.idx`.execute(db);
  const resolvedRows = await sql<{ idx: Count; n: Count; met: Count }>`${bucketsCte(weeks)}
    SELECT b.idx AS idx, COUNT(*) AS n, SUM(f.sla_met) AS met
    FROM ${ticketsFrom(filters)} JOIN report_ticket_facts f ON f.ticket_id = t.id
    JOIN buckets b ON t.resolved_at >= b.start_at AND t.resolved_at < b.end_at
    WHERE ${filtered} GROUP BY b.idx`.execute(db);
  const series = weeks.map(({ week, from, to }) => ({
    week,
    from,
    to,
    created: 0,
    resolved: 0,
    slaMet: 0,
  }));
  for (const row of createdRows.rows) series[num(row.idx)]!.created = num(row.n);
  for (const row of resolvedRows.rows) {
    const week = series[num(row.idx)]!;
    week.resolved = num(row.n);
    week.slaMet = num(row.met);
  }
  return series;
}
