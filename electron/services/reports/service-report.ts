/**
 * The service figures (core's ServiceReportSchema, which defines each): a handful of grouped
 * queries over the tickets' report rows t (report-facts.ts), each ranging over an index
 * (created_at, or resolved_at with created_at).
 */
import { sql } from 'kysely';
import {
  BACKLOG_BUCKETS,
  resolvePeriod,
  type ReportFilters,
  type ServiceReport,
} from '@deskside/core';
import type { DialectName } from '../database/dialect';
import type { Db } from '../database/open';
import { and, between, bucketsCte, filterConditions, iso, num, ticketsFrom } from './report-sql';

const DAY_MS = 86_400_000;
const HOUR_SECONDS = 3_600;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

type Count = number | string | null;

interface ResolvedWeek {
  idx: Count;
  n: Count;
  fcr: Count;
  slaMet: Count;
  reopened: Count;
  resolveSeconds: Count;
  rated: Count;
  ratingSum: Count;
  r1: Count;
  r2: Count;
  r3: Count;
  r4: Count;
  r5: Count;
}

/**
 * Two grouped queries by ISO week give the weekly series, and their sums the period's figures
 * (the weeks tile the period): created with escalations, and resolved with everything counted
 * over the resolved.
 */
export async function serviceReport(
  db: Db,
  dialect: DialectName,
  zone: string,
  filters: ReportFilters,
): Promise<ServiceReport> {
  const period = resolvePeriod(filters.period, zone);
  const from = ticketsFrom();
  const filtered = and(filterConditions(filters));
  const buckets = bucketsCte(period.weeks);
  const createdRows = await sql<{ idx: Count; n: Count; escalated: Count }>`${buckets}
    SELECT b.idx AS idx, COUNT(*) AS n, SUM(t.escalated) AS escalated FROM ${from}
    JOIN buckets b ON t.created_at >= b.start_at AND t.created_at < b.end_at
    WHERE ${filtered} GROUP BY b.idx`.execute(db);
  const resolvedRows = await sql<ResolvedWeek>`${buckets}
    SELECT b.idx AS idx, COUNT(*) AS n, SUM(t.first_contact) AS fcr, SUM(t.sla_met) AS sla_met,
      SUM(t.reopened) AS reopened, SUM(t.resolve_business_seconds) AS resolve_seconds,
      COUNT(t.feedback_rating) AS rated, SUM(t.feedback_rating) AS rating_sum,
      SUM(CASE WHEN t.feedback_rating = 1 THEN 1 ELSE 0 END) AS r1,
      SUM(CASE WHEN t.feedback_rating = 2 THEN 1 ELSE 0 END) AS r2,
      SUM(CASE WHEN t.feedback_rating = 3 THEN 1 ELSE 0 END) AS r3,
      SUM(CASE WHEN t.feedback_rating = 4 THEN 1 ELSE 0 END) AS r4,
      SUM(CASE WHEN t.feedback_rating = 5 THEN 1 ELSE 0 END) AS r5
    FROM ${from}
    JOIN buckets b ON t.resolved_at >= b.start_at AND t.resolved_at < b.end_at
    WHERE ${filtered} GROUP BY b.idx`.execute(db);
  const sum = <R>(rows: readonly R[], pick: (row: R) => Count) =>
    rows.reduce((total, row) => total + num(pick(row)), 0);
  const c = createdRows.rows;
  const r = resolvedRows.rows;
  const createdCount = sum(c, (row) => row.n);
  const escalated = sum(c, (row) => row.escalated);
  const resolvedCount = sum(r, (row) => row.n);
  const fcr = sum(r, (row) => row.fcr);
  const slaMet = sum(r, (row) => row.slaMet);
  const reopened = sum(r, (row) => row.reopened);
  const rated = sum(r, (row) => row.rated);

  const series = period.weeks.map(({ week, from: weekFrom, to }) => ({
    week,
    from: weekFrom,
    to,
    created: 0,
    resolved: 0,
    slaMet: 0,
  }));
  for (const row of c) series[num(row.idx)]!.created = num(row.n);
  for (const row of r) {
    const week = series[num(row.idx)]!;
    week.resolved = num(row.n);
    week.slaMet = num(row.slaMet);
  }

  // The 90th percentile by nearest rank: the ceil(0.9 n)-th smallest. SQLite is told to walk
  // the index ordered by resolve time (bounded, about one pass over it) rather than sort a
  // year of rows, which its planner would otherwise choose for a long period.
  let p90: number | null = null;
  if (resolvedCount > 0) {
    const rank = Math.ceil(0.9 * resolvedCount);
    const resolvedIn = and([
      sql`t.resolve_business_seconds IS NOT NULL`,
      between(sql`t.resolved_at`, period.start, period.end),
      ...filterConditions(filters),
    ]);
    const walk = dialect === 'sqlite' ? sql`INDEXED BY report_ticket_facts_resolve_time` : sql``;
    const { rows } = await sql<{ seconds: Count }>`
      SELECT t.resolve_business_seconds AS seconds FROM report_ticket_facts t ${walk} WHERE ${resolvedIn}
      ORDER BY t.resolve_business_seconds LIMIT 1 OFFSET ${rank - 1}`.execute(db);
    p90 = num(rows[0]?.seconds) / HOUR_SECONDS;
  }

  return {
    kind: 'service',
    filters,
    created: createdCount,
    resolved: resolvedCount,
    fcr: { rate: rate(fcr, resolvedCount), count: fcr },
    resolveHours: {
      mean:
        resolvedCount === 0
          ? null
          : sum(r, (row) => row.resolveSeconds) / resolvedCount / HOUR_SECONDS,
      p90,
    },
    slaAttainment: { rate: rate(slaMet, resolvedCount), met: slaMet },
    backlog: await backlog(db, filters, period.end),
    escalation: { rate: rate(escalated, createdCount), count: escalated },
    reopen: { rate: rate(reopened, resolvedCount), count: reopened },
    satisfaction: {
      mean: rated === 0 ? null : sum(r, (row) => row.ratingSum) / rated,
      count: rated,
      distribution: [
        sum(r, (row) => row.r1),
        sum(r, (row) => row.r2),
        sum(r, (row) => row.r3),
        sum(r, (row) => row.r4),
        sum(r, (row) => row.r5),
      ],
    },
    weeks: series,
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
    SELECT ${sql.join(ages, sql`, `)} FROM ${ticketsFrom()}
    WHERE ${and([sql`t.resolved_at IS NULL`, before, ...filtered])}
    UNION ALL
    SELECT ${sql.join(ages, sql`, `)} FROM ${ticketsFrom()}
    WHERE ${and([sql`t.resolved_at >= ${iso(end)}`, before, ...filtered])}`.execute(db);
  const buckets = BACKLOG_BUCKETS.map((bucket, i) => ({
    ...bucket,
    count: rows.reduce((sum, row) => sum + num(row[`b${i}`]), 0),
  }));
  return { total: buckets.reduce((sum, b) => sum + b.count, 0), buckets };
}
