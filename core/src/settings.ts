import { z } from 'zod';

export const LANGUAGES = ['en', 'nl', 'fr', 'el'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** This console's own preferences (kept on this computer, not in the shared database). */
export const ConsoleSettingsSchema = z.object({
  /** null: follow the operating system's language where Deskside speaks it. */
  language: LanguageSchema.nullable(),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettingsSchema>;

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = { language: null };

export const UpdateConsoleSettingsInputSchema = ConsoleSettingsSchema.partial().strict();
