/**
 * Saved reports and their stored runs (migration 0012). On a desk with roles the database
 * lets only leads and administrators insert, change or delete saved reports; a refusal is
 * answered as `forbidden` with a sentence saying so. A run is stored once per report and
 * resolved period (unique key): when two consoles run the same due report, the second insert
 * does nothing and both answer the stored run.
 */
import type { Selectable } from 'kysely';
import {
  DesksideError,
  ReportDimensionSchema,
  ReportResultSchema,
  SavedFiltersSchema,
  type ReportPeriod,
  type ReportResult,
  type ReportRun,
  type ReportRunSummary,
  type SavedReport,
  type SaveReportInputSchema,
} from '@deskside/core';
import type { z } from 'zod';
import type { Db } from '../database/open';
import type { DatabaseSchema } from '../database/schema';
import { INSUFFICIENT_PRIVILEGE, sqlState } from '../database/sql-state';
import type { Store } from '../database/store';
import { notFound, updateAtVersion } from '../database/versioned';

type SavedRow = Selectable<DatabaseSchema['savedReports']>;
type RunRow = Selectable<DatabaseSchema['reportRuns']>;
export type SaveReport = z.output<typeof SaveReportInputSchema>;

export function toSavedReport(row: SavedRow): SavedReport {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind as SavedReport['kind'],
    filters: SavedFiltersSchema.parse(JSON.parse(row.filters)),
    dimension:
      row.dimension === null ? null : ReportDimensionSchema.parse(JSON.parse(row.dimension)),
    schedule: row.schedule as SavedReport['schedule'],
    owner: row.owner,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const toSummary = (row: Omit<RunRow, 'result'>): ReportRunSummary => ({
  id: row.id,
  reportId: row.reportId,
  ranAt: row.ranAt,
  period: { from: row.periodFrom, to: row.periodTo },
  ranBy: row.ranBy,
});

const toRun = (row: RunRow): ReportRun => ({
  ...toSummary(row),
  result: ReportResultSchema.parse(JSON.parse(row.result)),
});

/** Turns the database's refusal of a role into words. */
async function asLead<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === INSUFFICIENT_PRIVILEGE) {
      throw new DesksideError(
        'forbidden',
        'Only leads and administrators of this desk save, change or delete reports; analysts open them',
      );
    }
    throw error;
  }
}

export class SavedReports {
  constructor(
    private readonly store: Store,
    private readonly analyst: string,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<SavedReport[]> {
    const rows = await this.store.db
      .selectFrom('savedReports')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toSavedReport);
  }

  async get(id: number, db: Db = this.store.db): Promise<SavedReport> {
    const row = await db
      .selectFrom('savedReports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('savedReports', id);
    return toSavedReport(row);
  }

  save(input: SaveReport): Promise<SavedReport> {
    const at = this.now().toISOString();
    const fields = {
      name: input.name,
      kind: input.kind,
      filters: JSON.stringify(input.filters),
      dimension: input.dimension === null ? null : JSON.stringify(input.dimension),
      schedule: input.schedule,
      updatedAt: at,
    };
    return asLead(() =>
      this.store.write(async (trx) => {
        if (input.id === undefined || input.expectedVersion === undefined) {
          const row = await trx
            .insertInto('savedReports')
            .values({ ...fields, owner: this.analyst, createdAt: at })
            .returningAll()
            .executeTakeFirstOrThrow();
          return toSavedReport(row);
        }
        const id = input.id;
        const row = await updateAtVersion(
          trx,
          'savedReports',
          { id, expectedVersion: input.expectedVersion },
          fields,
        );
        return toSavedReport(row);
      }),
    );
  }

  delete(id: number, expectedVersion: number): Promise<{ id: number }> {
    return asLead(() =>
      this.store.write(async (trx) => {
        // The version check first, so a stale or missing report is said as such.
        await updateAtVersion(trx, 'savedReports', { id, expectedVersion }, {});
        await trx.deleteFrom('reportRuns').where('reportId', '=', id).execute();
        await trx.deleteFrom('savedReports').where('id', '=', id).execute();
        return { id };
      }),
    );
  }

  async runs(reportId: number, limit: number): Promise<ReportRunSummary[]> {
    await this.get(reportId);
    const rows = await this.store.db
      .selectFrom('reportRuns')
      .select(['id', 'reportId', 'periodFrom', 'periodTo', 'ranAt', 'ranBy'])
      .where('reportId', '=', reportId)
      .orderBy('periodTo', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  async openRun(id: number): Promise<ReportRun> {
    const row = await this.store.db
      .selectFrom('reportRuns')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', `Report run ${id} does not exist`);
    return toRun(row);
  }

  async storedRun(reportId: number, period: ReportPeriod): Promise<ReportRun | null> {
    const row = await this.store.db
      .selectFrom('reportRuns')
      .selectAll()
      .where('reportId', '=', reportId)
      .where('periodFrom', '=', period.from)
      .where('periodTo', '=', period.to)
      .executeTakeFirst();
    return row ? toRun(row) : null;
  }

  /**
   * Stores a run unless one of the same report and period exists (another console's); answers
   * the stored one either way, and whether this call stored it.
   */
  async keepRun(
    reportId: number,
    period: ReportPeriod,
    result: ReportResult,
  ): Promise<{ run: ReportRun; stored: boolean }> {
    const inserted = await this.store.write((trx) =>
      trx
        .insertInto('reportRuns')
        .values({
          reportId,
          periodFrom: period.from,
          periodTo: period.to,
          ranAt: this.now().toISOString(),
          ranBy: this.analyst,
          result: JSON.stringify(result),
        })
        .onConflict((oc) => oc.columns(['reportId', 'periodFrom', 'periodTo']).doNothing())
        .returning('id')
        .executeTakeFirst(),
    );
    const run = await this.storedRun(reportId, period);
    if (!run) throw notFound('savedReports', reportId);
    return { run, stored: inserted !== undefined };
  }
}
