import { safeStorage } from 'electron';
import { createKeyFileSecretBox, type SecretBox } from '../services/secrets/secret-box';

const PREFIX = 'ss1:';

/**
 * Secrets sealed with the OS keychain through Electron's safeStorage. Where the OS offers
 * none (Linux without a keyring), the key-file box is used and the settings say so.
 * Secrets sealed in browser mode (key file) stay readable here.
 */
export function createSafeStorageSecretBox(dataDir: string): SecretBox {
  const keyFile = createKeyFileSecretBox(dataDir);
  if (!safeStorage.isEncryptionAvailable()) return keyFile;
  return {
    protection: 'os-keychain',
    seal: (plain) => PREFIX + safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) =>
      sealed.startsWith(PREFIX)
        ? safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'))
        : keyFile.open(sealed),
  };
}
