/**
 * The recurring-problems report (core's RecurringReportSchema): groups of the chosen dimension
 * with their counts this period, the previous one and per ISO week, in one grouped query over
 * a VALUES list of buckets; the machines with the most tickets; the same check failing on
 * several machines (from report_check_failures, kept by report-facts.ts).
 */
import { sql } from 'kysely';
import {
  resolvePeriod,
  type CheckTicketsQuery,
  type FailingCheck,
  type GroupTicketsPage,
  type GroupTicketsQuery,
  type RecurringGroup,
  type RecurringReport,
  type RecurringReportQuery,
  type TopMachine,
} from '@deskside/core';
import type { DialectName } from '../database/dialect';
import type { Db } from '../database/open';
import { toTicket, type TicketRow } from '../tickets/rows';
import {
  and,
  between,
  bucketIndex,
  bucketsCte,
  compareKeys,
  dimensionKey,
  filterConditions,
  num,
  ticketsFrom,
  type Fragment,
} from './report-sql';

interface GroupCount {
  key: string | null;
  idx: number | string;
  n: number | string;
}

export async function recurringReport(
  db: Db,
  dialect: DialectName,
  zone: string,
  input: RecurringReportQuery,
): Promise<RecurringReport> {
  const { filters, dimension, limit, minCount } = input;
  const period = resolvePeriod(filters.period, zone);
  // Bucket 0 is the previous period; 1.. the weeks of this one.
  const buckets = [period.previous, ...period.weeks];
  const { key } = dimensionKey(dimension);
  const where = and(filterConditions(filters));
  const first = buckets[0]!.start;
  const last = buckets[buckets.length - 1]!.end;
  // By software: each of the program's machines, then its tickets on the index by machine and
  // creation, their week from a CASE over the bounds. Joining week, ticket, then program would
  // look the program up once per ticket; SQLite left to itself reads every ticket row.
  const { rows } =
    dimension.by === 'software'
      ? await sql<GroupCount>`
          SELECT ms.version AS key, ${bucketIndex(sql`t.created_at`, buckets)} AS idx, COUNT(*) AS n
          FROM machine_software ms CROSS JOIN report_ticket_facts t
          WHERE ms.name = ${dimension.program} AND t.machine_id = ms.machine_id
            AND ${between(sql`t.created_at`, first, last)} AND ${where}
          GROUP BY ms.version, idx`.execute(db)
      : await sql<GroupCount>`${bucketsCte(buckets)}
          SELECT ${key} AS key, b.idx AS idx, COUNT(*) AS n
          FROM ${ticketsFrom(dimension)}
          JOIN buckets b ON t.created_at >= b.start_at AND t.created_at < b.end_at
          WHERE ${where}
          GROUP BY ${key}, b.idx`.execute(db);

  const byKey = new Map<string | null, RecurringGroup>();
  for (const row of rows) {
    let group = byKey.get(row.key);
    if (!group) {
      group = {
        key: row.key,
        count: 0,
        previousCount: 0,
        growth: 0,
        growthRate: null,
        weekly: period.weeks.map(() => 0),
      };
      byKey.set(row.key, group);
    }
    const idx = num(row.idx);
    if (idx === 0) group.previousCount += num(row.n);
    else {
      group.weekly[idx - 1] = num(row.n);
      group.count += num(row.n);
    }
  }
  const groups = [...byKey.values()]
    .filter((group) => group.count > 0)
    .map((group) => ({
      ...group,
      growth: group.count - group.previousCount,
      growthRate:
        group.previousCount === 0
          ? null
          : (group.count - group.previousCount) / group.previousCount,
    }));
  groups.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
  const grewMost = groups
    .filter((group) => group.count >= minCount && group.growth > 0)
    .sort((a, b) => b.growth - a.growth || b.count - a.count || compareKeys(a.key, b.key));

  // Every ticket falls in one group, except by software: a machine may hold two versions of
  // the program, and one without it is in none.
  let totalTickets = groups.reduce((sum, group) => sum + group.count, 0);
  if (dimension.by === 'software') {
    const inPeriod = sql`${between(sql`t.created_at`, period.start, period.end)} AND ${where}`;
    const total = await sql<{ n: number | string }>`
      SELECT COUNT(*) AS n FROM ${ticketsFrom()} WHERE ${inPeriod}`.execute(db);
    totalTickets = num(total.rows[0]?.n);
  }

  return {
    kind: 'recurring',
    filters,
    dimension,
    previousPeriod: { from: period.previous.from, to: period.previous.to },
    weeks: period.weeks.map(({ week, from, to }) => ({ week, from, to })),
    totalTickets,
    groups: groups.slice(0, limit),
    grewMost: grewMost.slice(0, limit),
    topMachines: await topMachines(db, dialect, input, period.start, period.end),
    failingChecks: await failingChecks(db, input, period.start, period.end),
  };
}

