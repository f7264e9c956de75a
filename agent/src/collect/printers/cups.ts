import type { Printer, PrintJob, Printers, PrinterStatus } from '@deskside/core';
import { FactsUnavailableError } from '../errors';
import { CommandError, type CommandRunner } from '../exec';
import { lines, numberOrNull } from '../text';

/** Default destination, printers with their state message, and the jobs not yet done. */
export const LPSTAT_ARGS = ['-d', '-p', '-o'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon Nov 23 10:41:20 2026" (C locale, the machine's time zone) -> ISO, or null. */
export function parseCupsDate(value: string, toIso: typeof localToIso = localToIso): string | null {
  const match = /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(value.trim());
  const month = match ? MONTHS.indexOf(match[1]!) : -1;
  if (!match || month === -1) return null;
  const [, , day, hour, minute, second, year] = match.map(Number);
  return toIso(year!, month, day!, hour!, minute!, second!);
}

function localToIso(y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  return new Date(y, mo, d, h, mi, s).toISOString();
}

interface LpstatPrinter {
  name: string;
  enabled: boolean;
  printing: boolean;
  message: string;
}

export interface LpstatReport {
  defaultPrinter: string | null;
  printers: LpstatPrinter[];
  jobs: { id: string; owner: string; sizeBytes: number | null; submittedAt: string | null }[];
}

export function parseLpstat(output: string): LpstatReport {
  const report: LpstatReport = { defaultPrinter: null, printers: [], jobs: [] };
  for (const line of lines(output)) {
    const defaultMatch = /^system default destination: (\S+)/.exec(line);
    const printerMatch = /^printer (\S+) (?:is (idle)|(now printing) \S+|(disabled) since)/.exec(
      line,
    );
    const jobMatch = /^(\S+-\d+)\s+(\S+)\s+(\d+)\s+(.+)$/.exec(line);
    const last = report.printers.at(-1);
    if (defaultMatch) {
      report.defaultPrinter = defaultMatch[1]!;
    } else if (printerMatch) {
      report.printers.push({
        name: printerMatch[1]!,
        enabled: printerMatch[4] === undefined,
        printing: printerMatch[3] !== undefined,
        message: '',
      });
    } else if (line.startsWith('\t') && last) {
      // The reason a printer was stopped, on the line after it.
      last.message = last.message || line.trim();
    } else if (jobMatch) {
      report.jobs.push({
        id: jobMatch[1]!,
        owner: jobMatch[2]!,
        sizeBytes: numberOrNull(jobMatch[3]),
        submittedAt: parseCupsDate(jobMatch[4]!),
      });
    }
  }
  return report;
}

/** `lpoptions -p NAME`: space-separated key=value, values with spaces in single quotes. */
export function parseLpoptions(output: string): Map<string, string> {
  const options = new Map<string, string>();
  const token = /([^\s=]+)(?:=('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\S*))?/g;
  for (const match of output.matchAll(token)) {
    const raw = match[2] ?? '';
    const quoted = /^(['"])(.*)\1$/s.exec(raw);
    options.set(match[1]!, quoted ? quoted[2]!.replace(/\\(.)/g, '$1') : raw);
  }
  return options;
}

function statusOf(printer: LpstatPrinter, reasons: string): PrinterStatus {
  if (/offline|connecting-to-device/.test(reasons)) return 'offline';
  if (!printer.enabled) return 'stopped';
  if (/-error\b/.test(reasons)) return 'error';
  return printer.printing ? 'printing' : 'idle';
}

export async function cupsPrinters(run: CommandRunner): Promise<Printers> {
  const lpstat = await run('lpstat', LPSTAT_ARGS).catch((error: unknown) => {
    if (error instanceof CommandError && error.failure === 'missing') {
      throw new FactsUnavailableError('not_installed', 'CUPS is not installed (no lpstat)');
    }
    throw error;
  });
  if (/Scheduler is not running/i.test(lpstat.stderr)) {
    return { spooler: 'cups', spoolerRunning: false, printers: [] };
  }
  // "No destinations added" exits 1 too: a running CUPS without printers.
  if (lpstat.exitCode !== 0 && !/No destinations added/i.test(lpstat.stderr)) {
    throw new Error(`lpstat exited with ${lpstat.exitCode}: ${lpstat.stderr.trim()}`);
  }
  const report = parseLpstat(lpstat.stdout);
  const printers = await Promise.all(
    report.printers.map(async (printer): Promise<Printer> => {
      const details = parseLpoptions((await run('lpoptions', ['-p', printer.name])).stdout);
      const reasons = details.get('printer-state-reasons') ?? '';
      const jobs: PrintJob[] = report.jobs
        .filter((job) => job.id.slice(0, job.id.lastIndexOf('-')) === printer.name)
        .map((job) => ({ ...job, status: '' }));
      return {
        name: printer.name,
        isDefault: report.defaultPrinter === printer.name,
        status: statusOf(printer, reasons),
        statusMessage: printer.message || (reasons === 'none' ? '' : reasons),
        description: details.get('printer-info') ?? '',
        location: details.get('printer-location') ?? '',
        uri: details.get('device-uri') ?? '',
        driver: details.get('printer-make-and-model') ?? '',
        shared: details.has('printer-is-shared')
          ? details.get('printer-is-shared') === 'true'
          : null,
        jobs,
      };
    }),
  );
  return { spooler: 'cups', spoolerRunning: true, printers };
}
