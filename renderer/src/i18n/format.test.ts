import { describe, expect, it } from 'vitest';
import { formatDuration, formatList, formatNumber, formatPercent, formatRelative } from './format';

describe('formatting in the UI language', () => {
  it('formats each locale and option its own way, however often a formatter is reused', () => {
    for (let i = 0; i < 3; i++) {
      expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
      expect(formatNumber(1234.56, 'nl')).toBe('1.234,6');
      expect(formatPercent(42, 'fr')).toMatch(/^42\s%$/);
      expect(formatDuration(90_000, 'en')).toBe('1 day 1 hour');
      expect(formatDuration(90_000, 'nl')).toBe('1 dag 1 uur');
    }
  });

  it('says relative times and lists in the language', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(formatRelative('2026-12-02T07:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelative('2026-12-02T07:00:00Z', now, 'fr')).toBe('il y a 3 heures');
    expect(formatRelative('2026-12-03T10:00:00Z', now, 'en')).toBe('tomorrow');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b, and c');
    expect(formatList(['a', 'b', 'c'], 'nl')).toBe('a, b en c');
  });
});
