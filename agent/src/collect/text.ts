/** Small parsing helpers shared by the collectors. */

/** A trimmed string; "" for anything else and for the "-" some tools print for unknown. */
export function text(value: unknown): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '-' ? '' : trimmed;
}

/** A finite non-negative number, or null. Accepts numeric strings. */
export function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** A finite non-negative number, or 0. */
export function count(value: unknown): number {
  return numberOrNull(value) ?? 0;
}

/** Lines of a command's output without the trailing empty one, whatever the line ending. */
export function lines(output: string): string[] {
  return output.split(/\r?\n/).filter((line, i, all) => line !== '' || i < all.length - 1);
}

/** "20231107" -> "2023-11-07" (a real date only), else null. */
export function compactDate(value: unknown): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text(value));
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** An ISO date-time in UTC from anything Date can read, or null. */
export function isoDateTime(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
