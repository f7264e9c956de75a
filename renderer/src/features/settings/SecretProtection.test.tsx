import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, SecretProtection as Protection } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import en from '../../i18n/en.json';
import { SecretProtection } from './SecretProtection';

beforeAll(async () => {
  await setupI18n('en');
});

const s = en.settings.secrets;

function renderWith(secrets: Protection) {
  const info: AppInfo = { version: '0.1.0', analyst: 'ada', host: 'electron', secrets };
  renderWithApi(<SecretProtection />, { 'app.info': () => info });
}

describe('the settings page says what protects the secrets', () => {
  it.each([
    ['gnome-libsecret', s.keychain['gnome-libsecret']],
    ['kwallet', s.keychain.kwallet],
    ['macos-keychain', s.keychain['macos-keychain']],
    ['windows-dpapi', s.keychain['windows-dpapi']],
  ] as const)('names the OS keychain %s', async (keychain, sentence) => {
    renderWith({ kind: 'os-keychain', keychain });
    expect(await screen.findByText(sentence)).toBeTruthy();
    expect(screen.queryByText(/key file/)).toBeNull();
  });

  it('says a key file seals them on Linux without a keyring, and how to use one', async () => {
    renderWith({ kind: 'key-file', reason: 'no-keychain' });
    expect(await screen.findByText(s.keyFile['no-keychain'])).toBeTruthy();
    expect(screen.getByRole('region', { name: s.title }).textContent).toContain('GNOME Keyring');
  });

  it('says a key file seals them in browser mode', async () => {
    renderWith({ kind: 'key-file', reason: 'browser-mode' });
    expect(await screen.findByText(s.keyFile['browser-mode'])).toBeTruthy();
  });
});
