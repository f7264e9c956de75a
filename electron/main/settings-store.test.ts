import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Conf from 'conf';
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

/** What electron-store hands conf, read back from a conf subclass standing in for it. */
const seenByConf = vi.hoisted(() => [] as unknown[]);
vi.mock('conf', async (importOriginal) => {
  const { default: RealConf } = await importOriginal<{ default: typeof Conf }>();
  class RecordingConf<T extends Record<string, unknown>> extends RealConf<T> {
    constructor(options: ConstructorParameters<typeof RealConf<T>>[0]) {
      seenByConf.push({ ...options });
      super(options);
    }
  }
  return { default: RecordingConf };
});

const folders = temporaryFolders('deskside-electron-settings-');
let dataDir: string;
beforeEach(async () => {
  dataDir = await folders.make();
  seenByConf.length = 0;
});
afterEach(() => folders.removeAll());

describe('the electron-store settings store (with a stand-in electron module)', () => {
  it('hands conf the same file name, folder and defaults as the conf store', async () => {
    const { electronSettingsStore } = await import('./settings-store');
    const options: SettingsStoreOptions = settingsStoreOptions(dataDir);
    const desktop = electronSettingsStore(options);
    expect(seenByConf).toEqual([
      {
        cwd: dataDir,
        configName: 'settings',
        defaults: { language: null, displayName: null },
        // electron-store adds the app's version, which conf needs only for migrations.
        projectVersion: undefined,
      },
    ]);
    expect(desktop.path).toBe(confSettingsStore(options).path);
    expect(desktop.path).toBe(path.join(dataDir, 'settings.json'));
  });

  it('opens the file the conf store wrote, and conf reads what it writes', async () => {
    const { electronSettingsStore } = await import('./settings-store');
    new SettingsService(dataDir, confSettingsStore).update({ language: 'el' });
    const desktop = new SettingsService(dataDir, electronSettingsStore);
    expect(desktop.get()).toEqual({ language: 'el', displayName: null });
    desktop.update({ displayName: 'Nikos' });
    expect(new SettingsService(dataDir).get()).toEqual({ language: 'el', displayName: 'Nikos' });
    expect(JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toEqual({
      language: 'el',
      displayName: 'Nikos',
    });
  });
});
