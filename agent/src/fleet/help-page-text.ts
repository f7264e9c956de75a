/** The help page's words in the desk's four languages. */
import type { HelpLanguage } from './help-store';

export interface HelpPageText {
  languageName: string;
  title: string;
  intro: string;
  askTitle: string;
  name: string;
  email: string;
  summary: string;
  description: string;
  send: string;
  sentNote: string;
  requestsTitle: string;
  noRequests: string;
  waiting: string;
  withDesk: string;
  ticket: string;
  you: string;
  desk: string;
  answer: string;
  sendAnswer: string;
  works: string;
  worksSent: string;
  feedbackTitle: string;
  rating: string;
  ratingLabels: [string, string, string, string, string];
  comment: string;
  sendFeedback: string;
  feedbackSent: string;
  languages: string;
  invalid: string;
  notSent: string;
}

export const HELP_PAGE_TEXT: Record<HelpLanguage, HelpPageText> = {
  en: {
    languageName: 'English',
    title: 'Ask the service desk for help',
    intro:
      'Describe your problem. This computer sends it to the service desk with a description of the computer and a few quick checks.',
    askTitle: 'New request',
    name: 'Your name',
    email: 'Your e-mail address',
    summary: 'What is the problem, in a few words?',
    description: 'Tell us more (what happened, any error message)',
    send: 'Send to the service desk',
    sentNote: 'Your request is saved on this computer and sent as soon as it can reach the desk.',
    requestsTitle: 'Your requests',
    noRequests: 'You have not asked for help from this computer yet.',
    waiting: 'Waiting to be sent',
    withDesk: 'Received by the service desk',
    ticket: 'Ticket',
    you: 'You',
    desk: 'Service desk',
    answer: 'Your answer',
    sendAnswer: 'Send answer',
    works: 'It works now',
    worksSent: 'You told the desk it works now.',
    feedbackTitle: 'How did we do?',
    rating: 'Rating',
    ratingLabels: ['1 – very poor', '2 – poor', '3 – fair', '4 – good', '5 – very good'],
    comment: 'Comment (optional)',
    sendFeedback: 'Send feedback',
    feedbackSent: 'Thank you for your feedback.',
    languages: 'Language',
    invalid: 'Please check the fields: a name, a valid e-mail address and a summary are needed.',
    notSent: 'This page has expired. Please try again.',
  },
  nl: {
    languageName: 'Nederlands',
    title: 'Hulp vragen aan de servicedesk',
    intro:
      'Beschrijf uw probleem. Deze computer stuurt het naar de servicedesk, met een beschrijving van de computer en enkele snelle controles.',
    askTitle: 'Nieuwe aanvraag',
    name: 'Uw naam',
    email: 'Uw e-mailadres',
    summary: 'Wat is het probleem, in een paar woorden?',
    description: 'Vertel meer (wat er gebeurde, een eventuele foutmelding)',
    send: 'Naar de servicedesk sturen',
    sentNote:
      'Uw aanvraag wordt op deze computer bewaard en verstuurd zodra de servicedesk bereikbaar is.',
    requestsTitle: 'Uw aanvragen',
    noRequests: 'U hebt vanaf deze computer nog geen hulp gevraagd.',
    waiting: 'Wacht op verzending',
    withDesk: 'Ontvangen door de servicedesk',
    ticket: 'Ticket',
    you: 'U',
    desk: 'Servicedesk',
    answer: 'Uw antwoord',
    sendAnswer: 'Antwoord sturen',
    works: 'Het werkt nu',
    worksSent: 'U hebt de servicedesk laten weten dat het nu werkt.',
    feedbackTitle: 'Hoe hebben we het gedaan?',
    rating: 'Beoordeling',
    ratingLabels: ['1 – zeer slecht', '2 – slecht', '3 – redelijk', '4 – goed', '5 – zeer goed'],
    comment: 'Opmerking (optioneel)',
    sendFeedback: 'Beoordeling sturen',
    feedbackSent: 'Bedankt voor uw beoordeling.',
    languages: 'Taal',
    invalid:
      'Controleer de velden: een naam, een geldig e-mailadres en een samenvatting zijn nodig.',
    notSent: 'Deze pagina is verlopen. Probeer het opnieuw.',
  },
  fr: {
    languageName: 'Français',
    title: 'Demander de l’aide au service d’assistance',
    intro:
      'Décrivez votre problème. Cet ordinateur l’envoie au service d’assistance avec une description de l’ordinateur et quelques vérifications rapides.',
    askTitle: 'Nouvelle demande',
    name: 'Votre nom',
    email: 'Votre adresse e-mail',
    summary: 'Quel est le problème, en quelques mots ?',
    description: 'Dites-nous en plus (ce qui s’est passé, un éventuel message d’erreur)',
    send: 'Envoyer au service d’assistance',
    sentNote:
      'Votre demande est conservée sur cet ordinateur et envoyée dès que le service d’assistance est joignable.',
    requestsTitle: 'Vos demandes',
    noRequests: 'Vous n’avez pas encore demandé d’aide depuis cet ordinateur.',
    waiting: 'En attente d’envoi',
    withDesk: 'Reçue par le service d’assistance',
    ticket: 'Ticket',
    you: 'Vous',
    desk: 'Service d’assistance',
    answer: 'Votre réponse',
    sendAnswer: 'Envoyer la réponse',
    works: 'Ça fonctionne maintenant',
    worksSent: 'Vous avez indiqué au service d’assistance que cela fonctionne.',
    feedbackTitle: 'Votre avis',
    rating: 'Note',
    ratingLabels: ['1 – très mauvais', '2 – mauvais', '3 – correct', '4 – bon', '5 – très bon'],
    comment: 'Commentaire (facultatif)',
    sendFeedback: 'Envoyer l’avis',
    feedbackSent: 'Merci pour votre avis.',
    languages: 'Langue',
    invalid:
      'Vérifiez les champs : un nom, une adresse e-mail valide et un résumé sont nécessaires.',
    notSent: 'Cette page a expiré. Veuillez réessayer.',
  },
  el: {
    languageName: 'Ελληνικά',
    title: 'Ζητήστε βοήθεια από την υπηρεσία υποστήριξης',
    intro:
      'Περιγράψτε το πρόβλημά σας. Αυτός ο υπολογιστής το στέλνει στην υπηρεσία υποστήριξης μαζί με μια περιγραφή του υπολογιστή και μερικούς γρήγορους ελέγχους.',
    askTitle: 'Νέο αίτημα',
    name: 'Το όνομά σας',
    email: 'Η διεύθυνση e-mail σας',
    summary: 'Ποιο είναι το πρόβλημα, με λίγα λόγια;',
    description: 'Πείτε μας περισσότερα (τι συνέβη, τυχόν μήνυμα σφάλματος)',
    send: 'Αποστολή στην υπηρεσία υποστήριξης',
    sentNote:
      'Το αίτημά σας φυλάσσεται σε αυτόν τον υπολογιστή και αποστέλλεται μόλις η υπηρεσία υποστήριξης είναι προσβάσιμη.',
    requestsTitle: 'Τα αιτήματά σας',
    noRequests: 'Δεν έχετε ζητήσει ακόμη βοήθεια από αυτόν τον υπολογιστή.',
    waiting: 'Σε αναμονή αποστολής',
    withDesk: 'Παραλήφθηκε από την υπηρεσία υποστήριξης',
    ticket: 'Αίτημα',
    you: 'Εσείς',
    desk: 'Υπηρεσία υποστήριξης',
    answer: 'Η απάντησή σας',
    sendAnswer: 'Αποστολή απάντησης',
    works: 'Λειτουργεί τώρα',
    worksSent: 'Ενημερώσατε την υπηρεσία υποστήριξης ότι λειτουργεί τώρα.',
    feedbackTitle: 'Πώς τα πήγαμε;',
    rating: 'Βαθμολογία',
    ratingLabels: ['1 – πολύ κακή', '2 – κακή', '3 – μέτρια', '4 – καλή', '5 – πολύ καλή'],
    comment: 'Σχόλιο (προαιρετικό)',
    sendFeedback: 'Αποστολή αξιολόγησης',
    feedbackSent: 'Ευχαριστούμε για την αξιολόγησή σας.',
    languages: 'Γλώσσα',
    invalid: 'Ελέγξτε τα πεδία: χρειάζονται όνομα, έγκυρη διεύθυνση e-mail και σύντομη περιγραφή.',
    notSent: 'Η σελίδα έληξε. Δοκιμάστε ξανά.',
  },
};
