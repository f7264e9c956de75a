/** The byte order mark that makes spreadsheet programs read a CSV file as UTF-8 (Greek included). */
export const CSV_BOM = '\uFEFF';

/** A number as a language writes it: "+3", "-12", "1.234,5", "87,5 %" (no formula can hide in it). */
const FORMATTED_NUMBER = /^[+\-\u2212]?\d[\d.,\s\u00a0\u202f']*(\s?%)?$/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, its
 * quotes doubled. A value a spreadsheet would run as a formula (=, +, -, @, a tab or a
 * carriage return first) gets a leading apostrophe: exports hold names others chose. With
 * `numbers`, a value that is only a formatted number ("+3", "-12 %") is left as it is.
 */
export function csvField(value: string, numbers = false): string {
  const formula = /^[=+\-@\t\r]/.test(value) && !(numbers && FORMATTED_NUMBER.test(value));
  const inert = formula ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Records as CSV text, each ended by CRLF; `numbers` as for `csvField`. */
export function csvText(records: readonly (readonly string[])[], numbers = false): string {
  return records
    .map((record) => `${record.map((field) => csvField(field, numbers)).join(',')}\r\n`)
    .join('');
}
