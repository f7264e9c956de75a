import ElectronStore from 'electron-store';
import type { ConsoleSettings } from '@deskside/core';
import type { SettingsStoreFactory } from '../services/settings/settings-store';

/**
 * The desktop app's settings store: electron-store, on the same file as browser mode's conf
 * store (electron-store 11 is conf 15 with Electron's defaults, and every default it would
 * choose is given here). Imported only from Electron's main process: it loads `electron`.
 */
export const electronSettingsStore: SettingsStoreFactory = (options) =>
  new ElectronStore<ConsoleSettings>(options);
