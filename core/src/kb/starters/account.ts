import type { StarterArticle } from './types';

const category = 'account/password-reset';

export const accountArticles: StarterArticle[] = [
  {
    language: 'en',
    category,
    tags: ['password', 'account-locked'],
    title: 'Account locked after too many sign-in attempts',
    body: `## Symptoms

Signing in says the account is **locked** or the password is wrong, often after a password change.

## Steps

1. Confirm who is calling (employee number and manager) before changing anything.
2. Unlock the account in the directory; it also unlocks by itself after 30 minutes.
3. Ask the user to sign out of old sessions: a phone or a second PC with the **old** password locks the account again.
4. If the password is forgotten, reset it and have the user choose a new one at the next sign-in.

> Never ask for the user's password, and never send a new one by e-mail.`,
  },
  {
    language: 'nl',
    category,
    tags: ['wachtwoord', 'account-geblokkeerd'],
    title: 'Account geblokkeerd na te veel aanmeldpogingen',
    body: `## Symptomen

Bij het aanmelden staat er dat het account **geblokkeerd** is of het wachtwoord onjuist, vaak na een wachtwoordwijziging.

## Stappen

1. Controleer wie er belt (personeelsnummer en leidinggevende) voordat u iets wijzigt.
2. Deblokkeer het account in de directory; na 30 minuten gebeurt dat ook vanzelf.
3. Vraag de gebruiker oude sessies af te melden: een telefoon of tweede pc met het **oude** wachtwoord blokkeert het account opnieuw.
4. Is het wachtwoord vergeten, stel het dan opnieuw in en laat de gebruiker bij de volgende aanmelding een nieuw kiezen.

> Vraag nooit naar het wachtwoord van de gebruiker en stuur nooit een nieuw wachtwoord per e-mail.`,
  },
  {
    language: 'fr',
    category,
    tags: ['mot-de-passe', 'compte-verrouillé'],
    title: 'Compte verrouillé après trop de tentatives de connexion',
    body: `## Symptômes

À la connexion, le compte est indiqué **verrouillé** ou le mot de passe incorrect, souvent après un changement de mot de passe.

## Étapes

1. Vérifiez l’identité de l’appelant (matricule et responsable) avant toute modification.
2. Déverrouillez le compte dans l’annuaire ; il se déverrouille aussi seul après 30 minutes.
3. Demandez à l’utilisateur de fermer ses anciennes sessions : un téléphone ou un second PC avec l’**ancien** mot de passe verrouille de nouveau le compte.
4. En cas d’oubli, réinitialisez le mot de passe et faites-en choisir un nouveau à la prochaine connexion.

> Ne demandez jamais le mot de passe de l’utilisateur et n’envoyez jamais un nouveau mot de passe par e-mail.`,
  },
  {
    language: 'el',
    category,
    tags: ['κωδικός', 'κλειδωμένος-λογαριασμός'],
    title: 'Κλειδωμένος λογαριασμός μετά από πολλές αποτυχημένες συνδέσεις',
    body: `## Συμπτώματα

Κατά τη σύνδεση εμφανίζεται ότι ο λογαριασμός είναι **κλειδωμένος** ή ότι ο κωδικός είναι λάθος, συχνά μετά από αλλαγή κωδικού.

## Βήματα

1. Επιβεβαιώστε ποιος καλεί (αριθμός μητρώου και προϊστάμενος) πριν αλλάξετε οτιδήποτε.
2. Ξεκλειδώστε τον λογαριασμό στον κατάλογο· ξεκλειδώνει και μόνος του μετά από 30 λεπτά.
3. Ζητήστε από τον χρήστη να αποσυνδεθεί από παλιές συνεδρίες: ένα κινητό ή δεύτερος υπολογιστής με τον **παλιό** κωδικό κλειδώνει ξανά τον λογαριασμό.
4. Αν ο κωδικός ξεχάστηκε, επαναφέρετέ τον και ζητήστε από τον χρήστη να ορίσει νέο στην επόμενη σύνδεση.

> Μη ζητάτε ποτέ τον κωδικό του χρήστη και μη στέλνετε ποτέ νέο κωδικό με e-mail.`,
  },
];