async function topMachines(
  db: Db,
  dialect: DialectName,
  { filters, limit }: RecurringReportQuery,
  start: number,
  end: number,
): Promise<TopMachine[]> {
  // Walking the index by machine (and creation) counts each machine's tickets in order, with
  // no sort of the period's tickets; SQLite's planner would rather range over creation.
  const byMachine = dialect === 'sqlite' ? sql`INDEXED BY report_ticket_facts_machine` : sql``;
  const { rows } = await sql<{
    machineId: string;
    tickets: number | string;
    name: string | null;
    manufacturer: string | null;
    model: string | null;
  }>`
    SELECT busiest.machine_id, busiest.tickets, m.name, mp.manufacturer, mp.model
    FROM (
      SELECT t.machine_id AS machine_id, COUNT(*) AS tickets
      FROM report_ticket_facts t ${byMachine}
      WHERE ${between(sql`t.created_at`, start, end)} AND t.machine_id IS NOT NULL
        AND ${and(filterConditions(filters))}
      GROUP BY t.machine_id
      ORDER BY COUNT(*) DESC, t.machine_id
      LIMIT ${limit}
    ) busiest
    LEFT JOIN machines m ON m.id = busiest.machine_id
    LEFT JOIN machine_profiles mp ON mp.machine_id = busiest.machine_id`.execute(db);
  return rows
    .map((row) => ({
      machineId: row.machineId,
      name: row.name,
      manufacturer: row.manufacturer,
      model: row.model,
      tickets: num(row.tickets),
    }))
    .sort((a, b) => b.tickets - a.tickets || compareKeys(a.machineId, b.machineId));
}

async function failingChecks(
  db: Db,
  { filters, limit }: RecurringReportQuery,
  start: number,
  end: number,
): Promise<FailingCheck[]> {
  const { rows } = await sql<{
    checkId: string;
    code: string;
    location: string | null;
    machines: number | string;
    tickets: number | string;
    lastSeen: string;
  }>`
    SELECT f.check_id, f.code, t.location, COUNT(DISTINCT f.machine_id) AS machines,
      COUNT(DISTINCT f.ticket_id) AS tickets, MAX(f.taken_at) AS last_seen
    FROM report_check_failures f
    JOIN report_ticket_facts t ON t.ticket_id = f.ticket_id
    WHERE ${between(sql`f.taken_at`, start, end)} AND ${and(filterConditions(filters))}
    GROUP BY f.check_id, f.code, t.location
    HAVING COUNT(DISTINCT f.machine_id) >= 2`.execute(db);
  return rows
    .map((row) => ({
      checkId: row.checkId,
      code: row.code,
      location: row.location,
      machines: num(row.machines),
      tickets: num(row.tickets),
      lastSeen: row.lastSeen,
    }))
    .sort(
      (a, b) =>
        b.machines - a.machines ||
        b.tickets - a.tickets ||
        compareKeys(a.checkId, b.checkId) ||
        compareKeys(a.code, b.code) ||
        compareKeys(a.location, b.location),
    )
    .slice(0, limit);
}

/** One page of tickets: `from` and `where` select them; newest first, with the total. */
async function ticketPage(
  db: Db,
  from: Fragment,
  where: Fragment,
  { limit, offset }: { limit: number; offset: number },
): Promise<GroupTicketsPage> {
  const [page, total] = await Promise.all([
    sql<TicketRow>`SELECT tk.* FROM ${from} JOIN tickets tk ON tk.id = t.ticket_id WHERE ${where}
      ORDER BY t.created_at DESC, t.ticket_id DESC LIMIT ${limit + 1} OFFSET ${offset}`.execute(db),
    sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`.execute(db),
  ]);
  return {
    tickets: page.rows.slice(0, limit).map(toTicket),
    total: num(total.rows[0]?.n),
    hasMore: page.rows.length > limit,
  };
}

/** The tickets behind one group: created in the period, matching the filters, newest first. */
export async function groupTickets(
  db: Db,
  zone: string,
  input: GroupTicketsQuery,
): Promise<GroupTicketsPage> {
  const { filters, dimension } = input;
  const period = resolvePeriod(filters.period, zone);
  const { key } = dimensionKey(dimension);
  const where = and([
    between(sql`t.created_at`, period.start, period.end),
    ...filterConditions(filters),
    input.key === null ? sql`${key} IS NULL` : sql`${key} = ${input.key}`,
  ]);
  return ticketPage(db, ticketsFrom(dimension), where, input);
}

/**
 * The tickets behind one failing check of the report (`failingChecks`): matching the filters,
 * at the location, with the check failing with the code in evidence taken in the period.
 */
export async function checkTickets(
  db: Db,
  zone: string,
  input: CheckTicketsQuery,
): Promise<GroupTicketsPage> {
  const { filters, checkId, code, location } = input;
  const period = resolvePeriod(filters.period, zone);
  const where = and([
    ...filterConditions(filters),
    location === null ? sql`t.location IS NULL` : sql`t.location = ${location}`,
    sql`EXISTS (SELECT 1 FROM report_check_failures f WHERE f.ticket_id = t.ticket_id
      AND f.check_id = ${checkId} AND f.code = ${code}
      AND ${between(sql`f.taken_at`, period.start, period.end)})`,
  ]);
  return ticketPage(db, ticketsFrom(), where, input);
}
