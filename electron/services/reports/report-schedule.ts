import type { Logger } from 'pino';
import type { ReportsService } from './reports-service';

/** The first look waits a little after the console opens, so it never slows its start-up. */
const FIRST_RUN_MS = 30_000;

/**
 * Brings the reports' derived facts up to date (so the first report an analyst opens does not
 * compute them for every ticket) and runs the scheduled reports that fell due, shortly after
 * the console opens and then every `everyMs`; null turns it off (tests call `runDue` themselves). Returns what stops it. Two
 * consoles doing this at once store each run once (report_runs' unique key).
 */
export function scheduleReportRuns(
  reports: ReportsService,
  everyMs: number | null,
  logger: Logger,
): () => void {
  if (everyMs === null) return () => undefined;
  // A look that outlasts the interval is not joined by another.
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    reports
      .refreshFacts()
      .then(() => reports.runDue())
      .then(
        (runs) => {
          if (runs.length > 0)
            logger.info({ runs: runs.map((r) => r.id) }, 'scheduled reports run');
        },
        (error: unknown) => {
          logger.warn({ err: error }, 'running scheduled reports failed; trying again later');
        },
      )
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Math.min(FIRST_RUN_MS, everyMs));
  const every = setInterval(run, everyMs);
  // Neither keeps a test or a closing console alive.
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
