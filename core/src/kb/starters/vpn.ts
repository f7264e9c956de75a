import type { StarterArticle } from './types';

const category = 'network/vpn';

export const vpnArticles: StarterArticle[] = [
  {
    language: 'en',
    category,
    tags: ['vpn', 'remote-work'],
    title: 'VPN will not connect',
    body: `## Symptoms

The VPN client stays on *Connecting…* or shows an authentication error, so company sites and shares cannot be reached from home.

## Steps

1. Check that the PC has internet without the VPN: open a public web site.
2. Check the date and time of the PC; a clock that is off by more than five minutes breaks the sign-in.
3. Quit the VPN client completely and start it again.
4. Sign in again with the **company** account and approve the MFA prompt on the phone.
5. Still failing: note the error code the client shows and escalate to the network team.

## Good to know

Hotel and guest networks sometimes block VPN traffic; a phone hotspot is a quick test.`,
  },
  {
    language: 'nl',
    category,
    tags: ['vpn', 'thuiswerken'],
    title: 'VPN maakt geen verbinding',
    body: `## Symptomen

De VPN-client blijft op *Verbinden…* staan of toont een aanmeldfout, waardoor bedrijfssites en netwerkmappen thuis niet bereikbaar zijn.

## Stappen

1. Controleer of de pc zonder VPN internet heeft: open een openbare website.
2. Controleer datum en tijd van de pc; een klok die meer dan vijf minuten afwijkt, laat de aanmelding mislukken.
3. Sluit de VPN-client helemaal af en start hem opnieuw.
4. Meld opnieuw aan met het **bedrijfsaccount** en keur de MFA-melding op de telefoon goed.
5. Lukt het nog steeds niet: noteer de foutcode die de client toont en escaleer naar het netwerkteam.

## Goed om te weten

Hotel- en gastnetwerken blokkeren soms VPN-verkeer; een hotspot via de telefoon is een snelle test.`,
  },
  {
    language: 'fr',
    category,
    tags: ['vpn', 'télétravail'],
    title: 'Le VPN ne se connecte pas',
    body: `## Symptômes

Le client VPN reste sur *Connexion…* ou affiche une erreur d’authentification : les sites et partages de l’entreprise sont inaccessibles depuis le domicile.

## Étapes

1. Vérifiez que le PC a accès à Internet sans le VPN : ouvrez un site public.
2. Vérifiez la date et l’heure du PC ; une horloge décalée de plus de cinq minutes fait échouer la connexion.
3. Quittez complètement le client VPN puis relancez-le.
4. Reconnectez-vous avec le compte **de l’entreprise** et validez la demande MFA sur le téléphone.
5. Toujours en échec : notez le code d’erreur affiché par le client et escaladez à l’équipe réseau.

## Bon à savoir

Les réseaux d’hôtel et d’invités bloquent parfois le VPN ; un partage de connexion depuis le téléphone permet de le vérifier rapidement.`,
  },
  {
    language: 'el',
    category,
    tags: ['vpn', 'τηλεργασία'],
    title: 'Το VPN δεν συνδέεται',
    body: `## Συμπτώματα

Το πρόγραμμα VPN μένει στο *Σύνδεση…* ή δείχνει σφάλμα ταυτοποίησης, οπότε οι ιστότοποι και οι κοινόχρηστοι φάκελοι της εταιρείας δεν είναι προσβάσιμοι από το σπίτι.

## Βήματα

1. Ελέγξτε ότι ο υπολογιστής έχει internet χωρίς VPN: ανοίξτε έναν δημόσιο ιστότοπο.
2. Ελέγξτε την ημερομηνία και την ώρα του υπολογιστή· ρολόι που αποκλίνει πάνω από πέντε λεπτά αποτυγχάνει τη σύνδεση.
3. Κλείστε εντελώς το πρόγραμμα VPN και ανοίξτε το ξανά.
4. Συνδεθείτε ξανά με τον **εταιρικό** λογαριασμό και εγκρίνετε το αίτημα MFA στο τηλέφωνο.
5. Αν εξακολουθεί να αποτυγχάνει: σημειώστε τον κωδικό σφάλματος και κλιμακώστε στην ομάδα δικτύου.

## Καλό να ξέρετε

Τα δίκτυα ξενοδοχείων και επισκεπτών μερικές φορές μπλοκάρουν το VPN· ένα hotspot από το κινητό είναι γρήγορη δοκιμή.`,
  },
];
