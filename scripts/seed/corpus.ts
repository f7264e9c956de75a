/**
 * Realistic service-desk text in the four languages the desk works in, for demo and
 * benchmark data. Each scenario is one kind of problem, with its category.
 */
export type Language = 'en' | 'nl' | 'fr' | 'el';

export interface Scenario {
  category: string;
  summary: string;
  description: string;
  error: string;
  tried: string;
}

export interface LanguageCorpus {
  firstNames: string[];
  lastNames: string[];
  departments: string[];
  locations: string[];
  scenarios: Scenario[];
  /** Timeline text: what was said or noted while working the ticket. */
  calls: string[];
  emails: string[];
  chats: string[];
  notes: string[];
  resolutions: string[];
}

const s = (
  category: string,
  summary: string,
  description: string,
  error: string,
  tried: string,
): Scenario => ({
  category,
  summary,
  description,
  error,
  tried,
});

export const CORPUS: Record<Language, LanguageCorpus> = {
  en: {
    firstNames: ['Emma', 'Oliver', 'Sophie', 'James', 'Grace', 'Thomas', 'Chloe', 'Daniel'],
    lastNames: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Walker', 'Hughes', 'Clarke', 'Wright'],
    departments: ['Finance', 'Sales', 'Human Resources', 'Legal', 'Procurement'],
    locations: ['London, 2nd floor', 'Manchester office', 'Home office', 'Reading, building B'],
    scenarios: [
      s(
        'printer/print-quality',
        'Printer on the {floor} floor prints blank pages',
        'Every job comes out blank since this morning; the queue shows them as printed.',
        'Toner low',
        'Restarted the printer and printed a test page',
      ),
      s(
        'network/vpn',
        'VPN disconnects every few minutes when working from home',
        'The VPN client drops the connection and reconnects, video calls freeze.',
        'The VPN connection was terminated by the remote host',
        'Rebooted the router and the laptop',
      ),
      s(
        'account/password-reset',
        'Password expired, cannot sign in',
        'After the holidays the password expired and the self-service reset does not send the code.',
        'Your password has expired and must be changed',
        'Tried the reset link twice',
      ),
      s(
        'hardware/laptop',
        'Laptop will not start after the update',
        'The laptop shows the logo and then a black screen with a blinking cursor.',
        'No bootable device found',
        'Held the power button for 30 seconds, removed the dock',
      ),
      s(
        'email/mailbox',
        'Outlook keeps asking for the password',
        'Outlook prompts for credentials every few minutes and mail stops syncing.',
        'Need password',
        'Removed the saved credentials',
      ),
      s(
        'software/business-app',
        'Invoicing application crashes when exporting to PDF',
        'Exporting any invoice to PDF closes the application without a message.',
        'Unhandled exception in module export',
        'Reinstalled the PDF printer',
      ),
      s(
        'network/wifi',
        'Wi-Fi very slow in the meeting rooms',
        'Downloads stall and screen sharing fails in the rooms on the east side.',
        'Limited connectivity',
        'Moved closer to the access point',
      ),
      s(
        'hardware/monitor',
        'Second monitor flickers',
        'The external monitor flickers and goes black for a second every few minutes.',
        '',
        'Swapped the HDMI cable',
      ),
    ],
    calls: [
      'User called: the problem is back since this morning.',
      'Called the user back, walked through the checks together.',
      'User confirms the workaround helps for now.',
      'Left a voicemail, will try again this afternoon.',
    ],
    emails: [
      'Sent the user the steps to clear the cache.',
      'User replied with a screenshot of the error.',
      'Asked the user which room and which time it happens.',
    ],
    chats: [
      'User in chat: still the same after the restart.',
      'Shared the link to the knowledge base article in chat.',
      'User asks whether a replacement is possible.',
    ],
    notes: [
      'Checked the event log: driver errors at every wake-up.',
      'Same issue reported on two other machines on this floor.',
      'Firmware is two versions behind; update planned.',
      'Waiting for the vendor to confirm the warranty.',
    ],
    resolutions: [
      'Updated the driver and firmware; tested with the user.',
      'Reset the password and re-enrolled multi-factor authentication.',
      'Replaced the faulty cable; no flicker after an hour.',
      'Reconfigured the access point channels.',
    ],
  },
  nl: {
    firstNames: ['Jan', 'Sofie', 'Pieter', 'Lotte', 'Bram', 'Eline', 'Wouter', 'Fien'],
    lastNames: [
      'de Vries',
      'Janssens',
      'Peeters',
      'Maes',
      'van den Berg',
      'Claes',
      'Willems',
      'Jacobs',
    ],
    departments: ['Boekhouding', 'Verkoop', 'Personeelsdienst', 'Logistiek', 'Juridische dienst'],
    locations: ['Gent, 3de verdieping', 'Antwerpen kantoor', 'Thuiswerk', 'Utrecht, gebouw C'],
    scenarios: [
      s(
        'printer/paper-jam',
        'Printer op de {floor} verdieping loopt steeds vast',
        'Het papier loopt vast in lade 2, ook na het leegmaken van de lade.',
        'Papierstoring in lade 2',
        'Lade leeggemaakt en printer opnieuw opgestart',
      ),
      s(
        'account/password-reset',
        'Wachtwoord verlopen, kan niet aanmelden',
        'Na het verlof is het wachtwoord verlopen en de herstelcode komt niet aan.',
        'Uw wachtwoord is verlopen',
        'Twee keer de herstelkoppeling geprobeerd',
      ),
      s(
        'network/vpn',
        'VPN-verbinding valt telkens weg bij thuiswerk',
        'De verbinding valt om de paar minuten weg, vergaderingen haperen.',
        'De externe host heeft de verbinding verbroken',
        'Router en laptop herstart',
      ),
      s(
        'hardware/dock',
        'Dockingstation herkent het scherm niet meer',
        'Sinds de update blijft het externe scherm zwart via het dockingstation.',
        'Geen signaal',
        'Kabel vervangen en dock losgekoppeld',
      ),
      s(
        'software/office',
        'Excel loopt vast bij het openen van grote bestanden',
        'Bestanden boven de 50 MB laten Excel bevriezen, daarna sluit het af.',
        'Excel reageert niet',
        'Invoegtoepassingen uitgeschakeld',
      ),
      s(
        'email/calendar',
        'Agenda-uitnodigingen komen niet aan',
        'Collega’s zien de uitnodigingen niet, de vergaderzalen worden niet geboekt.',
        '',
        'Outlook opnieuw gestart',
      ),
      s(
        'network/wired',
        'Geen netwerk op de vaste werkplek',
        'De netwerkkabel geeft geen verbinding, het lampje van de poort brandt niet.',
        'Netwerkkabel niet aangesloten',
        'Andere poort geprobeerd',
      ),
    ],
    calls: [
      'Gebruiker belde: het probleem is sinds vanochtend terug.',
      'Gebruiker teruggebeld en samen de controles overlopen.',
      'Gebruiker bevestigt dat de tijdelijke oplossing werkt.',
      'Voicemail ingesproken, probeer vanmiddag opnieuw.',
    ],
    emails: [
      'Stappen om de cache te wissen naar de gebruiker gestuurd.',
      'Gebruiker stuurde een schermafdruk van de foutmelding.',
      'Gevraagd in welke zaal en op welk tijdstip het gebeurt.',
    ],
    chats: [
      'Gebruiker in de chat: nog steeds hetzelfde na de herstart.',
      'Koppeling naar het kennisbankartikel gedeeld.',
      'Gebruiker vraagt of een vervangtoestel mogelijk is.',
    ],
    notes: [
      'Gebeurtenislogboek nagekeken: stuurprogrammafouten bij elk ontwaken.',
      'Zelfde melding op twee andere toestellen op deze verdieping.',
      'Leverancier moet de garantie nog bevestigen.',
    ],
    resolutions: [
      'Stuurprogramma en firmware bijgewerkt; getest met de gebruiker.',
      'Wachtwoord opnieuw ingesteld en tweestapsverificatie opnieuw gekoppeld.',
      'Defecte poort op de switch vervangen.',
    ],
  },
  fr: {
    firstNames: ['Marie', 'Lucas', 'Camille', 'Julien', 'Élodie', 'Mathieu', 'Chloé', 'François'],
    lastNames: ['Dubois', 'Lefèvre', 'Martin', 'Lambert', 'Dupont', 'Mercier', 'Girard', 'Leroy'],
    departments: ['Comptabilité', 'Ventes', 'Ressources humaines', 'Service juridique', 'Achats'],
    locations: ['Liège, 2e étage', 'Bruxelles, bâtiment A', 'Télétravail', 'Namur, accueil'],
    scenarios: [
      s(
        'network/wired',
        'Réseau très lent au {floor} étage',
        'Les téléchargements échouent et les partages de fichiers s’ouvrent très lentement.',
        'Connectivité limitée',
        'Redémarré le poste et changé de prise réseau',
      ),
      s(
        'printer/driver',
        'Impossible d’imprimer depuis la mise à jour',
        'L’imprimante apparaît hors ligne depuis la mise à jour de Windows.',
        'Le pilote d’imprimante est indisponible',
        'Réinstallé le pilote',
      ),
      s(
        'account/access-request',
        'Accès refusé au dossier partagé de l’équipe',
        'Depuis le changement de service, le dossier partagé affiche accès refusé.',
        'Accès refusé',
        'Déconnecté puis reconnecté le lecteur réseau',
      ),
      s(
        'hardware/laptop',
        'L’ordinateur portable surchauffe et s’éteint',
        'Le ventilateur tourne à fond puis l’ordinateur s’éteint pendant les réunions.',
        'Arrêt thermique',
        'Nettoyé les grilles d’aération',
      ),
      s(
        'email/mailbox',
        'Boîte aux lettres pleine, les courriels sont refusés',
        'Les expéditeurs reçoivent un message de boîte pleine.',
        'Quota de la boîte aux lettres dépassé',
        'Supprimé les anciens courriels',
      ),
      s(
        'software/install-request',
        'Demande d’installation du logiciel de cartographie',
        'Le nouveau collègue a besoin du logiciel pour préparer les tournées.',
        '',
        'Rien, demande nouvelle',
      ),
      s(
        'phone/mobile',
        'Le téléphone mobile ne synchronise plus le courrier',
        'Les courriels n’arrivent plus sur le téléphone depuis hier.',
        'Impossible de vérifier l’identité du serveur',
        'Redémarré le téléphone',
      ),
    ],
    calls: [
      'L’utilisateur a rappelé : le problème est revenu ce matin.',
      'Rappelé l’utilisateur, vérifications faites ensemble.',
      'L’utilisateur confirme que le contournement fonctionne.',
      'Laissé un message vocal, nouvel essai cet après-midi.',
    ],
    emails: [
      'Envoyé à l’utilisateur la procédure pour vider le cache.',
      'L’utilisateur a répondu avec une capture d’écran de l’erreur.',
      'Demandé dans quelle salle et à quelle heure cela arrive.',
    ],
    chats: [
      'Utilisateur dans le chat : toujours pareil après le redémarrage.',
      'Partagé le lien vers l’article de la base de connaissances.',
      'L’utilisateur demande un appareil de remplacement.',
    ],
    notes: [
      'Journal des événements vérifié : erreurs de pilote à chaque réveil.',
      'Même problème signalé sur deux autres postes de l’étage.',
      'En attente de la confirmation de garantie du fournisseur.',
    ],
    resolutions: [
      'Pilote et micrologiciel mis à jour ; testé avec l’utilisateur.',
      'Droits d’accès corrigés dans le groupe de l’équipe.',
      'Quota augmenté et archivage automatique activé.',
    ],
  },
  el: {
    firstNames: ['Γιώργος', 'Ελένη', 'Νίκος', 'Μαρία', 'Δημήτρης', 'Κατερίνα', 'Αλέξης', 'Σοφία'],
    lastNames: [
      'Παπαδόπουλος',
      'Νικολάου',
      'Γεωργίου',
      'Οικονόμου',
      'Κωνσταντίνου',
      'Βασιλείου',
      'Ιωάννου',
      'Μακρής',
    ],
    departments: ['Λογιστήριο', 'Πωλήσεις', 'Ανθρώπινο δυναμικό', 'Αποθήκη', 'Νομική υπηρεσία'],
    locations: ['Αθήνα, 2ος όροφος', 'Θεσσαλονίκη, γραφείο', 'Τηλεργασία', 'Πειραιάς, αποθήκη'],
    scenarios: [
      s(
        'printer/paper-jam',
        'Ο εκτυπωτής στον {floor} όροφο μπλοκάρει συνέχεια',
        'Το χαρτί κολλάει στον δίσκο 2 ακόμη και μετά τον καθαρισμό.',
        'Εμπλοκή χαρτιού στον δίσκο 2',
        'Άδειασα τον δίσκο και επανεκκίνησα τον εκτυπωτή',
      ),
      s(
        'hardware/desktop',
        'Ο υπολογιστής δεν ξεκινά μετά την ενημέρωση',
        'Μένει στη μαύρη οθόνη μετά το λογότυπο.',
        'Δεν βρέθηκε συσκευή εκκίνησης',
        'Κράτησα πατημένο το κουμπί λειτουργίας',
      ),
      s(
        'network/wifi',
        'Το ασύρματο δίκτυο είναι πολύ αργό στις αίθουσες',
        'Οι βιντεοκλήσεις κολλάνε και η κοινή χρήση οθόνης αποτυγχάνει.',
        'Περιορισμένη συνδεσιμότητα',
        'Πλησίασα το σημείο πρόσβασης',
      ),
      s(
        'account/mfa',
        'Δεν λαμβάνω τον κωδικό επαλήθευσης',
        'Ο κωδικός δύο βημάτων δεν φτάνει στο κινητό μετά την αλλαγή συσκευής.',
        'Η επαλήθευση απέτυχε',
        'Επανεγκατέστησα την εφαρμογή',
      ),
      s(
        'software/office',
        'Το Word κλείνει όταν αποθηκεύω στο κοινόχρηστο',
        'Η αποθήκευση στον κοινόχρηστο φάκελο κλείνει το πρόγραμμα χωρίς μήνυμα.',
        'Το πρόγραμμα σταμάτησε να λειτουργεί',
        'Αποθήκευσα τοπικά',
      ),
      s(
        'email/spam',
        'Πολλά ανεπιθύμητα μηνύματα στα εισερχόμενα',
        'Από χθες φτάνουν δεκάδες ύποπτα μηνύματα με συνημμένα.',
        '',
        'Τα μετέφερα στα ανεπιθύμητα',
      ),
      s(
        'phone/desk-phone',
        'Το σταθερό τηλέφωνο δεν έχει ήχο κλήσης',
        'Το τηλέφωνο του γραφείου δείχνει χωρίς σύνδεση.',
        'Χωρίς υπηρεσία',
        'Έλεγξα το καλώδιο',
      ),
    ],
    calls: [
      'Ο χρήστης τηλεφώνησε: το πρόβλημα επανήλθε από το πρωί.',
      'Κάλεσα τον χρήστη και κάναμε μαζί τους ελέγχους.',
      'Ο χρήστης επιβεβαιώνει ότι η προσωρινή λύση βοηθά.',
      'Άφησα φωνητικό μήνυμα, θα ξαναδοκιμάσω το απόγευμα.',
    ],
    emails: [
      'Έστειλα στον χρήστη τα βήματα για τον καθαρισμό της προσωρινής μνήμης.',
      'Ο χρήστης απάντησε με στιγμιότυπο οθόνης του σφάλματος.',
      'Ρώτησα σε ποια αίθουσα και ποια ώρα συμβαίνει.',
    ],
    chats: [
      'Χρήστης στη συνομιλία: το ίδιο και μετά την επανεκκίνηση.',
      'Μοιράστηκα τον σύνδεσμο προς το άρθρο της βάσης γνώσεων.',
      'Ο χρήστης ρωτά αν γίνεται αντικατάσταση.',
    ],
    notes: [
      'Έλεγξα το αρχείο συμβάντων: σφάλματα οδηγού σε κάθε αφύπνιση.',
      'Το ίδιο πρόβλημα σε δύο ακόμη σταθμούς του ορόφου.',
      'Αναμένουμε επιβεβαίωση εγγύησης από τον προμηθευτή.',
    ],
    resolutions: [
      'Ενημέρωσα οδηγό και υλικολογισμικό· δοκιμάστηκε με τον χρήστη.',
      'Επαναφορά κωδικού και νέα σύνδεση επαλήθευσης δύο βημάτων.',
      'Αντικαταστάθηκε το ελαττωματικό καλώδιο.',
    ],
  },
};

export const FLOORS: Record<Language, string[]> = {
  en: ['first', 'second', 'third', 'fourth'],
  nl: ['eerste', 'tweede', 'derde', 'vierde'],
  fr: ['premier', 'deuxième', 'troisième', 'quatrième'],
  el: ['πρώτο', 'δεύτερο', 'τρίτο', 'τέταρτο'],
};
