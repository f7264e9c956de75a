import { describe, expect, it, vi } from 'vitest';
import { csvField, type AuditEntry, type AuditPage, type AuditQuery } from '@deskside/core';
import { auditCsv, auditCsvFileName, detailText, readAllEntries } from './audit-csv';

const HEADERS = {
  at: 'Time',
  analyst: 'Analyst',
  pc: 'PC',
  action: 'Action',
  subject: 'Subject',
  details: 'Details',
};

const entry = (id: number, change: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-12-02T08:15:00.000Z',
  analyst: 'ada',
  pc: 'deskside@PC-01',
  action: 'machine.paired',
  subject: '0b7e6d5c-4a39-4281-9f0e-1d2c3b4a5968',
  details: {},
  ...change,
});

/** A CSV file read back as RFC 4180 says: the rows and their fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field, 'the file ends with a line break').toBe('');
  return rows;
}

describe('a CSV field', () => {
  it('stays as it is when nothing in it needs quoting', () => {
    expect(csvField('ada')).toBe('ada');
    expect(csvField('')).toBe('');
    expect(csvField('2026-12-02T08:15:00.000Z')).toBe('2026-12-02T08:15:00.000Z');
    expect(csvField('Ελένη Παπαδοπούλου')).toBe('Ελένη Παπαδοπούλου');
  });

  it('is quoted when it holds a comma, a quote or a line break, its quotes doubled', () => {
    expect(csvField('Jansen, Ada')).toBe('"Jansen, Ada"');
    expect(csvField('the "finance" laptop')).toBe('"the ""finance"" laptop"');
    expect(csvField('first\nsecond')).toBe('"first\nsecond"');
    expect(csvField('first\r\nsecond')).toBe('"first\r\nsecond"');
    expect(csvField('"')).toBe('""""');
  });

  it('does not start with what a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://example.org")')).toBe(
      `"'=HYPERLINK(""http://example.org"")"`,
    );
    expect(csvField('+31 20 123')).toBe("'+31 20 123");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('the audit log as CSV', () => {
  it('has a header row, then one row per entry with its details as JSON, lines ended by CRLF', () => {
    const csv = auditCsv(
      [
        entry(2, {
          action: 'analyst.added',
          subject: 'bram',
          details: { role: 'analyst' },
        }),
        entry(1, {
          pc: 'deskside@PC, "reception"',
          subject: 'Finance\nlaptop',
          details: { name: 'Finance, 2nd "floor"', checks: ['disk.free', 'dns.resolve'] },
        }),
      ],
      HEADERS,
    );
    expect(csv.split('\r\n')[0]).toBe('Time,Analyst,PC,Action,Subject,Details');
    expect(csv.split('\r\n')[1]).toBe(
      '2026-12-02T08:15:00.000Z,ada,deskside@PC-01,analyst.added,bram,"{""role"":""analyst""}"',
    );
    expect(csv.endsWith('\r\n')).toBe(true);

    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    const [, added, paired] = rows;
    expect(JSON.parse(added![5]!)).toEqual({ role: 'analyst' });
    expect(paired!.slice(0, 5)).toEqual([
      '2026-12-02T08:15:00.000Z',
      'ada',
      'deskside@PC, "reception"',
      'machine.paired',
      'Finance\nlaptop',
    ]);
    expect(JSON.parse(paired![5]!)).toEqual({
      name: 'Finance, 2nd "floor"',
      checks: ['disk.free', 'dns.resolve'],
    });
  });

  it('quotes headers too (a language whose words hold a comma)', () => {
    const csv = auditCsv([], { ...HEADERS, at: 'Date, heure' });
    expect(csv).toBe('"Date, heure",Analyst,PC,Action,Subject,Details\r\n');
  });

  it('is named after the day it was taken', () => {
    expect(auditCsvFileName(new Date(2026, 0, 5, 23, 59))).toBe('deskside-audit-2026-01-05.csv');
  });
});

describe('reading every entry for the export', () => {
  /** A log of `total` entries, newest (highest id) first, read as audit.list reads it. */
  const logOf = (total: number) => {
    const ids = Array.from({ length: total }, (_, i) => total - i);
    const read = vi.fn((query: AuditQuery) => {
      const { limit = 100, offset = 0 } = query;
      const page: AuditPage = {
        entries: ids.slice(offset, offset + limit).map((id) => entry(id)),
        hasMore: offset + limit < ids.length,
      };
      return Promise.resolve(page);
    });
    return { ids, read };
  };

  it('reads pages of 1000 with the filters until the log says there are no more', async () => {
    const { read } = logOf(2500);
    const progress: number[] = [];
    const entries = await readAllEntries(read, { action: 'checks.run' }, (n) => progress.push(n));
    expect(entries).toHaveLength(2500);
    expect(entries[0]!.id).toBe(2500);
    expect(entries.at(-1)!.id).toBe(1);
    expect(read.mock.calls.map(([query]) => query)).toEqual([
      { action: 'checks.run', limit: 1000, offset: 0 },
      { action: 'checks.run', limit: 1000, offset: 1000 },
      { action: 'checks.run', limit: 1000, offset: 2000 },
    ]);
    expect(progress).toEqual([1000, 2000, 2500]);
  });

  it('asks once for an empty log', async () => {
    const { read } = logOf(0);
    expect(await readAllEntries(read, {})).toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps an entry once when one written meanwhile moves the pages along', async () => {
    const { ids, read } = logOf(1500);
    read.mockImplementationOnce((query) => {
      const first = ids.slice(0, 1000).map((id) => entry(id));
      // Two entries arrive after the first page was read: the next page starts two later.
      ids.unshift(1502, 1501);
      return Promise.resolve({ entries: first, hasMore: query.limit! < ids.length });
    });
    const entries = await readAllEntries(read, {});
    expect(entries.map((e) => e.id)).toEqual(Array.from({ length: 1500 }, (_, i) => 1500 - i));
  });
});

describe('a detail as the page shows it', () => {
  it('is its text, a list of words joined, or JSON', () => {
    expect(detailText('csv')).toBe('csv');
    expect(detailText(['disk.free', 'dns.resolve'])).toBe('disk.free, dns.resolve');
    expect(detailText(42)).toBe('42');
    expect(detailText({ previousRole: 'analyst' })).toBe('{"previousRole":"analyst"}');
    expect(detailText(null)).toBe('null');
  });
});
