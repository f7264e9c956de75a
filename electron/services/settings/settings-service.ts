import {
  ConsoleSettingsSchema,
  DEFAULT_CONSOLE_SETTINGS,
  type ConsoleSettings,
} from '@deskside/core';
import {
  confSettingsStore,
  settingsStoreOptions,
  type SettingsStore,
  type SettingsStoreFactory,
} from './settings-store';

/**
 * This console's preferences, in a JSON file in its data folder (conf or electron-store:
 * atomic writes).
 * A file edited by hand into something invalid falls back to the defaults, field by field,
 * rather than keeping the console from starting.
 */
export class SettingsService {
  private readonly store: SettingsStore;

  constructor(dataDir: string, openStore: SettingsStoreFactory = confSettingsStore) {
    this.store = openStore(settingsStoreOptions(dataDir));
  }

  get(): ConsoleSettings {
    const stored = this.store.store;
    const fields = Object.fromEntries(
      Object.entries(ConsoleSettingsSchema.shape).map(([key, schema]) => {
        const parsed = schema.safeParse(stored[key]);
        return [
          key,
          parsed.success ? parsed.data : DEFAULT_CONSOLE_SETTINGS[key as keyof ConsoleSettings],
        ];
      }),
    );
    return ConsoleSettingsSchema.parse(fields);
  }

  update(changes: Partial<ConsoleSettings>): ConsoleSettings {
    const next = ConsoleSettingsSchema.parse({ ...this.get(), ...changes });
    this.store.set(next);
    return next;
  }
}
