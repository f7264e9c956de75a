import type { StarterArticle } from './types';

const category = 'printer';

export const printerArticles: StarterArticle[] = [
  {
    language: 'en',
    category,
    tags: ['printer', 'offline'],
    title: 'Printer shows as offline',
    body: `## Symptoms

Documents wait in the print queue and the printer is listed as **Offline**.

## Steps

1. Check the printer's display: paper jam, empty tray or an error code.
2. Turn the printer off, wait ten seconds, turn it on again.
3. On the PC, open *Printers & scanners*, select the printer and clear the queue.
4. Check that the PC is on the office network (the printer is not reachable over guest Wi-Fi).
5. Remove the printer and add it again from the print server.

| Display says | Meaning |
| --- | --- |
| Paper jam | Open the marked doors and remove the paper |
| Toner low | Printing still works; order toner |`,
  },
  {
    language: 'nl',
    category,
    tags: ['printer', 'offline'],
    title: 'Printer staat offline',
    body: `## Symptomen

Documenten blijven in de afdrukwachtrij staan en de printer staat op **Offline**.

## Stappen

1. Kijk op het display van de printer: papierstoring, lege lade of een foutcode.
2. Zet de printer uit, wacht tien seconden en zet hem weer aan.
3. Open op de pc *Printers en scanners*, kies de printer en maak de wachtrij leeg.
4. Controleer of de pc op het kantoornetwerk zit (via gastwifi is de printer niet bereikbaar).
5. Verwijder de printer en voeg hem opnieuw toe vanaf de printserver.

| Display toont | Betekenis |
| --- | --- |
| Papierstoring | Open de gemarkeerde kleppen en verwijder het papier |
| Toner bijna op | Afdrukken werkt nog; bestel toner |`,
  },
  {
    language: 'fr',
    category,
    tags: ['imprimante', 'hors-ligne'],
    title: 'L’imprimante apparaît hors ligne',
    body: `## Symptômes

Les documents restent dans la file d’impression et l’imprimante est indiquée **Hors ligne**.

## Étapes

1. Regardez l’écran de l’imprimante : bourrage papier, bac vide ou code d’erreur.
2. Éteignez l’imprimante, attendez dix secondes, rallumez-la.
3. Sur le PC, ouvrez *Imprimantes et scanners*, choisissez l’imprimante et videz la file.
4. Vérifiez que le PC est sur le réseau du bureau (l’imprimante n’est pas joignable par le Wi-Fi invités).
5. Supprimez l’imprimante puis ajoutez-la de nouveau depuis le serveur d’impression.

| L’écran affiche | Signification |
| --- | --- |
| Bourrage papier | Ouvrez les trappes indiquées et retirez le papier |
| Toner bas | L’impression fonctionne encore ; commandez du toner |`,
  },
  {
    language: 'el',
    category,
    tags: ['εκτυπωτής', 'εκτός-σύνδεσης'],
    title: 'Ο εκτυπωτής εμφανίζεται εκτός σύνδεσης',
    body: `## Συμπτώματα

Τα έγγραφα μένουν στην ουρά εκτύπωσης και ο εκτυπωτής εμφανίζεται **Εκτός σύνδεσης**.

## Βήματα

1. Δείτε την οθόνη του εκτυπωτή: εμπλοκή χαρτιού, άδειο συρτάρι ή κωδικός σφάλματος.
2. Σβήστε τον εκτυπωτή, περιμένετε δέκα δευτερόλεπτα και ανάψτε τον ξανά.
3. Στον υπολογιστή ανοίξτε *Εκτυπωτές και σαρωτές*, επιλέξτε τον εκτυπωτή και αδειάστε την ουρά.
4. Ελέγξτε ότι ο υπολογιστής είναι στο δίκτυο του γραφείου (από το Wi-Fi επισκεπτών ο εκτυπωτής δεν είναι προσβάσιμος).
5. Αφαιρέστε τον εκτυπωτή και προσθέστε τον ξανά από τον διακομιστή εκτυπώσεων.

| Η οθόνη γράφει | Σημασία |
| --- | --- |
| Εμπλοκή χαρτιού | Ανοίξτε τα σημειωμένα καπάκια και αφαιρέστε το χαρτί |
| Χαμηλό τόνερ | Η εκτύπωση λειτουργεί ακόμη· παραγγείλτε τόνερ |`,
  },
];
