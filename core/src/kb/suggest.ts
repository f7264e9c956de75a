import { foldForSearch, searchTerms } from '../workflow/search-text';

/**
 * Words that say nothing about a problem, in the four languages the desk works in, folded
 * as the index folds them. A summary such as "the printer does not print" suggests by
 * "printer" and "print", not by "the", "does" and "not".
 */
const STOP_WORDS = new Set(
  [
    // English
    'the a an and or but not no is are was were be been it its this that these those to of in on at for with from by my our your his her their i we you he she they me us them do does did doesn don didn can cannot can t won isn aren any some all when after before since again still just get got gets has have had will would should could there here what which who how why very too also',
    // Dutch
    'de het een en of maar niet geen is zijn was waren ben bent wordt worden werd dit dat deze die naar van in op aan voor met bij door mijn onze jouw uw zijn haar hun ik wij we jij je u hij zij ze mij ons hen doet deed kan kunnen wil meer nog al ook wel er hier wat welke wie hoe waarom zeer te sinds na toen',
    // French
    'le la les l un une des du de d et ou mais ne pas plus non est sont était être a ont ai ce cette ces cet à au aux en dans sur pour avec par mon ma mes notre votre vos son sa ses leur leurs je j nous vous il elle ils elles me m se s qu que qui quoi comment pourquoi très aussi encore depuis après avant y fait peut plus rien',
    // Greek (folded: no tonos, final sigma as σ)
    'ο η το οι τα του τησ των τον την στο στη στην στον στα στουσ στισ και η αλλα δεν μη μην ειναι ηταν εχει εχουν ενα μια ενασ αυτο αυτη αυτοσ αυτα για με απο σε μου σου του μασ σασ τουσ εγω εσυ εμεισ εσεισ που ποιοσ πωσ γιατι πολυ ακομα ακομη μετα πριν οταν να θα ουτε',
  ]
    .join(' ')
    .split(/\s+/)
    .map(foldForSearch),
);

/** A word still being typed is too short to suggest by until it has this many letters. */
const MIN_LETTERS = 3;

/**
 * The words of a ticket summary worth suggesting articles by: folded like the index, without
 * stop words and fragments, each once. Digits stay (an error code such as 0x80070005 or 404
 * is the best clue there is).
 */
export function suggestionTerms(text: string): string[] {
  const terms = searchTerms(text).filter(
    (term) => !STOP_WORDS.has(term) && (term.length >= MIN_LETTERS || /^\d+$/.test(term)),
  );
  return [...new Set(terms)];
}
