import type { Language } from '@deskside/core';

/** What the main process's error dialogs say, in the console's four languages. */
export interface CrashText {
  title: string;
  /** The dialog's message, by what happened. */
  uncaught: string;
  pageGone: string;
  loadFailed: string;
  startFailed: string;
  /** Below the message: what to do with the report. */
  advice: string;
  copy: string;
  copied: string;
  reload: string;
  close: string;
  quit: string;
}

export const CRASH_TEXT: Record<Language, CrashText> = {
  en: {
    title: 'Deskside',
    uncaught: 'Deskside hit an unexpected error. It may keep working; if it does not, restart it.',
    pageGone: 'The console’s page stopped unexpectedly.',
    loadFailed: 'The console’s page could not be loaded.',
    startFailed: 'Deskside could not start.',
    advice:
      'Copy the report and send it to whoever looks after Deskside at your desk. It holds the error, the versions and the last lines of the log.',
    copy: 'Copy report',
    copied: 'The report is on the clipboard.',
    reload: 'Reload',
    close: 'Close',
    quit: 'Quit',
  },
  nl: {
    title: 'Deskside',
    uncaught:
      'Deskside kreeg een onverwachte fout. Het werkt misschien gewoon verder; zo niet, start het dan opnieuw.',
    pageGone: 'De pagina van de console is onverwacht gestopt.',
    loadFailed: 'De pagina van de console kon niet worden geladen.',
    startFailed: 'Deskside kon niet starten.',
    advice:
      'Kopieer het rapport en stuur het naar wie Deskside bij uw servicedesk beheert. Het bevat de fout, de versies en de laatste regels van het logboek.',
    copy: 'Rapport kopiëren',
    copied: 'Het rapport staat op het klembord.',
    reload: 'Opnieuw laden',
    close: 'Sluiten',
    quit: 'Afsluiten',
  },
  fr: {
    title: 'Deskside',
    uncaught:
      'Deskside a rencontré une erreur inattendue. Il peut continuer à fonctionner ; sinon, redémarrez-le.',
    pageGone: 'La page de la console s’est arrêtée de façon inattendue.',
    loadFailed: 'La page de la console n’a pas pu être chargée.',
    startFailed: 'Deskside n’a pas pu démarrer.',
    advice:
      'Copiez le rapport et envoyez-le à la personne qui s’occupe de Deskside dans votre équipe. Il contient l’erreur, les versions et les dernières lignes du journal.',
    copy: 'Copier le rapport',
    copied: 'Le rapport est dans le presse-papiers.',
    reload: 'Recharger',
    close: 'Fermer',
    quit: 'Quitter',
  },
  el: {
    title: 'Deskside',
    uncaught:
      'Το Deskside συνάντησε ένα απρόσμενο σφάλμα. Ίσως συνεχίσει να λειτουργεί· αν όχι, ξεκινήστε το ξανά.',
    pageGone: 'Η σελίδα της κονσόλας σταμάτησε απρόσμενα.',
    loadFailed: 'Δεν ήταν δυνατή η φόρτωση της σελίδας της κονσόλας.',
    startFailed: 'Το Deskside δεν μπόρεσε να ξεκινήσει.',
    advice:
      'Αντιγράψτε την αναφορά και στείλτε τη σε όποιον φροντίζει το Deskside στην ομάδα σας. Περιέχει το σφάλμα, τις εκδόσεις και τις τελευταίες γραμμές του αρχείου καταγραφής.',
    copy: 'Αντιγραφή αναφοράς',
    copied: 'Η αναφορά βρίσκεται στο πρόχειρο.',
    reload: 'Επαναφόρτωση',
    close: 'Κλείσιμο',
    quit: 'Έξοδος',
  },
};
