import { randomBytes } from 'node:crypto';
import { PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH } from '@deskside/core';

/** `length` symbols of a 32-symbol alphabet, 5 random bits each (a byte's low 5 bits are uniform). */
function randomSymbols(alphabet: string, length: number): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte & 31]).join('');
}

/** A one-time pairing code: 10 symbols of Crockford's base32, 50 bits. */
export const generatePairingCode = (): string =>
  randomSymbols(PAIRING_CODE_ALPHABET, PAIRING_CODE_LENGTH);

/** A console's id on this agent: short enough to type in `consoles revoke`. */
export const generateConsoleId = (): string =>
  randomSymbols(PAIRING_CODE_ALPHABET.toLowerCase(), 8);

/** A console credential: 256 random bits, 43 characters of base64url. */
export const generateCredential = (): string => randomBytes(32).toString('base64url');
