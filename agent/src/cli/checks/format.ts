import {
  formatBytes,
  type CheckCatalogEntry,
  type CheckResult,
  type CheckStatus,
} from '@deskside/core';
import { describeParams } from './params';

const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  error: 'ERROR',
};

/** Exit codes of `check`, as monitoring tools read them (Nagios plugin convention). */
export const STATUS_EXIT_CODE: Record<CheckStatus, number> = {
  pass: 0,
  warn: 1,
  fail: 2,
  error: 3,
};

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** `pid=77 name=cron cpuPercent=0.2`: one record of a list on one line. */
function formatRecord(item: unknown): string {
  if (typeof item !== 'object' || item === null) return JSON.stringify(item);
  return Object.entries(item)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('  ');
}

/** One fact's value, readable: sizes in kB, MB, GB, lists of records one per line. */
function formatFact(key: string, value: unknown): string[] {
  if (typeof value === 'number' && /Bytes$/.test(key)) return [formatBytes(value, 'en')];
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    return value.length === 0 ? ['(none)'] : value.map(formatRecord);
  }
  if (Array.isArray(value)) return [value.length === 0 ? '(none)' : value.join(', ')];
  if (value === null) return ['-'];
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

/** The results as a table a technician reads at a glance, each check's facts under it. */
export function formatResults(results: readonly CheckResult[]): string {
  const lines = table([
    ['CHECK', 'STATUS', 'RESULT', 'TIME'],
    ...results.map((result) => [
      result.checkId,
      STATUS_LABEL[result.status],
      result.code,
      `${Math.round(result.durationMs)} ms`,
    ]),
  ]);
  const out = [lines[0]!];
  results.forEach((result, index) => {
    out.push(lines[index + 1]!);
    const facts = Object.entries(result.facts);
    const width = Math.max(0, ...facts.map(([key]) => key.length));
    for (const [key, value] of facts) {
      const [first, ...rest] = formatFact(key, value);
      out.push(`    ${key.padEnd(width)}  ${first ?? ''}`);
      for (const line of rest) out.push(`    ${''.padEnd(width)}  ${line}`);
    }
  });
  const counts = results.reduce<Record<string, number>>((acc, result) => {
    acc[result.status] = (acc[result.status] ?? 0) + 1;
    return acc;
  }, {});
  const summary = (Object.keys(STATUS_LABEL) as CheckStatus[])
    .filter((status) => counts[status])
    .map((status) => `${counts[status]!} ${status}`)
    .join(', ');
  out.push('', `${results.length} check${results.length === 1 ? '' : 's'}: ${summary}`);
  return out.join('\n');
}

/** The catalog as a table: id, what it checks, its parameters, and whether it runs here. */
export function formatCatalog(entries: readonly CheckCatalogEntry[], platform: string): string {
  const lines = table([
    ['CHECK', 'WHAT IT CHECKS', 'PARAMETERS'],
    ...entries.map((entry) => [
      entry.id,
      entry.os.includes(platform as never)
        ? entry.summary
        : `${entry.summary} (not on ${platform})`,
      describeParams(entry) || '-',
    ]),
  ]);
  return [
    ...lines,
    '',
    'Run one: deskside-agent check <check> [--parameter value ...] [--json]',
    'Run every check that needs no parameter: deskside-agent check --all',
  ].join('\n');
}
