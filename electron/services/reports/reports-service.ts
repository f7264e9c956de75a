/**
 * The reports behind the `reports.*` methods: the recurring problems and the tickets of one of
 * their groups, the service figures, saved reports and their runs, and the scheduled runs a
 * console makes when they fall due (`runDue`, from the reports job). Periods are read in the
 * time zone of the desk's business calendar (the workflow's SLA policy). Every report first
 * brings the derived facts up to date (report-facts.ts).
 */
import {
  DesksideError,
  savedPeriodOn,
  scheduleDay,
  todayIn,
  ReportFiltersSchema,
  type GroupTicketsPage,
  type CheckTicketsQuery,
  type GroupTicketsQuery,
  type RecurringReport,
  type RecurringReportQuery,
  type ReportFilters,
  type ReportResult,
  type ReportRun,
  type ReportRunSummary,
  type SavedReport,
  type ServiceReport,
} from '@deskside/core';
import type { Store } from '../database/store';
import type { WorkflowConfigService } from '../workflow/config-service';
import { checkTickets, groupTickets, recurringReport } from './recurring-report';
import { ReportFacts, type FactsRefresh } from './report-facts';
import { SavedReports, type SaveReport } from './saved-reports';
import { serviceReport } from './service-report';

export interface ReportsDeps {
  store: Store;
  workflow: WorkflowConfigService;
  /** The analyst at this console: owner of what they save, author of the runs it stores. */
  analyst: string;
  now: () => Date;
}

export class ReportsService {
  private readonly facts: ReportFacts;
  private readonly saved: SavedReports;

  constructor(private readonly deps: ReportsDeps) {
    this.facts = new ReportFacts(deps.store, deps.workflow);
    this.saved = new SavedReports(deps.store, deps.analyst, deps.now);
  }

  private async zone(): Promise<string> {
    return (await this.deps.workflow.get()).sla.calendar.timeZone;
  }

  /** Brings the derived facts up to date and answers the desk's time zone (one read of the rules). */
  private async prepare(): Promise<string> {
    const { sla } = await this.deps.workflow.get();
    await this.facts.refresh(sla);
    return sla.calendar.timeZone;
  }

  /** Brings the derived per-ticket facts and check failures up to date. */
  refreshFacts(): Promise<FactsRefresh> {
    return this.facts.refresh();
  }

  async recurring(input: RecurringReportQuery): Promise<RecurringReport> {
    const zone = await this.prepare();
    return recurringReport(this.deps.store.db, this.deps.store.dialect, zone, input);
  }

  async groupTickets(input: GroupTicketsQuery): Promise<GroupTicketsPage> {
    return groupTickets(this.deps.store.db, await this.prepare(), input);
  }

  async checkTickets(input: CheckTicketsQuery): Promise<GroupTicketsPage> {
    return checkTickets(this.deps.store.db, await this.prepare(), input);
  }

  async service(filters: ReportFilters): Promise<ServiceReport> {
    const zone = await this.prepare();
    return serviceReport(this.deps.store.db, this.deps.store.dialect, zone, filters);
  }

  listSaved(): Promise<SavedReport[]> {
    return this.saved.list();
  }

  save(input: SaveReport): Promise<SavedReport> {
    return this.saved.save(input);
  }

  delete(id: number, expectedVersion: number): Promise<{ id: number }> {
    return this.saved.delete(id, expectedVersion);
  }

  runs(reportId: number, limit = 100): Promise<ReportRunSummary[]> {
    return this.saved.runs(reportId, limit);
  }

  openRun(id: number): Promise<ReportRun> {
    return this.saved.openRun(id);
  }

  /** Runs a saved report for its period as of `day` and stores it, once per period. */
  private async runOn(
    report: SavedReport,
    day: string,
  ): Promise<{ run: ReportRun; stored: boolean }> {
    const period = savedPeriodOn(report.filters.period, day);
    const stored = await this.saved.storedRun(report.id, period);
    if (stored) return { run: stored, stored: false };
    const filters = ReportFiltersSchema.safeParse({ ...report.filters, period });
    if (!filters.success) {
      throw new DesksideError(
        'validation',
        `Saved report “${report.name}” resolves to a period a report cannot cover (${period.from} to ${period.to})`,
      );
    }
    let result: ReportResult;
    if (report.kind === 'service') result = await this.service(filters.data);
    else {
      if (!report.dimension) {
        throw new DesksideError('validation', `Saved report “${report.name}” has no dimension`);
      }
      result = await this.recurring({
        filters: filters.data,
        dimension: report.dimension,
        minCount: 3,
        limit: 50,
      });
    }
    return this.saved.keepRun(report.id, period, result);
  }

  /** Runs a saved report now, for its period as of today in the desk's time zone. */
  async runNow(reportId: number): Promise<ReportRun> {
    const report = await this.saved.get(reportId);
    const today = todayIn(await this.zone(), this.deps.now());
    return (await this.runOn(report, today)).run;
  }

  /**
   * Runs every scheduled report whose current period has no stored run yet, and answers the
   * runs this console stored (another console may have stored some first: those are skipped).
   * A report that fails does not keep the others from running; the failures are thrown
   * together afterwards, for the job to log.
   */
  async runDue(): Promise<ReportRunSummary[]> {
    const today = todayIn(await this.zone(), this.deps.now());
    const reports = (await this.saved.list()).filter((report) => report.schedule !== 'none');
    const stored: ReportRunSummary[] = [];
    const failures: unknown[] = [];
    for (const report of reports) {
      try {
        const { run, stored: mine } = await this.runOn(report, scheduleDay(report.schedule, today));
        if (mine) {
          stored.push({
            id: run.id,
            reportId: run.reportId,
            ranAt: run.ranAt,
            period: run.period,
            ranBy: run.ranBy,
          });
        }
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) {
      throw new AggregateError(failures, `${failures.length} scheduled reports could not be run`);
    }
    return stored;
  }
}
