import { z } from 'zod';

/**
 * A certificate fingerprint is the SHA-256 of the certificate's DER bytes. People compare
 * them by eye and type them from a phone call, so we accept any case, with or without
 * colons or spaces, and always store and show one form: "AB:CD:...", as OpenSSL prints it.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/**
 * A string as a person types it, read into its one stored form by `normalize`, or refused
 * with `message` when `normalize` cannot read it.
 */
export function normalizedString(
  normalize: (text: string) => string | null,
  message: string,
  maxLength: number,
) {
  return z
    .string()
    .max(maxLength)
    .transform((text, ctx) => {
      const normalized = normalize(text);
      if (normalized === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return normalized;
    });
}

export const FingerprintSchema = normalizedString(
  normalizeFingerprint,
  'A fingerprint is 64 hexadecimal digits (SHA-256), optionally separated by colons',
  200,
);
