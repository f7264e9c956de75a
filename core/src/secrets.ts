import { z } from 'zod';

/**
 * The OS keychains Electron's safeStorage seals with: the macOS Keychain, Windows' data
 * protection (DPAPI), and on Linux the Secret Service (GNOME Keyring, libsecret) or KWallet.
 */
export const KEYCHAINS = ['macos-keychain', 'windows-dpapi', 'gnome-libsecret', 'kwallet'] as const;
export type Keychain = (typeof KEYCHAINS)[number];

/**
 * What protects this console's secrets (console tokens, remembered SSH logins): an OS keychain,
 * or a key file in the data folder readable only by the user, in browser mode and where the
 * OS offers no keychain (Linux without a keyring, where safeStorage's own fallback would be a
 * password written into Chromium).
 */
export const SecretProtectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('os-keychain'), keychain: z.enum(KEYCHAINS) }),
  z.object({ kind: z.literal('key-file'), reason: z.enum(['browser-mode', 'no-keychain']) }),
]);
export type SecretProtection = z.infer<typeof SecretProtectionSchema>;
