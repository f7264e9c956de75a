import { describe, expect, it } from 'vitest';
import { foldAnswerText, replyAnswer } from './reply-answer';

const works = { kind: 'works' };
const notWorking = { kind: 'not-working' };

describe('foldAnswerText', () => {
  it('ignores case, accents, Greek tonos and punctuation', () => {
    expect(foldAnswerText('Oui, ÇA MARCHE !')).toBe('oui ca marche');
    expect(foldAnswerText('ΝΑΙ, λειτουργεί.')).toBe('ναι λειτουργει');
    expect(foldAnswerText('It doesn’t work...')).toBe('it doesnt work');
    expect(foldAnswerText('Δεν δουλεύεις')).toBe('δεν δουλευεισ');
  });
});

describe('replyAnswer: it works', () => {
  it.each([
    // English
    'yes, it works',
    'Yes',
    'YES!',
    'It works now',
    'it works now, thanks!',
    'Works again. Thank you very much for the quick help',
    'Yes, that fixed it.',
    'Problem solved, thanks',
    'All good now',
    'Yep, working now',
    'No problem anymore, it works',
    'Yes, thanks!\nAnn',
    // Dutch
    'ja, het werkt',
    'Ja',
    'werkt weer',
    'Het werkt weer, bedankt!',
    'Ja hoor, het doet het weer. Groeten',
    'Opgelost, dank je wel',
    'Het werkt nu prima',
    // French
    'oui, ça marche',
    'Oui, ca marche',
    'OUI',
    'ça fonctionne',
    'Ça remarche, merci beaucoup !',
    "C'est bon, merci",
    'Problème résolu',
    'Tout fonctionne maintenant',
    // Greek
    'ναι, λειτουργεί',
    'Ναι',
    'ΝΑΙ, ΛΕΙΤΟΥΡΓΕΙ',
    'δουλεύει',
    'Δουλεύει τώρα, ευχαριστώ πολύ!',
    'Λύθηκε, ευχαριστώ',
    'Όλα καλά',
    'ναι λειτουργει', // written without tonos
  ])('%j', (text) => {
    expect(replyAnswer(text)).toEqual(works);
  });
});

describe('replyAnswer: it still does not work (never "works")', () => {
  it.each([
    // English
    'no',
    'No.',
    'Nope',
    'It doesn’t work',
    "it doesn't work",
    'it doesnt work',
    'It does not work.',
    'No, it still does not work',
    'Still broken',
    'Still the same problem, sorry',
    'It is not working',
    'It stopped working again',
    'not fixed',
    'Unfortunately not yet',
    'Why does it not work?',
    'I still get the same error',
    'Still an error when I print',
    // Dutch
    'nee',
    'Nee.',
    'werkt niet',
    'nee, werkt nog steeds niet',
    'Het werkt helaas nog steeds niet',
    'Het doet het niet',
    'Helaas, nog steeds hetzelfde',
    'Niet opgelost',
    'Nog steeds kapot',
    'Ik krijg nog steeds een foutmelding',
    // French
    'non',
    'Non, ça ne marche pas',
    'ne marche pas',
    'Ça ne fonctionne toujours pas',
    'ça marche pas',
    'Toujours pas',
    "Ça n'a pas marché",
    'Non, toujours le même problème',
    'Ça ne marche plus',
    "J'ai toujours la même erreur",
    // Greek
    'όχι',
    'ΟΧΙ',
    'όχι, δεν λειτουργεί',
    'δεν δουλεύει',
    'Δε δουλεύει ακόμα',
    'Δεν μου λειτουργεί ακόμα',
    'Ακόμα δεν δουλεύει',
    'Δεν λύθηκε',
    'Το ίδιο πρόβλημα',
  ])('%j', (text) => {
    expect(replyAnswer(text)).toEqual(notWorking);
  });

  it.each([
    'it doesn’t work',
    'werkt niet',
    'ne marche pas',
    'δεν δουλεύει',
    'het werkt niet',
    'ça ne marche pas',
    'δεν λειτουργεί',
    'It is not working yet, but thanks',
    'It worked for an hour, now it doesn’t work anymore',
  ])('never reads a negation as "works": %j', (text) => {
    expect(replyAnswer(text)?.kind).not.toBe('works');
  });
});

describe('replyAnswer: a rating', () => {
  it.each([
    ['4', 4, undefined],
    ['5', 5, undefined],
    ['1', 1, undefined],
    ['5/5', 5, undefined],
    ['4 / 5', 4, undefined],
    ['3 out of 5', 3, undefined],
    ['4 op 5', 4, undefined],
    ['4 sur 5', 4, undefined],
    ['5 στα 5', 5, undefined],
    ['5!', 5, undefined],
    ['4 - quick help', 4, 'quick help'],
    ['5/5 - snel geholpen, dank je', 5, 'snel geholpen, dank je'],
    ['3: it took two days', 3, 'it took two days'],
    ['4. Très rapide', 4, 'Très rapide'],
    ['5 stars', 5, undefined],
    ['4 sterren, prima', 4, 'prima'],
    ['5 étoiles', 5, undefined],
    ['5 αστέρια', 5, undefined],
    ['Rating: 2', 2, undefined],
    ['Βαθμός: 4 – γρήγορη εξυπηρέτηση', 4, 'γρήγορη εξυπηρέτηση'],
    ['★★★★', 4, undefined],
    ['★★★★☆', 4, undefined],
    ['⭐⭐⭐⭐⭐ great', 5, 'great'],
    ['4\n\nThanks for the help', 4, 'Thanks for the help'],
  ])('%j is %d', (text, score, comment) => {
    expect(replyAnswer(text)).toEqual({
      kind: 'rating',
      score,
      ...(comment === undefined ? {} : { comment }),
    });
  });

  it.each([
    'error 404',
    'printer 3 on floor 2',
    '3 printers are broken on floor 2',
    '2 pages come out blank',
    '4.5',
    '4,5',
    '4:30 works for me to call',
    '6',
    '0',
    '10/10',
    '3/4',
    '45',
    '1. The printer jams\n2. The scanner is slow',
    '★★★★★★',
  ])('numbers that are not a rating: %j', (text) => {
    expect(replyAnswer(text)?.kind).not.toBe('rating');
  });
});

describe('replyAnswer: not understood', () => {
  it.each([
    '',
    '   ',
    'Thanks',
    'Merci',
    'OK',
    'Can you call me tomorrow at 10?',
    'Does it work now?',
    'Λειτουργεί;',
    'Werkt het nu?',
    'It works, but the scanner is still slow',
    'It works when I restart the laptop',
    'Het werkt soms',
    'Ça marche mais seulement le matin',
    'Λειτουργεί αλλά μόνο μερικές φορές',
    'I think it works',
    'Misschien werkt het nu',
    'Yes, the printer prints blank pages on floor 2 and 3',
    'No, it works now', // both at once: an analyst reads it
    'error 404',
    'printer 3 on floor 2',
    '> yes, it works\n> thanks',
    `It works now. ${'And here is a long story about what I did this morning. '.repeat(3)}`,
  ])('%j', (text) => {
    expect(replyAnswer(text)).toBeNull();
  });

  it('reads the reply, not the quoted message below it', () => {
    expect(replyAnswer('Nee\n> Werkt het weer? Antwoord ja of nee.')).toEqual(notWorking);
    expect(replyAnswer('> Does it work? 1-5\n4')).toEqual({ kind: 'rating', score: 4 });
  });
});
