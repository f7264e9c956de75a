import PDFDocument from 'pdfkit';
import {
  DesksideError,
  REPORT_PDF_MAX_BYTES,
  REPORT_SERIES_COLOURS,
  type ReportDocumentChart,
  type ReportDocument,
  type ReportPdf,
  type ReportDocumentTable,
} from '@deskside/core';

/**
 * DejaVu Sans (Latin and Greek; PDF's standard fonts have no Greek), from the
 * `dejavu-fonts-ttf` package in node_modules: a dependency of the packaged app, so the same
 * path resolves in a dev build, in the packed app.asar and in tests. Resolved when a PDF is
 * made, not when the module loads: both bundles have a `require` (CommonJS, or the ES
 * module's banner), but a process running the services from source as an ES module (tsx:
 * the seed, benchmarks, test children) has none, and must still be able to import them.
 */
function fonts(): { regular: string; bold: string } {
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}

const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };
const CHART = { height: 170, axisWidth: 44, labelsHeight: 26 };
const TABLE = { fontSize: 8.5, padding: 3.5 };
const INK = '#111827';
const MUTED = '#4b5563';
const RULE = '#d1d5db';

type Doc = PDFKit.PDFDocument;

/** Lays a report document out on A4 pages: title, filters, each section's chart and table, page numbers. */
export async function renderReportPdf(report: ReportDocument): Promise<ReportPdf> {
  const font = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: font.regular,
    lang: report.language,
    displayTitle: true,
    info: { Title: report.title, Creator: 'Deskside' },
  });
  doc.registerFont('regular', font.regular);
  doc.registerFont('bold', font.bold);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => {
      bytes += chunk.length;
      if (bytes <= REPORT_PDF_MAX_BYTES) chunks.push(chunk);
    });
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const numbers = new Intl.NumberFormat(report.language, { maximumFractionDigits: 1 });
  doc
    .fillColor(INK)
    .font('bold')
    .fontSize(18)
    .text(report.title, { width: contentWidth(doc) });
  doc.moveDown(0.3).font('regular').fontSize(9.5).fillColor(MUTED);
  doc.text(report.filters, { width: contentWidth(doc) });
  doc.text(report.generatedAt, { width: contentWidth(doc) });
  doc.moveDown(0.8);

  for (const section of report.sections) {
    const needed = 30 + (section.chart ? chartHeight(section.chart) : 0) + 40;
    if (doc.y + needed > bottom(doc)) doc.addPage();
    doc.fillColor(INK).font('bold').fontSize(13).text(section.heading, MARGIN.left, doc.y);
    doc.moveDown(0.4);
    if (section.chart) drawChart(doc, section.chart, numbers);
    drawTable(doc, section.table);
    doc.moveDown(1.2);
  }
  numberPages(doc);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await finished;
  if (bytes > REPORT_PDF_MAX_BYTES) {
    throw new DesksideError(
      'validation',
      'The report is too long for one PDF: narrow its filters.',
    );
  }
  return { base64: Buffer.concat(chunks).toString('base64'), bytes, pages };
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

function chartHeight(chart: ReportDocumentChart): number {
  return (
    CHART.height + CHART.labelsHeight + (chart.series.length > 1 || chart.valueLabel ? 16 : 0) + 12
  );
}

/** A rounded upper bound for the value axis, and its step: 1, 2 or 5 times a power of ten. */
export function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return { top: Math.ceil(max / step) * step, step };
}

