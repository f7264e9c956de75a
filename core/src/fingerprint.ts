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

export const FingerprintSchema = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    const normalized = normalizeFingerprint(text);
    if (normalized === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'A fingerprint is 64 hexadecimal digits (SHA-256), optionally separated by colons',
      });
      return z.NEVER;
    }
    return normalized;
  });
