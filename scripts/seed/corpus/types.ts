/**
 * Realistic service-desk text in the four languages the desk works in, for demo and
 * benchmark data. Each scenario is one kind of problem, with its category.
 */
export type Language = 'en' | 'nl' | 'fr' | 'el';

export interface Scenario {
  category: string;
  summary: string;
  description: string;
  error: string;
  tried: string;
}

export interface LanguageCorpus {
  firstNames: string[];
  lastNames: string[];
  departments: string[];
  locations: string[];
  scenarios: Scenario[];
  /** Timeline text: what was said or noted while working the ticket. */
  calls: string[];
  emails: string[];
  chats: string[];
  notes: string[];
  resolutions: string[];
}

export const scenario = (
  category: string,
  summary: string,
  description: string,
  error: string,
  tried: string,
): Scenario => ({
  category,
  summary,
  description,
  error,
  tried,
});
