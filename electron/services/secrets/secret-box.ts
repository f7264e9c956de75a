import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SecretProtection } from '@deskside/core';

/** Seals secrets (console tokens, passphrases) before they are stored. */
export interface SecretBox {
  /** How the secrets are protected, for the settings page and logs. */
  readonly protection: SecretProtection;
  seal(plain: string): string;
  open(sealed: string): string;
}

const KEY_FILE = 'secrets.key';
const PREFIX = 'kf1:';

function loadOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
    throw new Error(`The key in ${file} is damaged; restore it from a backup`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

type KeyFileReason = Extract<SecretProtection, { kind: 'key-file' }>['reason'];

/**
 * AES-256-GCM with a key file readable only by the user. Used where the OS keychain is not
 * available (browser mode, Linux without a keyring): it keeps tokens out of the database
 * file and its backups, though not from someone who can read the user's files.
 */
export function createKeyFileSecretBox(
  dataDir: string,
  reason: KeyFileReason = 'browser-mode',
): SecretBox {
  const key = loadOrCreateKey(dataDir);
  return {
    protection: { kind: 'key-file', reason },
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('This secret was sealed by another method');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
