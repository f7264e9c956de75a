import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_BOM } from './csv';
import { reportToCsv } from './report-csv';
import { ReportDocumentSchema, type ReportDocumentInput } from './report-document';

const input: ReportDocumentInput = {
  title: 'Επαναλαμβανόμενα προβλήματα',
  filters: 'Τελευταίες 4 εβδομάδες · Ομάδα: Υποστήριξη',
  generatedAt: '2 Δεκ 2026, 17:05',
  language: 'el',
  sections: [
    {
      heading: 'Κατηγορίες',
      chart: {
        kind: 'bar',
        categories: ['Εκτυπωτής', 'VPN'],
        series: [{ name: 'Tickets', values: [12, 3] }],
      },
      table: {
        columns: [{ label: 'Κατηγορία' }, { label: 'Αιτήματα', align: 'end' }],
        rows: [
          ['Εκτυπωτής', '12'],
          ['VPN, "remote"', '3'],
          ['two\nlines', '1,5'],
        ],
      },
    },
    {
      heading: 'Machines',
      table: { columns: [{ label: 'Machine' }], rows: [['PC-001']] },
    },
  ],
};
const document = ReportDocumentSchema.parse(input);

describe('a report as CSV', () => {
  it('starts with a UTF-8 byte order mark and ends each record with CRLF', () => {
    const csv = reportToCsv(document);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"VPN, ""remote""",3\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back, Greek included, as one block per section with its heading', () => {
    const records: string[][] = parse(reportToCsv(document), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    expect(records.slice(0, 3)).toEqual([
      ['Επαναλαμβανόμενα προβλήματα'],
      ['Τελευταίες 4 εβδομάδες · Ομάδα: Υποστήριξη'],
      ['2 Δεκ 2026, 17:05'],
    ]);
    const rest = records.slice(3).map((record) => record.join('|'));
    expect(rest).toEqual([
      '',
      'Κατηγορίες',
      'Κατηγορία|Αιτήματα',
      'Εκτυπωτής|12',
      'VPN, "remote"|3',
      'two\nlines|1,5',
      '',
      'Machines',
      'Machine',
      'PC-001',
    ]);
  });

  it('makes a cell a spreadsheet would run as a formula inert, and leaves signed numbers as they are', () => {
    const formula = structuredClone(input);
    formula.sections[1]!.table.rows = [
      ['=HYPERLINK("http://example.org")'],
      ['-2+3'],
      ['+3'],
      ['-12,5 %'],
    ];
    const csv = reportToCsv(ReportDocumentSchema.parse(formula));
    expect(csv).toContain(
      `\r\n"'=HYPERLINK(""http://example.org"")"\r\n'-2+3\r\n+3\r\n"-12,5 %"\r\n`,
    );
  });
});

describe('the report document schema', () => {
  it('refuses a row whose cells do not match the columns, and a series of the wrong length', () => {
    const badRow = structuredClone(input);
    badRow.sections[0]!.table.rows.push(['only one']);
    expect(ReportDocumentSchema.safeParse(badRow).success).toBe(false);
    const badSeries = structuredClone(input);
    badSeries.sections[0]!.chart!.series[0]!.values = [1];
    expect(ReportDocumentSchema.safeParse(badSeries).success).toBe(false);
  });
});
