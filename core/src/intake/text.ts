import type { LocalizedText } from './schema';

/** Shorthand for the starter scripts: the same text in English, Dutch, French and Greek. */
export const text = (en: string, nl: string, fr: string, el: string): LocalizedText => ({
  en,
  nl,
  fr,
  el,
});

/** Answers that recur in many scripts. */
export const yes = text('Yes', 'Ja', 'Oui', 'Ναι');
export const no = text('No', 'Nee', 'Non', 'Όχι');
export const fixed = text('That fixed it', 'Dat loste het op', 'C’est réglé', 'Αυτό το έλυσε');
export const notFixed = text(
  'Still not working',
  'Werkt nog steeds niet',
  'Ça ne marche toujours pas',
  'Ακόμη δεν λειτουργεί',
);
