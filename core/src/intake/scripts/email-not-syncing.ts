import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, yesNo } from './ends';

const mailTeam = text(
  'Mail still does not synchronise: escalate to the messaging team with what was tried.',
  'De mail synchroniseert nog steeds niet: escaleer naar het mailteam met wat er geprobeerd is.',
  'La messagerie ne se synchronise toujours pas : escaladez à l’équipe messagerie avec ce qui a été essayé.',
  'Η αλληλογραφία εξακολουθεί να μη συγχρονίζεται: κλιμακώστε στην ομάδα αλληλογραφίας με όσα δοκιμάστηκαν.',
);

export const emailNotSyncing: IntakeScriptInput = {
  id: 'email-not-syncing',
  version: 1,
  category: 'software',
  title: text(
    'E-mail not syncing',
    'E-mail synchroniseert niet',
    'La messagerie ne se synchronise pas',
    'Το email δεν συγχρονίζεται',
  ),
  description: text(
    'New messages do not arrive, or sent messages stay in the Outbox.',
    'Nieuwe berichten komen niet binnen, of verzonden berichten blijven in het Postvak UIT.',
    'Les nouveaux messages n’arrivent pas, ou les messages envoyés restent dans la boîte d’envoi.',
    'Τα νέα μηνύματα δεν φτάνουν ή τα απεσταλμένα μένουν στα Εξερχόμενα.',
  ),
  start: 'where',
  steps: [
    {
      kind: 'question',
      id: 'where',
      prompt: text(
        'Is the problem on the computer, on the phone, or on both?',
        'Speelt het probleem op de computer, op de telefoon, of op beide?',
        'Le problème est-il sur l’ordinateur, sur le téléphone, ou sur les deux ?',
        'Το πρόβλημα είναι στον υπολογιστή, στο τηλέφωνο ή και στα δύο;',
      ),
      choices: [
        {
          id: 'computer',
          label: text('The computer', 'De computer', 'L’ordinateur', 'Ο υπολογιστής'),
          next: 'reach-mail',
        },
        {
          id: 'phone',
          label: text('The phone', 'De telefoon', 'Le téléphone', 'Το τηλέφωνο'),
          next: 'phone',
        },
        { id: 'both', label: text('Both', 'Beide', 'Les deux', 'Και τα δύο'), next: 'service' },
      ],
    },
    {
      kind: 'checks',
      id: 'reach-mail',
      prompt: text(
        'Check that the caller’s computer reaches the mail service.',
        'Controleer of de computer van de beller de maildienst bereikt.',
        'Vérifiez que l’ordinateur de l’appelant atteint le service de messagerie.',
        'Ελέγξτε ότι ο υπολογιστής του καλούντα φτάνει στην υπηρεσία αλληλογραφίας.',
      ),
      checks: [{ checkId: 'http.reach', params: { url: 'https://outlook.office.com/' } }],
      branches: [{ when: { checkId: 'http.reach', status: ['fail', 'error'] }, next: 'network' }],
      otherwise: 'restart-mail',
    },
    {
      kind: 'action',
      id: 'restart-mail',
      prompt: text(
        'Ask the caller to close the mail program completely and open it again.',
        'Vraag de beller het mailprogramma helemaal te sluiten en opnieuw te openen.',
        'Demandez à l’appelant de fermer complètement le programme de messagerie et de le rouvrir.',
        'Ζητήστε από τον καλούντα να κλείσει εντελώς το πρόγραμμα αλληλογραφίας και να το ανοίξει ξανά.',
      ),
      choices: fixedOr('mailbox-full'),
    },
    {
      kind: 'question',
      id: 'mailbox-full',
      prompt: text(
        'Has the caller had a “mailbox full” warning, or is a large message stuck in the Outbox?',
        'Heeft de beller een melding “postvak vol” gehad, of staat er een groot bericht vast in het Postvak UIT?',
        'L’appelant a-t-il reçu un avertissement « boîte pleine », ou un gros message est-il bloqué dans la boîte d’envoi ?',
        'Έχει λάβει ο καλών προειδοποίηση «γεμάτο γραμματοκιβώτιο» ή έχει κολλήσει μεγάλο μήνυμα στα Εξερχόμενα;',
      ),
      choices: yesNo('make-room', 'mail-team'),
    },
    {
      kind: 'action',
      id: 'make-room',
      prompt: text(
        'Help the caller archive or delete old messages, and move a stuck message from the Outbox to Drafts.',
        'Help de beller oude berichten te archiveren of te verwijderen, en een vastgelopen bericht van het Postvak UIT naar Concepten te verplaatsen.',
        'Aidez l’appelant à archiver ou supprimer d’anciens messages, et à déplacer un message bloqué de la boîte d’envoi vers les brouillons.',
        'Βοηθήστε τον καλούντα να αρχειοθετήσει ή να διαγράψει παλιά μηνύματα και να μετακινήσει ένα κολλημένο μήνυμα από τα Εξερχόμενα στα Πρόχειρα.',
      ),
      choices: fixedOr('mail-team'),
    },
    resolvedEnd,
    { kind: 'end', id: 'mail-team', outcome: 'escalate', summary: mailTeam },
    {
      kind: 'end',
      id: 'service',
      outcome: 'escalate',
      summary: text(
        'Both computer and phone are affected: probably the mail service itself. Escalate to the messaging team.',
        'Zowel computer als telefoon getroffen: waarschijnlijk de maildienst zelf. Escaleer naar het mailteam.',
        'Ordinateur et téléphone touchés : probablement le service de messagerie lui-même. Escaladez à l’équipe messagerie.',
        'Επηρεάζονται και ο υπολογιστής και το τηλέφωνο: πιθανώς η ίδια η υπηρεσία αλληλογραφίας. Κλιμακώστε στην ομάδα αλληλογραφίας.',
      ),
    },
    {
      kind: 'end',
      id: 'phone',
      outcome: 'investigate',
      summary: text(
        'Only the phone is affected: check the mail account on the phone (password, sync settings).',
        'Alleen de telefoon is getroffen: controleer het mailaccount op de telefoon (wachtwoord, synchronisatie-instellingen).',
        'Seul le téléphone est touché : vérifiez le compte de messagerie sur le téléphone (mot de passe, synchronisation).',
        'Επηρεάζεται μόνο το τηλέφωνο: ελέγξτε τον λογαριασμό αλληλογραφίας στο τηλέφωνο (κωδικό, ρυθμίσεις συγχρονισμού).',
      ),
    },
    {
      kind: 'end',
      id: 'network',
      outcome: 'investigate',
      summary: text(
        'The computer does not reach the mail service: follow the “No internet” script.',
        'De computer bereikt de maildienst niet: volg het script “Geen internet”.',
        'L’ordinateur n’atteint pas le service de messagerie : suivez le script « Pas d’internet ».',
        'Ο υπολογιστής δεν φτάνει στην υπηρεσία αλληλογραφίας: ακολουθήστε το σενάριο «Δεν υπάρχει σύνδεση στο διαδίκτυο».',
      ),
    },
  ],
};
