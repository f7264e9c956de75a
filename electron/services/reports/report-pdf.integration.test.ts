import {
  REPORT_SERIES_COLOURS,
  ReportDocumentSchema,
  type ReportDocumentInput,
} from '@deskside/core';
import { afterEach, describe, expect, it } from 'vitest';
import { callError } from '#test/helpers/console';
import { consolesOnStores } from '#test/helpers/stores';
import { colourBox, inkedShare, renderPdf } from '#test/helpers/pdf-pages';
import { niceScale, renderReportPdf } from './report-pdf';

const [BAR_COLOUR, LINE_COLOUR] = REPORT_SERIES_COLOURS;

function longReport(rows: number): ReportDocumentInput {
  return {
    title: 'Επαναλαμβανόμενα προβλήματα',
    filters: 'Τελευταίες 12 εβδομάδες · Ομάδα: Υποστήριξη',
    generatedAt: '2 Δεκ 2026, 17:05',
    language: 'el',
    sections: [
      {
        heading: 'Κατηγορίες',
        chart: {
          kind: 'bar',
          categories: ['Εκτυπωτής', 'VPN', 'Ηλεκτρονικό ταχυδρομείο', 'Δίσκος'],
          series: [{ name: 'Αιτήματα', values: [42, 17, 9, 3] }],
          valueLabel: 'Αιτήματα',
        },
        table: {
          columns: [
            { label: 'Μηχάνημα' },
            { label: 'Κατηγορία' },
            { label: 'Αιτήματα', align: 'end' },
          ],
          rows: Array.from({ length: rows }, (_, at) => [
            `PC-${String(at + 1).padStart(4, '0')}`,
            at % 2 ? 'Εκτυπωτής' : 'VPN, "remote"',
            String((at * 7) % 50),
          ]),
        },
      },
    ],
  };
}

describe('a report as PDF, rendered by poppler', () => {
  it('spreads a long table over pages, each inked, with the chart in its bars colour at the top of page one', async () => {
    const pdf = await renderReportPdf(ReportDocumentSchema.parse(longReport(240)));
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes).toBe(bytes.length);

    const { pages, text } = await renderPdf(bytes);
    // 240 rows of about 17 pt, about 40 to a page, after the chart on the first.
    expect(pages.length).toBe(pdf.pages);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeLessThanOrEqual(8);
    for (const page of pages) expect(inkedShare(page)).toBeGreaterThan(0.01);

    const bars = colourBox(pages[0]!, BAR_COLOUR);
    expect(bars).not.toBeNull();
    expect(bars!.top).toBeGreaterThan(0.1);
    expect(bars!.bottom).toBeLessThan(0.45);
    expect(bars!.left).toBeGreaterThan(0.1);
    expect(colourBox(pages[1]!, BAR_COLOUR)).toBeNull();

    expect(text).toContain('Επαναλαμβανόμενα προβλήματα');
    expect(text).toContain('Τελευταίες 12 εβδομάδες');
    expect(text).toContain('PC-0240');
    expect(text).toContain('VPN, "remote"');
    expect(text).toMatch(new RegExp(`1\\s*/\\s*${pages.length}`));
    // The header row is repeated on every page the table continues on.
    const textPages = text.split('\f').filter((page) => page.trim());
    expect(textPages).toHaveLength(pages.length);
    for (const page of textPages) expect(page).toContain('Μηχάνημα');
  });

  it('draws a line chart with one colour per series and the numbers of its axis', async () => {
    const report = ReportDocumentSchema.parse({
      title: 'Service figures',
      filters: 'Last 4 weeks',
      generatedAt: '2 Dec 2026, 17:05',
      language: 'en',
      sections: [
        {
          heading: 'Created and resolved per week',
          chart: {
            kind: 'line',
            categories: ['W45', 'W46', 'W47', 'W48'],
            series: [
              { name: 'Created', values: [1200, 900, 1500, 1100] },
              { name: 'Resolved', values: [1000, 1300, 1250, 1400] },
            ],
          },
          table: {
            columns: [
              { label: 'Week' },
              { label: 'Created', align: 'end' },
              { label: 'Resolved', align: 'end' },
            ],
            rows: [['W45', '1,200', '1,000']],
          },
        },
      ],
    });
    const { pages, text } = await renderPdf(
      Buffer.from((await renderReportPdf(report)).base64, 'base64'),
      72,
    );
    expect(pages).toHaveLength(1);
    expect(colourBox(pages[0]!, BAR_COLOUR)?.count ?? 0).toBeGreaterThan(20);
    expect(colourBox(pages[0]!, LINE_COLOUR)?.count ?? 0).toBeGreaterThan(20);
    expect(text).toContain('1,500');
    expect(text).toContain('Resolved');
    expect(text).toContain('W48');
  });

  it('rounds the value axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(42)).toEqual({ top: 50, step: 10 });
    expect(niceScale(1500)).toEqual({ top: 1500, step: 500 });
    expect(niceScale(0)).toEqual({ top: 5, step: 1 });
    expect(niceScale(7)).toEqual({ top: 8, step: 2 });
  });
});

describe('reports.pdf through the contract', () => {
  const consoles = consolesOnStores();
  afterEach(() => consoles.disposeAll());

  it('answers the PDF of a valid document and refuses one whose rows do not fit its columns', async () => {
    const desk = await consoles.open('sqlite');
    const made = await desk.call('reports.pdf', longReport(3));
    expect(Buffer.from(made.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(made.pages).toBe(1);

    const ragged = longReport(3);
    ragged.sections[0]!.table.rows.push(['PC-9999']);
    const error = await callError(desk.call('reports.pdf', ragged));
    expect(error).toMatchObject({
      code: 'validation',
      issues: [{ path: 'sections.0.table.rows' }],
    });
    const endless = longReport(6_000);
    expect(await callError(desk.call('reports.pdf', endless))).toMatchObject({
      code: 'validation',
    });
  });
});
