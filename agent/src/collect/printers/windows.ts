import { z } from 'zod';
import type { Printers, PrinterStatus } from '@deskside/core';
import type { CommandRunner } from '../exec';
import { asArray, runPowerShellJson } from '../powershell';
import { isoDateTime, numberOrNull, text } from '../text';

/** The spooler's state, its printers and their jobs, from WMI (no document names). */
export const WINDOWS_PRINTERS_SCRIPT = `
$ErrorActionPreference = 'Stop'
$spooler = (Get-Service -Name Spooler).Status.ToString()
$printers = @(); $jobs = @()
if ($spooler -eq 'Running') {
  $printers = @(Get-CimInstance -ClassName Win32_Printer | ForEach-Object {
    [pscustomobject]@{
      name = $_.Name; isDefault = [bool]$_.Default; printerStatus = [int]$_.PrinterStatus
      workOffline = [bool]$_.WorkOffline; detectedErrorState = [int]$_.DetectedErrorState
      port = [string]$_.PortName; driver = [string]$_.DriverName; shared = [bool]$_.Shared
      location = [string]$_.Location; comment = [string]$_.Comment
    }
  })
  $jobs = @(Get-CimInstance -ClassName Win32_PrintJob | ForEach-Object {
    [pscustomobject]@{
      printer = ($_.Name -split ',')[0]; id = [string]$_.JobId; owner = [string]$_.Owner
      size = $_.Size; status = [string]$_.JobStatus
      submitted = if ($_.TimeSubmitted) { $_.TimeSubmitted.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') } else { $null }
    }
  })
}
[pscustomobject]@{ spooler = $spooler; printers = $printers; jobs = $jobs } | ConvertTo-Json -Compress -Depth 3
`;

const ReportSchema = z.object({ spooler: z.string(), printers: z.unknown(), jobs: z.unknown() });
const PrinterSchema = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  printerStatus: z.number(),
  workOffline: z.boolean(),
  detectedErrorState: z.number().nullish(),
  port: z.string().nullish(),
  driver: z.string().nullish(),
  shared: z.boolean().nullish(),
  location: z.string().nullish(),
  comment: z.string().nullish(),
});
const JobSchema = z.object({
  printer: z.string(),
  id: z.string(),
  owner: z.string().nullish(),
  size: z.number().nullish(),
  status: z.string().nullish(),
  submitted: z.string().nullish(),
});

// Win32_Printer.PrinterStatus: 3 idle, 4 printing, 5 warming up, 6 stopped, 7 offline.
const STATUS: Record<number, PrinterStatus> = {
  3: 'idle',
  4: 'printing',
  5: 'printing',
  6: 'stopped',
  7: 'offline',
};
// Win32_Printer.DetectedErrorState, for the message: 2 and 0 say nothing.
const ERROR_STATES: Record<number, string> = {
  3: 'Low paper',
  4: 'No paper',
  5: 'Low toner',
  6: 'No toner',
  7: 'Door open',
  8: 'Jammed',
  9: 'Offline',
  10: 'Service requested',
  11: 'Output bin full',
};

export function parseWindowsPrinters(json: unknown): Printers {
  const report = ReportSchema.parse(json);
  const jobs = asArray(report.jobs).flatMap((raw) => {
    const job = JobSchema.safeParse(raw);
    return job.success ? [job.data] : [];
  });
  const printers = asArray(report.printers).flatMap((raw) => {
    const parsed = PrinterSchema.safeParse(raw);
    if (!parsed.success) return [];
    const p = parsed.data;
    const errorMessage = ERROR_STATES[p.detectedErrorState ?? 0] ?? '';
    const status: PrinterStatus = p.workOffline
      ? 'offline'
      : errorMessage
        ? 'error'
        : (STATUS[p.printerStatus] ?? 'unknown');
    return [
      {
        name: p.name,
        isDefault: p.isDefault,
        status,
        statusMessage: p.workOffline ? 'Use printer offline' : errorMessage,
        description: text(p.comment),
        location: text(p.location),
        uri: text(p.port),
        driver: text(p.driver),
        shared: p.shared ?? null,
        jobs: jobs
          .filter((job) => job.printer === p.name)
          .map((job) => ({
            id: job.id,
            owner: text(job.owner),
            sizeBytes: numberOrNull(job.size),
            submittedAt: isoDateTime(job.submitted ?? ''),
            status: text(job.status),
          })),
      },
    ];
  });
  const running = report.spooler === 'Running';
  return { spooler: 'windows', spoolerRunning: running, printers: running ? printers : [] };
}

export async function windowsPrinters(run: CommandRunner): Promise<Printers> {
  return parseWindowsPrinters(await runPowerShellJson(run, WINDOWS_PRINTERS_SCRIPT));
}
