/**
 * Text as the full-text index stores and queries it, the same on SQLite and PostgreSQL:
 * lower case, accents and Greek tonos removed, final sigma folded, ligatures spelled out.
 * "Εκτυπωτής", "ΕΚΤΥΠΩΤΗΣ" and "εκτυπωτης" all become "εκτυπωτησ"; "Imprimé" and
 * "IMPRIME" both become "imprime".
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij' };

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßĳ]/g, (ch) => LIGATURES[ch] ?? ch)
    .replace(/ς/g, 'σ');
}

/** The words of a search, folded; punctuation and operators are not words. */
export function searchTerms(query: string): string[] {
  return (foldForSearch(query).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** Folded text with only words and single spaces: what goes into the index. */
export function searchDocument(...parts: string[]): string {
  return (foldForSearch(parts.join(' ')).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
