/**
 * What a requester's e-mail reply answers, when it answers the desk's question ("does it work
 * now?", "how satisfied are you, 1 to 5?"): it works, it still does not work, a rating with
 * perhaps a short comment, or nothing the desk can act on. It reads the reply's new text (after
 * `replyText` removed quotes and signature) in English, Dutch, French and Greek, ignoring case,
 * accents (é/e, Greek tonos) and punctuation.
 *
 * The two mistakes do not cost the same: reading "it works" where the requester meant otherwise
 * closes a ticket that still needs the desk, while reading "not working" wrongly only sends the
 * ticket back to an analyst, who reads the message anyway. So "works" is read strictly (a short
 * reply, no negation anywhere, no question, no "but", no "if", no "maybe"), "not working"
 * leniently, and a reply with both is not understood. Anything else is `null`: the reply is then
 * the requester's words on the timeline, as any other.
 */

export type ReplyAnswer =
  | { kind: 'works' }
  | { kind: 'not-working' }
  | { kind: 'rating'; score: 1 | 2 | 3 | 4 | 5; comment?: string };

/** Longer than this, a reply is a message for the analyst, not a "yes". */
const WORKS_MAX_WORDS = 25;
const NOT_WORKING_MAX_WORDS = 80;
const COMMENT_MAX_WORDS = 40;

