import path from 'node:path';
import Conf from 'conf';
import { DEFAULT_CONSOLE_SETTINGS, type ConsoleSettings } from '@deskside/core';

/**
 * Where this console's preferences are kept: the JSON file `<dataDir>/settings.json`. The
 * desktop app keeps it with electron-store (electron/main/settings-store.ts), browser mode and
 * the tests with conf, the library electron-store is built on: same options, same file.
 */
export interface SettingsStore {
  /** The file's content as stored, which may have been edited by hand. */
  readonly store: Record<string, unknown>;
  set(settings: ConsoleSettings): void;
  /** The file's path. */
  readonly path: string;
}

/** The options every settings store is opened with (electron-store's spelling: `name`). */
export interface SettingsStoreOptions {
  cwd: string;
  name: string;
  defaults: ConsoleSettings;
}

export type SettingsStoreFactory = (options: SettingsStoreOptions) => SettingsStore;

export function settingsStoreOptions(dataDir: string): SettingsStoreOptions {
  // Absolute: electron-store would put a relative folder under Electron's userData.
  return { cwd: path.resolve(dataDir), name: 'settings', defaults: DEFAULT_CONSOLE_SETTINGS };
}

/** conf names the file `configName`; electron-store passes its `name` on as that. */
export const confSettingsStore: SettingsStoreFactory = ({ name, ...options }) =>
  new Conf<ConsoleSettings>({ ...options, configName: name });
