import { createHash } from 'node:crypto';
import { normalizeSshFingerprint } from '@deskside/core';

/** OpenSSH's fingerprint of a public key blob (the base64 of a known_hosts line, decoded). */
export function fingerprintOfKey(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** ssh2's `hostHash: 'sha256'` hands the verifier hex: the same digest in OpenSSH's form. */
export function fingerprintFromHex(hex: string): string {
  const fingerprint = normalizeSshFingerprint(hex);
  if (!fingerprint) throw new Error(`Not a SHA-256 digest: ${hex}`);
  return fingerprint;
}
