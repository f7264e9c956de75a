import { el } from './el';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';
import type { Language, LanguageCorpus } from './types';

export type { Language, LanguageCorpus, Scenario } from './types';

export const CORPUS: Record<Language, LanguageCorpus> = { en, nl, fr, el };

export const FLOORS: Record<Language, string[]> = {
  en: ['first', 'second', 'third', 'fourth'],
  nl: ['eerste', 'tweede', 'derde', 'vierde'],
  fr: ['premier', 'deuxième', 'troisième', 'quatrième'],
  el: ['πρώτο', 'δεύτερο', 'τρίτο', 'τέταρτο'],
};
