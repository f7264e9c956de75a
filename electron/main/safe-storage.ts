import { safeStorage } from 'electron';
import type { Keychain } from '@deskside/core';
import { createKeyFileSecretBox, type SecretBox } from '../services/secrets/secret-box';

const PREFIX = 'ss1:';

/** The part of Electron's safeStorage used here; getSelectedStorageBackend exists on Linux. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

const LINUX_KEYCHAINS: Readonly<Record<string, Keychain>> = {
  gnome_libsecret: 'gnome-libsecret',
  kwallet: 'kwallet',
  kwallet5: 'kwallet',
  kwallet6: 'kwallet',
};

/**
 * The OS keychain safeStorage seals with, or null where it has none. On Linux safeStorage
 * says it can encrypt even without a keyring: its backend is then `basic_text` (a password
 * written into Chromium, the same on every computer) or `unknown`, which protect nothing.
 */
export function osKeychain(storage: SafeStorage, platform: NodeJS.Platform): Keychain | null {
  if (!storage.isEncryptionAvailable()) return null;
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-dpapi';
  const backend = storage.getSelectedStorageBackend?.();
  return (backend !== undefined && LINUX_KEYCHAINS[backend]) || null;
}

/**
 * Secrets sealed with the OS keychain through Electron's safeStorage. Where the OS offers
 * none, the key-file box seals them and the settings page says so. Call it once the app is
 * ready (safeStorage's backend is chosen then).
 */
export function createSafeStorageSecretBox(
  dataDir: string,
  storage: SafeStorage = safeStorage,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const keychain = osKeychain(storage, platform);
  const keyFile = createKeyFileSecretBox(dataDir, 'no-keychain');
  // Either box opens what the other sealed: secrets sealed in browser mode, and those sealed
  // by safeStorage before its backend was known to be none.
  const open = (sealed: string) =>
    sealed.startsWith(PREFIX)
      ? storage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'))
      : keyFile.open(sealed);
  if (!keychain) return { ...keyFile, open };
  return {
    protection: { kind: 'os-keychain', keychain },
    seal: (plain) => PREFIX + storage.encryptString(plain).toString('base64'),
    open,
  };
}
