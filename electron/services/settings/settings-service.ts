import Conf from 'conf';
import {
  ConsoleSettingsSchema,
  DEFAULT_CONSOLE_SETTINGS,
  type ConsoleSettings,
} from '@deskside/core';

/**
 * This console's preferences, in a JSON file in its data folder (conf: atomic writes).
 * A file edited by hand into something invalid falls back to the defaults, field by field,
 * rather than keeping the console from starting.
 */
export class SettingsService {
  private readonly store: Conf<ConsoleSettings>;

  constructor(dataDir: string) {
    this.store = new Conf<ConsoleSettings>({
      cwd: dataDir,
      configName: 'settings',
      defaults: DEFAULT_CONSOLE_SETTINGS,
    });
  }

  get(): ConsoleSettings {
    const stored = this.store.store as Record<string, unknown>;
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
