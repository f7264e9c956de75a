import { z } from 'zod';
import { FleetLinkSettingsSchema } from './fleet/presence';
import { LANGUAGES } from './languages';

export { DEFAULT_LANGUAGE, LANGUAGES, resolveLanguage, type Language } from './languages';
export const LanguageSchema = z.enum(LANGUAGES);

/** How the analyst at this console wants to be called on screen (not the name tickets record). */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name, or clear the field to use your user name')
  .max(120)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u, 'A name has no control characters');

/** This console's own preferences (kept on this computer, not in the shared database). */
export const ConsoleSettingsSchema = z.object({
  /** null: follow the operating system's language where Deskside speaks it. */
  language: LanguageSchema.nullable(),
  /** null: show the analyst's user name. */
  displayName: DisplayNameSchema.nullable(),
  /** Fleet mode over NATS (servers and this console's `.creds` file); null: off. */
  fleet: FleetLinkSettingsSchema.nullable(),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettingsSchema>;

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  language: null,
  displayName: null,
  fleet: null,
};

export const UpdateConsoleSettingsInputSchema = ConsoleSettingsSchema.partial().strict();
