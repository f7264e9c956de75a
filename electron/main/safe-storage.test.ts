import { stat } from 'node:fs/promises';
import path from 'node:path';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyFileSecretBox } from '../services/secrets/secret-box';
import { createSafeStorageSecretBox, osKeychain, type SafeStorage } from './safe-storage';

// Electron's binary cannot run under Node: the module's default safeStorage is never used
// here; every test hands createSafeStorageSecretBox a stand-in safeStorage.
vi.mock('electron', () => ({ safeStorage: {} }));

/** A stand-in for safeStorage: "encrypts" by reversing the bytes, and counts its calls. */
function standInSafeStorage(available: boolean, backend?: string) {
  const calls = { encrypt: 0, decrypt: 0 };
  const storage: SafeStorage = {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => {
      calls.encrypt++;
      return Buffer.from(plain, 'utf8').reverse();
    },
    decryptString: (sealed) => {
      calls.decrypt++;
      return Buffer.from(sealed).reverse().toString('utf8');
    },
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  };
  return { storage, calls };
}

const folders = temporaryFolders('deskside-safe-storage-');
let dataDir: string;
beforeEach(async () => {
  dataDir = await folders.make();
});
afterEach(() => folders.removeAll());

describe('which keychain seals the secrets (stand-in safeStorage)', () => {
  it.each([
    ['linux', 'gnome_libsecret', 'gnome-libsecret'],
    ['linux', 'kwallet', 'kwallet'],
    ['linux', 'kwallet5', 'kwallet'],
    ['linux', 'kwallet6', 'kwallet'],
    ['darwin', undefined, 'macos-keychain'],
    ['win32', undefined, 'windows-dpapi'],
  ] as const)('on %s with backend %s: the OS keychain %s', (platform, backend, keychain) => {
    const { storage, calls } = standInSafeStorage(true, backend);
    const box = createSafeStorageSecretBox(dataDir, storage, platform);
    expect(box.protection).toEqual({ kind: 'os-keychain', keychain });
    const sealed = box.seal('console-token-123');
    expect(sealed.startsWith('ss1:')).toBe(true);
    expect(calls.encrypt).toBe(1);
    expect(box.open(sealed)).toBe('console-token-123');
  });

  it.each(['basic_text', 'unknown'])(
    'on Linux with backend %s: the key file, since that backend protects nothing',
    async (backend) => {
      const { storage, calls } = standInSafeStorage(true, backend);
      const box = createSafeStorageSecretBox(dataDir, storage, 'linux');
      expect(box.protection).toEqual({ kind: 'key-file', reason: 'no-keychain' });
      const sealed = box.seal('console-token-123');
      expect(sealed.startsWith('kf1:')).toBe(true);
      expect(calls.encrypt).toBe(0);
      expect(createKeyFileSecretBox(dataDir).open(sealed)).toBe('console-token-123');
      expect((await stat(path.join(dataDir, 'secrets.key'))).mode & 0o077).toBe(0);
    },
  );

  it('uses the key file where safeStorage cannot encrypt at all, on any OS', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { storage } = standInSafeStorage(false, 'gnome_libsecret');
      expect(osKeychain(storage, platform)).toBeNull();
      expect(createSafeStorageSecretBox(dataDir, storage, platform).protection.kind).toBe(
        'key-file',
      );
    }
  });

  it('uses the key file on Linux where safeStorage cannot name its backend', () => {
    expect(osKeychain(standInSafeStorage(true).storage, 'linux')).toBeNull();
  });

  it('still opens secrets sealed by the other box', () => {
    const keychain = standInSafeStorage(true, 'gnome_libsecret').storage;
    const fromKeychain = createSafeStorageSecretBox(dataDir, keychain, 'linux').seal('a');
    const fromKeyFile = createKeyFileSecretBox(dataDir).seal('b');
    const withoutKeyring = standInSafeStorage(true, 'basic_text').storage;
    const fallback = createSafeStorageSecretBox(dataDir, withoutKeyring, 'linux');
    expect(fallback.open(fromKeychain)).toBe('a');
    expect(createSafeStorageSecretBox(dataDir, keychain, 'linux').open(fromKeyFile)).toBe('b');
  });
});
