import { describe, expect, it } from 'vitest';
import { FingerprintSchema, normalizeFingerprint } from './fingerprint';

const canonical = Array.from({ length: 32 }, (_, i) =>
  (i * 7 + 10).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

describe('fingerprints', () => {
  it('accept every way a person might type one and show one form', () => {
    const bare = canonical.replaceAll(':', '');
    for (const typed of [
      canonical,
      canonical.toLowerCase(),
      bare,
      bare.toLowerCase(),
      ` ${canonical.replaceAll(':', ' ')} `,
    ]) {
      expect(normalizeFingerprint(typed)).toBe(canonical);
    }
  });

  it('refuse anything that is not 32 bytes of hex', () => {
    for (const typed of [
      '',
      canonical.slice(3),
      `${canonical}:00`,
      canonical.replace(/^../, 'ZZ'),
    ]) {
      expect(normalizeFingerprint(typed)).toBeNull();
      expect(FingerprintSchema.safeParse(typed).success).toBe(false);
    }
    expect(FingerprintSchema.parse(canonical.toLowerCase())).toBe(canonical);
  });
});