function drawChart(doc: Doc, chart: ReportDocumentChart, numbers: Intl.NumberFormat): void {
  const left = MARGIN.left + CHART.axisWidth;
  const width = contentWidth(doc) - CHART.axisWidth;
  let top = doc.y;
  doc.font('regular').fontSize(7.5);
  if (chart.series.length > 1 || chart.valueLabel) {
    drawLegend(doc, chart, top);
    top += 16;
  }
  const base = top + CHART.height;
  const values = chart.series.flatMap((series) => series.values);
  const { top: max, step } = niceScale(Math.max(0, ...values));
  const y = (value: number) => base - (Math.max(0, value) / max) * CHART.height;

  for (let tick = 0; tick <= max + step / 2; tick += step) {
    doc
      .moveTo(left, y(tick))
      .lineTo(left + width, y(tick))
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.fillColor(MUTED).text(numbers.format(tick), MARGIN.left, y(tick) - 4, {
      width: CHART.axisWidth - 6,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.moveTo(left, top).lineTo(left, base).lineWidth(0.8).strokeColor(MUTED).stroke();

  const slot = width / chart.categories.length;
  chart.series.forEach((series, index) => {
    const colour = REPORT_SERIES_COLOURS[index % REPORT_SERIES_COLOURS.length] ?? INK;
    if (chart.kind === 'bar') {
      const barWidth = (slot * 0.72) / chart.series.length;
      series.values.forEach((value, at) => {
        const x = left + at * slot + slot * 0.14 + index * barWidth;
        doc.rect(x, y(value), barWidth, base - y(value)).fill(colour);
      });
    } else {
      series.values.forEach((value, at) => {
        const x = left + (at + 0.5) * slot;
        if (at === 0) doc.moveTo(x, y(value));
        else doc.lineTo(x, y(value));
      });
      doc.lineWidth(1.6).strokeColor(colour).stroke();
      series.values.forEach((value, at) =>
        doc.circle(left + (at + 0.5) * slot, y(value), 1.8).fill(colour),
      );
    }
  });

  // Category labels: as many as fit, evenly spread.
  const every = Math.max(1, Math.ceil(chart.categories.length / Math.floor(width / 48)));
  doc.fillColor(MUTED).fontSize(7);
  chart.categories.forEach((label, at) => {
    if (at % every !== 0) return;
    doc.text(label, left + at * slot - (every * slot) / 2 + slot / 2, base + 4, {
      width: every * slot,
      height: CHART.labelsHeight - 4,
      align: 'center',
      ellipsis: true,
    });
  });
  doc.x = MARGIN.left;
  doc.y = base + CHART.labelsHeight + 12;
}

function drawLegend(doc: Doc, chart: ReportDocumentChart, top: number): void {
  let x = MARGIN.left;
  if (chart.valueLabel) {
    doc.fillColor(MUTED).text(chart.valueLabel, x, top, { lineBreak: false });
    x += doc.widthOfString(chart.valueLabel) + 16;
  }
  if (chart.series.length < 2) return;
  chart.series.forEach((series, index) => {
    doc
      .rect(x, top + 1, 8, 8)
      .fill(REPORT_SERIES_COLOURS[index % REPORT_SERIES_COLOURS.length] ?? INK);
    doc.fillColor(INK).text(series.name, x + 11, top, { lineBreak: false });
    x += 11 + doc.widthOfString(series.name) + 14;
  });
}

/** Column widths in proportion to their longest text, each at least a little wide. */
function columnWidths(doc: Doc, table: ReportDocumentTable): number[] {
  const weights = table.columns.map((column, at) => {
    const longest = Math.max(
      column.label.length,
      ...table.rows.slice(0, 500).map((row) => row[at]?.length ?? 0),
    );
    return Math.min(Math.max(longest, 5), 40);
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (weight / total) * contentWidth(doc));
}

function drawTable(doc: Doc, table: ReportDocumentTable): void {
  const widths = columnWidths(doc, table);
  const header = table.columns.map((column) => column.label);
  const rowHeight = (cells: readonly string[]) =>
    Math.max(
      ...cells.map((cell, at) =>
        doc.heightOfString(cell || ' ', { width: (widths[at] ?? 0) - 2 * TABLE.padding }),
      ),
    ) +
    2 * TABLE.padding;

  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(TABLE.fontSize);
    const height = rowHeight(cells);
    const top = doc.y;
    if (bold) doc.rect(MARGIN.left, top, contentWidth(doc), height).fill('#e5e7eb');
    let x = MARGIN.left;
    cells.forEach((cell, at) => {
      const width = widths[at] ?? 0;
      doc.fillColor(INK).text(cell, x + TABLE.padding, top + TABLE.padding, {
        width: width - 2 * TABLE.padding,
        align: table.columns[at]?.align === 'end' ? 'right' : 'left',
      });
      x += width;
    });
    doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + contentWidth(doc), top + height);
    doc.lineWidth(0.4).strokeColor(RULE).stroke();
    doc.x = MARGIN.left;
    doc.y = top + height;
  };

  doc.font('bold').fontSize(TABLE.fontSize);
  if (doc.y + rowHeight(header) * 2 > bottom(doc)) doc.addPage();
  drawRow(header, true);
  for (const row of table.rows) {
    doc.font('regular').fontSize(TABLE.fontSize);
    if (doc.y + rowHeight(row) > bottom(doc)) {
      doc.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
}

/** "n / N" at the foot of every page, written once the page count is known. */
function numberPages(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(`${page + 1} / ${count}`, MARGIN.left, doc.page.height - MARGIN.bottom + 20, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = keep;
  }
}
