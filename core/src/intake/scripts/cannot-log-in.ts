import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, yesNo } from './ends';

const verifyIdentity = text(
  'First verify the caller’s identity as your procedure requires. ',
  'Controleer eerst de identiteit van de beller volgens uw procedure. ',
  'Vérifiez d’abord l’identité de l’appelant selon votre procédure. ',
  'Επαληθεύστε πρώτα την ταυτότητα του καλούντα σύμφωνα με τη διαδικασία σας. ',
);

export const cannotLogIn: IntakeScriptInput = {
  id: 'cannot-log-in',
  version: 1,
  category: 'account',
  title: text(
    'Cannot log in / account locked',
    'Kan niet aanmelden / account geblokkeerd',
    'Connexion impossible / compte verrouillé',
    'Αδυναμία σύνδεσης / κλειδωμένος λογαριασμός',
  ),
  description: text(
    'The caller cannot sign in to the computer or to a company service.',
    'De beller kan niet aanmelden op de computer of bij een bedrijfsdienst.',
    'L’appelant ne peut pas se connecter à l’ordinateur ou à un service de l’entreprise.',
    'Ο καλών δεν μπορεί να συνδεθεί στον υπολογιστή ή σε υπηρεσία της εταιρείας.',
  ),
  start: 'message',
  steps: [
    {
      kind: 'question',
      id: 'message',
      prompt: text(
        'What does the screen say when the caller signs in?',
        'Wat staat er op het scherm bij het aanmelden?',
        'Que dit l’écran quand l’appelant se connecte ?',
        'Τι λέει η οθόνη όταν ο καλών προσπαθεί να συνδεθεί;',
      ),
      choices: [
        {
          id: 'wrong-password',
          label: text(
            'Wrong password',
            'Onjuist wachtwoord',
            'Mot de passe incorrect',
            'Λάθος κωδικός πρόσβασης',
          ),
          next: 'caps-lock',
        },
        {
          id: 'locked',
          label: text(
            'Account locked',
            'Account geblokkeerd',
            'Compte verrouillé',
            'Κλειδωμένος λογαριασμός',
          ),
          next: 'unlock',
        },
        {
          id: 'expired',
          label: text(
            'Password expired',
            'Wachtwoord verlopen',
            'Mot de passe expiré',
            'Ο κωδικός έληξε',
          ),
          next: 'reset',
        },
        {
          id: 'other',
          label: text('Something else', 'Iets anders', 'Autre chose', 'Κάτι άλλο'),
          next: 'other-message',
        },
      ],
    },
    {
      kind: 'question',
      id: 'caps-lock',
      prompt: text(
        'Is Caps Lock on, or is the keyboard layout different from usual?',
        'Staat Caps Lock aan, of is de toetsenbordindeling anders dan normaal?',
        'Le verrouillage des majuscules est-il activé, ou la disposition du clavier est-elle inhabituelle ?',
        'Είναι ενεργό το Caps Lock ή είναι διαφορετική η διάταξη πληκτρολογίου από τη συνηθισμένη;',
      ),
      choices: yesNo('caps-off', 'reset'),
    },
    {
      kind: 'action',
      id: 'caps-off',
      prompt: text(
        'Ask the caller to switch Caps Lock off (or the layout back) and type the password again.',
        'Vraag de beller Caps Lock uit te zetten (of de indeling terug te zetten) en het wachtwoord opnieuw te typen.',
        'Demandez à l’appelant de désactiver le verrouillage des majuscules (ou de rétablir la disposition) et de retaper le mot de passe.',
        'Ζητήστε από τον καλούντα να απενεργοποιήσει το Caps Lock (ή να επαναφέρει τη διάταξη) και να πληκτρολογήσει ξανά τον κωδικό.',
      ),
      choices: fixedOr('reset'),
    },
    {
      kind: 'action',
      id: 'unlock',
      prompt: text(
        `${verifyIdentity.en}Then unlock the account in the directory and ask the caller to try again.`,
        `${verifyIdentity.nl}Deblokkeer daarna het account in de directory en vraag de beller het opnieuw te proberen.`,
        `${verifyIdentity.fr}Puis déverrouillez le compte dans l’annuaire et demandez à l’appelant de réessayer.`,
        `${verifyIdentity.el}Έπειτα ξεκλειδώστε τον λογαριασμό στον κατάλογο και ζητήστε από τον καλούντα να δοκιμάσει ξανά.`,
      ),
      choices: fixedOr('identity-team'),
    },
    {
      kind: 'action',
      id: 'reset',
      prompt: text(
        `${verifyIdentity.en}Then reset the password and have the caller choose a new one when signing in.`,
        `${verifyIdentity.nl}Stel daarna het wachtwoord opnieuw in en laat de beller bij het aanmelden een nieuw kiezen.`,
        `${verifyIdentity.fr}Puis réinitialisez le mot de passe et faites-en choisir un nouveau à l’appelant lors de la connexion.`,
        `${verifyIdentity.el}Έπειτα επαναφέρετε τον κωδικό και ζητήστε από τον καλούντα να επιλέξει νέο κατά τη σύνδεση.`,
      ),
      choices: fixedOr('identity-team'),
    },
    resolvedEnd,
    {
      kind: 'end',
      id: 'identity-team',
      outcome: 'escalate',
      summary: text(
        'Signing in still fails after unlocking or resetting: escalate to the identity and access team.',
        'Aanmelden mislukt nog steeds na deblokkeren of opnieuw instellen: escaleer naar het identiteits- en toegangsteam.',
        'La connexion échoue toujours après déverrouillage ou réinitialisation : escaladez à l’équipe identités et accès.',
        'Η σύνδεση αποτυγχάνει ακόμη μετά το ξεκλείδωμα ή την επαναφορά: κλιμακώστε στην ομάδα ταυτοτήτων και πρόσβασης.',
      ),
    },
    {
      kind: 'end',
      id: 'other-message',
      outcome: 'investigate',
      summary: text(
        'An unusual message: record its exact text in the ticket and look it up in the knowledge base.',
        'Een ongewone melding: noteer de exacte tekst in het ticket en zoek die op in de kennisbank.',
        'Un message inhabituel : notez son texte exact dans le ticket et cherchez-le dans la base de connaissances.',
        'Ασυνήθιστο μήνυμα: καταγράψτε το ακριβές κείμενο στο αίτημα και αναζητήστε το στη γνωσιακή βάση.',
      ),
    },
  ],
};
