import { csvText, type AuditEntry, type AuditPage, type AuditQuery } from '@deskside/core';
import { EXPORT_PAGE_SIZE } from './audit-query';

export const AUDIT_CSV_COLUMNS = ['at', 'analyst', 'pc', 'action', 'subject', 'details'] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

/**
 * The entries as CSV: a header row in the analyst's language, then one row per entry with
 * its values as recorded (the time in UTC, the action's id, the details as JSON), lines
 * ended by CRLF.
 */
export function auditCsv(
  entries: readonly AuditEntry[],
  headers: Record<AuditCsvColumn, string>,
): string {
  const rows = [
    AUDIT_CSV_COLUMNS.map((column) => headers[column]),
    ...entries.map((entry) => [
      entry.at,
      entry.analyst,
      entry.pc,
      entry.action,
      entry.subject,
      JSON.stringify(entry.details),
    ]),
  ];
  return csvText(rows);
}

/**
 * Every entry matching `query`, newest first, read in pages until the log says there are
 * no more. An entry written meanwhile moves the later pages along by one: an entry read
 * twice is kept once.
 */
export async function readAllEntries(
  read: (query: AuditQuery) => Promise<AuditPage>,
  query: Omit<AuditQuery, 'limit' | 'offset'>,
  onProgress: (count: number) => void = () => undefined,
): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  const seen = new Set<number>();
  for (let offset = 0; ;) {
    const page = await read({ ...query, limit: EXPORT_PAGE_SIZE, offset });
    for (const entry of page.entries) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push(entry);
    }
    onProgress(entries.length);
    offset += page.entries.length;
    if (!page.hasMore || page.entries.length === 0) return entries;
  }
}

/** The file's name: the desk's audit log, and the day it was taken, `deskside-audit-2026-12-02.csv`. */
export function auditCsvFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `deskside-audit-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** A detail's value as the page shows it: text as it is, a list of words joined, else JSON. */
export function detailText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(', ');
  }
  // JSON.stringify gives undefined for undefined (and functions), whatever its type says.
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}
