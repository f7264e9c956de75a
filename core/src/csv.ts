/** The byte order mark that makes spreadsheet programs read a CSV file as UTF-8 (Greek included). */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, its
 * quotes doubled. A value a spreadsheet would run as a formula (=, +, -, @, a tab or a
 * carriage return first) gets a leading apostrophe: exports hold names others chose.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Records as CSV text, each ended by CRLF. */
export function csvText(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