const L = '\\p{L}';
/** A phrase between word edges (JavaScript's `\b` knows no Greek letters). */
const phrase = (source: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * Lower case, accents and tonos removed, apostrophes dropped ("doesn't" -> "doesnt",
 * "c'est" -> "cest"), any other punctuation a single space.
 */
export function foldAnswerText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Said in passing, and harmless: removed before anything else is read. */
const NEUTRAL = [
  'no (problem|problems|worries|issue|issues)',
  'no longer',
  'no more',
  'geen (probleem|probleme|zorgen)',
  '(pas de|sans) (probleme|souci|soucis)',
  'κανενα προβλημα',
  'δεν (πειραζει|υπαρχει (κανενα )?προβλημα)',
].map(phrase);

/** "It does not work", and the like: any of these and the reply never reads as "works". */
const NOT_WORKING = [
  // English
  '(doesnt|does not|didnt|did not|dont|do not|wont|will not|isnt|is not|its not|it is not|arent|are not|still not|not|never) (yet |really |quite |always |seem to |seems to |appear to |even )?(work|works|working|worked|fixed|solved|resolved)',
  '(stopped|stops) working',
  'still (broken|failing|fails|failed|crashes|crashing|crashed|freezes|the same|not|doesnt|does not|didnt|wont|cant|cannot|no|happening|happens|there|having|have|has|get|gets|getting|see|seeing)',
  `still( ${L}+){0,3} (error|errors|problem|problems|issue|issues)`,
  'no (luck|change|changes|difference|improvement|joy|success)',
  '(same|the same) (problem|issue|error|thing|result)',
  'not yet',
  'nothing (has )?changed',
  'broken',
  // Dutch
  `(werkt|werken|werkte|doet het|deed het|functioneert|lukt|lukte)( ${L}+){0,3} niet`,
  'niet (opgelost|verholpen|gelukt|gerepareerd)',
  `(nog steeds|nog altijd|steeds nog)( ${L}+){0,3} (hetzelfde|kapot|niet|dezelfde|het zelfde|probleem|problemen|fout${L}*|storing)`,
  'geen (verbetering|verschil|succes|resultaat|verandering)',
  'helaas( niet)?',
  'nog niet',
  'kapot',
  // French
  `(marche|marchent|fonctionne|fonctionnent|marcher|fonctionner|va)( ${L}+)? (pas|plus)`,
  'pas (encore |toujours )?(marche|fonctionne|resolu|regle|repare)',
  'toujours (pas|le meme|la meme|en panne|bloque|casse)',
  `toujours( ${L}+){0,3} (probleme|problemes|erreur|erreurs|bug|panne)`,
  'en panne',
  'plante',
  'aucun (changement|effet|resultat|progres)',
  'rien (na )?change',
  'meme (probleme|erreur|souci|chose)',
  // Greek
  `(δεν|δε|μη|μην)( ${L}+){0,2} (λειτουργ${L}*|δουλευ${L}*|δουλεψ${L}*|λυθηκ${L}*|λυθει|διορθωθηκ${L}*|φτιαχτηκ${L}*|εφτιαξ${L}*|παιζ${L}*)`,
  'ακομ(α|η) (δεν|δε|το ιδιο|χαλασμεν\\p{L}*|υπαρχει|εχω|βγαζει)',
  '(το )?ιδιο (προβλημα|λαθοσ|σφαλμα)',
  'χαλασ\\p{L}*|χαλαει',
  'καμια (αλλαγη|διαφορα|βελτιωση)',
].map(phrase);

/** "No" as the first word of the reply. */
const LEADING_NO = /^(no|nope|nah|nee|neen|non|οχι)( |$)/u;

/** "It works now", and the like, read once every negation is gone. */
const WORKS = [
  // English
  'it works|it worked|works|worked now',
  'works (now|again|fine|perfectly|great|well|ok|okay)',
  '(its|it is|everything is|all is|all|everything|its all|it all) working',
  'working (now|again|fine|perfectly|great|well)',
  '(that|this|it) (worked|did it|did the trick|fixed it|helped|solved it|sorted it)',
  '(problem|issue) (is |has been |got )?(solved|fixed|resolved|gone)',
  'fixed|solved|resolved|sorted',
  'all good|all fine|all set|back to normal',
  '(all|everything) (works|is fine|is ok|is okay|ok)',
  // Dutch
  'het werkt|werkt|werken weer|het werkte|werkte weer',
  '(het )?doet het( weer| nu| prima)?',
  'opgelost|verholpen|gelukt|in orde|alles goed|alles ok',
  // French
  '(ca|cela|tout) (re)?(marche|fonctionne)',
  '(ca|cela) a (marche|fonctionne)',
  '(re)?(marche|fonctionne) (maintenant|a nouveau|de nouveau|bien|parfaitement|correctement|nickel)',
  'remarche|refonctionne',
  '(cest|c est) (bon|ok|regle|resolu|repare|parfait)',
  'resolu|regle|repare|tout va bien|tout est ok|tout est bon|rentre dans lordre',
  // Greek
  `λειτουργ${L}*|δουλευ${L}*|δουλεψ${L}*|παιζει`,
  `λυθηκ${L}*|διορθωθηκ${L}*|φτιαχτηκ${L}*|εφτιαξ${L}*`,
  'ολα (καλα|οκ|ενταξει|εντα?ξει)',
].map(phrase);

/** A bare "yes", which answers "does it work now?" when nothing else is said. */
const YES = phrase('yes|yep|yeah|yup|indeed|ja|jawel|jazeker|jep|oui|ouais|ναι|ναιι');

/** What may stand beside a bare "yes" or a rating: thanks, greetings, a name. */
const FILLER = phrase(
  [
    'thanks?( you)?( (very|so) much)?( again)?( a lot)?',
    'many thanks|cheers|great|perfect|ok|okay|hi|hello|dear|regards|best|kind regards',
    'bedankt|dank (je|u)( wel)?|hartelijk dank|merci|super|prima|perfect|groeten|groetjes|hallo|beste|top',
    'merci( beaucoup| bien)?|bonjour|cordialement|parfait|super|genial|nickel',
    'ευχαριστω( πολυ)?|ευχαριστουμε|γεια( σας| σου)?|τελεια|ωραια|αγαπητοι',
  ].join('|'),
);

/** Words that make a "works" reply conditional, doubtful, partial or a question. */
const DOUBT = phrase(
  [
    'but|however|although|except|only|if|whether|unless|when|once|maybe|perhaps|probably|think|seems?|not sure|sometimes|partly|partially|mostly|almost',
    'maar|echter|alleen|behalve|als|wanneer|zodra|misschien|denk|lijkt|geloof|soms|deels|bijna|grotendeels',
    'mais|cependant|sauf|seulement|si|quand|des que|peut etre|crois|semble|pense|parfois|presque|partiellement',
    'αλλα|ομωσ|εκτοσ|μονο|αν|εαν|οταν|μολισ|ισωσ|νομιζω|μαλλον|φαινεται|καμια φορα|σχεδον|μερικωσ',
  ].join('|'),
);

const words = (folded: string) => (folded === '' ? 0 : folded.split(' ').length);
const strip = (folded: string, patterns: readonly RegExp[]) =>
  patterns
    .reduce((text, pattern) => text.replace(pattern, ' '), folded)
    .replace(/\s+/g, ' ')
    .trim();
const matches = (folded: string, patterns: readonly RegExp[]) =>
  patterns.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(folded);
  });

