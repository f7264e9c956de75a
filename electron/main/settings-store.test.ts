import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsService } from '../services/settings/settings-service';
import {
  confSettingsStore,
  settingsStoreOptions,
  type SettingsStoreOptions,
} from '../services/settings/settings-store';

// Electron's binary cannot run under Node: a stand-in `electron` module with no app and no
// ipcMain, as electron-store sees it outside Electron's main process. Every option
// electron-store would default from `app` is given by settingsStoreOptions.
vi.mock('electron', () => ({ default: {} }));

const folders = temporaryFolders('deskside-electron-settings-');
let dataDir: string;
beforeEach(async () => {
  dataDir = await folders.make();
});
afterEach(() => folders.removeAll());

describe('the electron-store settings store (with a stand-in electron module)', () => {
  it('opens the same file, with the same defaults, as the conf store', async () => {
    const { electronSettingsStore } = await import('./settings-store');
    const options: SettingsStoreOptions = settingsStoreOptions(dataDir);
    const desktop = electronSettingsStore(options);
    const browser = confSettingsStore(options);
    expect(desktop.path).toBe(path.join(dataDir, 'settings.json'));
    expect(desktop.path).toBe(browser.path);
    expect(desktop.store).toEqual({ language: null, displayName: null, fleet: null });
    expect(desktop.store).toEqual(browser.store);
  });

  it('opens the file the conf store wrote, and conf reads what it writes', async () => {
    const { electronSettingsStore } = await import('./settings-store');
    new SettingsService(dataDir, confSettingsStore).update({ language: 'el' });
    const desktop = new SettingsService(dataDir, electronSettingsStore);
    expect(desktop.get()).toEqual({ language: 'el', displayName: null, fleet: null });
    desktop.update({ displayName: 'Nikos' });
    expect(new SettingsService(dataDir).get()).toEqual({
      language: 'el',
      displayName: 'Nikos',
      fleet: null,
    });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual({
      language: 'el',
      displayName: 'Nikos',
      fleet: null,
    });
  });
});
