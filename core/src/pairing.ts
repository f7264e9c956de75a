import * as z from 'zod/mini';

// zod/mini: the agent checks tokens and console ids while it idles (README, "Keeping the
// idle agent small").

/**
 * Pairing: `deskside-agent pair` prints a one-time code on the employee's PC; the user reads
 * it out and the analyst's console exchanges it, once, for a credential of its own.
 *
 * A code is 10 characters of Crockford's base32 (50 bits): short enough to read out over
 * the phone, and with the agent refusing all pending codes after a few wrong attempts, far
 * too many to guess. On the wire it is always the canonical form, without the dash.
 */
export const PAIRING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 10;

export const PairingCodeSchema = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{10}$/, 'A pairing code is 10 letters and digits'));

/**
 * Reads a code as a person typed it: any case, with spaces or dashes, and the letters
 * Crockford's base32 leaves out read as the digits they resemble (O as 0, I and L as 1).
 * Returns the canonical form, or null when it cannot be a code.
 */
export function normalizePairingCode(text: string): string | null {
  const canonical = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return PairingCodeSchema.safeParse(canonical).success ? canonical : null;
}

/** "K7M2P9Q4XR" -> "K7M2P-9Q4XR", the form `deskside-agent pair` prints. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A console's id on one agent, as `deskside-agent consoles list` shows it. */
export const ConsoleIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]{1,40}$/, 'A console id is lower-case letters and digits'));

/** A label for a console; shown in `consoles list` and the audit log, so no control characters. */
export const ConsoleNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(100),
    z.regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u, 'A console name has no control characters'),
  );

/**
 * A console's credential for one agent. Printable ASCII without spaces, long enough that
 * guessing is hopeless; agents generate 43-character base64url tokens.
 */
export const ConsoleTokenSchema = z
  .string()
  .check(
    z.minLength(24, 'A console token has at least 24 characters'),
    z.maxLength(512),
    z.regex(/^[\x21-\x7e]+$/, 'A console token is printable ASCII without spaces'),
  );