/** A question: "?", or the Greek question mark (";", also U+037E) in Greek text. */
function isQuestion(text: string): boolean {
  return text.includes('?') || (/[;\u037e]/u.test(text) && /[\u0370-\u03ff]/u.test(text));
}

/**
 * A rating at the very start: "4", "5/5", "4 out of 5", "Rating: 3", "4 - quick help",
 * "5 stars", "★★★★". Not "4.5", "4:30", "3 printers", "error 404".
 */
const RATING = new RegExp(
  [
    '^(?:(?:rating|score|note|cijfer|beoordeling|βαθμ[οό]ς|βαθμολογ[ιί]α)\\s*:?\\s*)?',
    '([1-5])',
    '(?!\\d|\\s*[.,:]\\s*\\d)',
    '(?:\\s*(?:/\\s*5|out of 5|op 5|van de 5|van 5|sur 5|στα 5|απ[οό] 5)(?!\\d))?',
    '(?:\\s*(?:stars?|sterren|ster|[ée]toiles?|αστ[έε]ρια|αστ[έε]ρι))?',
    '(?=$|\\s*[-–—:.,!;)]|\\s*\\n)',
  ].join(''),
  'iu',
);
const STARS = /^((?:[★⭐]\uFE0F?\s*){1,5})[☆\s]*(?=$|[^★⭐☆])/u;

function comment(rest: string): string | null | undefined {
  const text = rest.replace(/^[\s\-–—:.,!;)]+/u, '').trim();
  if (text === '') return undefined;
  // A numbered list is a message, not a rating's comment.
  if (/^\s*\d+\s*[.)]\s/mu.test(rest.trim())) return null;
  if (words(foldAnswerText(text)) > COMMENT_MAX_WORDS) return null;
  return text;
}

function rating(text: string): ReplyAnswer | null {
  const stars = STARS.exec(text);
  const numbered = stars ? null : RATING.exec(text);
  const score = stars
    ? (stars[1]!.match(/[★⭐]/gu) ?? []).length
    : numbered
      ? Number(numbered[1])
      : 0;
  if (score < 1 || score > 5) return null;
  const said = comment(text.slice((stars ?? numbered)![0].length));
  if (said === null) return null;
  return {
    kind: 'rating',
    score: score as 1 | 2 | 3 | 4 | 5,
    ...(said === undefined ? {} : { comment: said }),
  };
}

/** What a reply's new text answers, or null when it answers nothing the desk asked. */
export function replyAnswer(replyText: string): ReplyAnswer | null {
  // Quoted lines are the desk's own message, never the requester's answer.
  const text = replyText
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n')
    .trim();
  if (text === '') return null;
  const rated = rating(text);
  if (rated) return rated;

  const folded = strip(foldAnswerText(text), NEUTRAL);
  if (folded === '') return null;
  const count = words(folded);
  const negative = matches(folded, NOT_WORKING) || LEADING_NO.test(folded);
  const rest = strip(folded, NOT_WORKING).replace(LEADING_NO, '');
  const positive = matches(rest, WORKS);
  if (negative) return positive || count > NOT_WORKING_MAX_WORDS ? null : { kind: 'not-working' };
  if (count > WORKS_MAX_WORDS || isQuestion(text) || matches(folded, [DOUBT])) return null;
  if (positive) return { kind: 'works' };
  // A bare "yes": only with thanks, a greeting or a name beside it (at most two other words).
  if (matches(folded, [YES]) && words(strip(strip(folded, [YES]), [FILLER])) <= 2) {
    return { kind: 'works' };
  }
  return null;
}
