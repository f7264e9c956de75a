import {
  thresholdStatus,
  worstStatus,
  type CheckFactsOf,
  type CheckOutcomeOf,
  type CheckParams,
  type CheckStatus,
  type Printer,
  type Printers,
} from '@deskside/core';
import { collectPrinters } from '../../collect/printers';
import type { CheckImplementation } from '../context';
import { outcome } from '../outcome';
import { withFacts } from './facts';

const MAX_LISTED = 20;
const TROUBLE = new Set<Printer['status']>(['stopped', 'offline', 'error']);

const view = (printer: Printer) => ({
  name: printer.name,
  isDefault: printer.isDefault,
  status: printer.status,
  statusMessage: printer.statusMessage,
  jobs: printer.jobs.length,
  // The oldest job says how long printing has been stuck; owners and titles are not sent.
  oldestJobAt:
    printer.jobs
      .map((job) => job.submittedAt)
      .filter((at) => at !== null)
      .sort()[0] ?? null,
});

/** A printer in trouble fails when someone depends on it (the default, or jobs waiting). */
function printerStatus(printer: Printer, params: CheckParams<'printers.queues'>) {
  const queue = thresholdStatus(
    printer.jobs.length,
    { warn: params.warnAboveJobs, fail: params.failAboveJobs },
    'above',
  );
  const trouble: CheckStatus = !TROUBLE.has(printer.status)
    ? 'pass'
    : printer.isDefault || printer.jobs.length > 0
      ? 'fail'
      : 'warn';
  return { queue, trouble };
}

export function judgePrinters(
  printers: Printers,
  params: CheckParams<'printers.queues'>,
): CheckOutcomeOf<'printers.queues'> {
  const considered = params.name
    ? printers.printers.filter((printer) => printer.name === params.name)
    : printers.printers;
  const facts = {
    spooler: printers.spooler,
    ...(params.name ? { name: params.name } : {}),
    printers: considered.slice(0, MAX_LISTED).map(view),
  };
  if (!printers.spoolerRunning) return outcome('fail', 'printers.queues.spooler_stopped', facts);
  if (params.name && considered.length === 0) {
    return outcome('fail', 'printers.queues.missing', {
      ...facts,
      available: printers.printers.slice(0, MAX_LISTED).map((printer) => printer.name),
    });
  }
  if (considered.length === 0) return outcome('warn', 'printers.queues.none', facts);
  const statuses = considered.map((printer) => printerStatus(printer, params));
  const trouble = worstStatus(statuses.map((status) => status.trouble));
  const queue = worstStatus(statuses.map((status) => status.queue));
  // A printer that cannot print explains its queue: say that first.
  if (trouble === 'fail') return outcome('fail', 'printers.queues.printer_error', facts);
  if (queue === 'fail') return outcome('fail', 'printers.queues.stuck', facts);
  if (trouble === 'warn') return outcome('warn', 'printers.queues.printer_error', facts);
  if (queue === 'warn') return outcome('warn', 'printers.queues.backlog', facts);
  return outcome('pass', 'printers.queues.ok', facts);
}

export const printersQueues: CheckImplementation<
  CheckParams<'printers.queues'>,
  CheckFactsOf<'printers.queues'>
> = (params, ctx) =>
  withFacts(
    'printers.queues',
    () => collectPrinters({ platform: ctx.platform, run: ctx.exec }),
    (printers) => judgePrinters(printers, params),
  );
