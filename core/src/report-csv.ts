import { CSV_BOM, csvText } from './csv';
import type { ReportDocument } from './report-document';

/**
 * A report document as CSV text: the title, the filters line and when it was generated, then
 * one block per section (its heading, the column labels, the rows), blocks apart by an empty
 * record. Records end in CRLF (RFC 4180); the text starts with a UTF-8 byte order mark. A
 * cell a spreadsheet would run as a formula is made inert (`csvField`); a signed number
 * ("+3", "-12 %") is not one.
 */
export function reportToCsv(document: ReportDocument): string {
  const records: string[][] = [[document.title], [document.filters], [document.generatedAt]];
  for (const section of document.sections) {
    records.push(
      [],
      [section.heading],
      section.table.columns.map((column) => column.label),
    );
    records.push(...section.table.rows);
  }
  return CSV_BOM + csvText(records, true);
}
