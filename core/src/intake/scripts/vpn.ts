import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, restartStep, yesNo } from './ends';

const networkTeam = text(
  'The VPN still does not connect: escalate to the network team with the check results.',
  'De VPN maakt nog steeds geen verbinding: escaleer naar het netwerkteam met de resultaten van de controles.',
  'Le VPN ne se connecte toujours pas : escaladez à l’équipe réseau avec les résultats des vérifications.',
  'Το VPN εξακολουθεί να μη συνδέεται: κλιμακώστε στην ομάδα δικτύου με τα αποτελέσματα των ελέγχων.',
);

export const vpnWillNotConnect: IntakeScriptInput = {
  id: 'vpn-will-not-connect',
  version: 1,
  category: 'network',
  title: text(
    'VPN will not connect',
    'VPN maakt geen verbinding',
    'Le VPN ne se connecte pas',
    'Το VPN δεν συνδέεται',
  ),
  description: text(
    'The caller works remotely and the VPN connection fails.',
    'De beller werkt op afstand en de VPN-verbinding mislukt.',
    'L’appelant travaille à distance et la connexion VPN échoue.',
    'Ο καλών εργάζεται εξ αποστάσεως και η σύνδεση VPN αποτυγχάνει.',
  ),
  start: 'internet',
  steps: [
    {
      kind: 'question',
      id: 'internet',
      prompt: text(
        'With the VPN off, do websites open?',
        'Openen websites als de VPN uit staat?',
        'VPN désactivé, les sites web s’ouvrent-ils ?',
        'Με το VPN απενεργοποιημένο, ανοίγουν οι ιστοσελίδες;',
      ),
      choices: yesNo('vpn-message', 'no-internet'),
    },
    {
      kind: 'question',
      id: 'vpn-message',
      prompt: text(
        'What does the VPN program say?',
        'Wat meldt het VPN-programma?',
        'Que dit le programme VPN ?',
        'Τι λέει το πρόγραμμα VPN;',
      ),
      choices: [
        {
          id: 'sign-in-failed',
          label: text(
            'Sign-in failed',
            'Aanmelden mislukt',
            'Échec de la connexion',
            'Αποτυχία σύνδεσης',
          ),
          next: 'sign-in-again',
        },
        {
          id: 'timeout',
          label: text(
            'It times out',
            'Er treedt een time-out op',
            'Délai dépassé',
            'Λήξη χρονικού ορίου',
          ),
          next: 'vpn-checks',
        },
        {
          id: 'other',
          label: text('Something else', 'Iets anders', 'Autre chose', 'Κάτι άλλο'),
          next: 'vpn-checks',
        },
      ],
    },
    {
      kind: 'action',
      id: 'sign-in-again',
      prompt: text(
        'Ask the caller to sign out of the VPN program and sign in again, checking the password and the second factor.',
        'Vraag de beller af te melden in het VPN-programma en opnieuw aan te melden, met aandacht voor wachtwoord en tweede factor.',
        'Demandez à l’appelant de se déconnecter du programme VPN puis de se reconnecter, en vérifiant le mot de passe et le second facteur.',
        'Ζητήστε από τον καλούντα να αποσυνδεθεί από το πρόγραμμα VPN και να συνδεθεί ξανά, ελέγχοντας τον κωδικό και τον δεύτερο παράγοντα.',
      ),
      choices: fixedOr('network-team'),
    },
    {
      kind: 'checks',
      id: 'vpn-checks',
      prompt: text(
        'Check the clock and the route to the VPN gateway on the caller’s computer.',
        'Controleer de klok en de route naar de VPN-gateway op de computer van de beller.',
        'Vérifiez l’horloge et l’accès à la passerelle VPN sur l’ordinateur de l’appelant.',
        'Ελέγξτε το ρολόι και τη διαδρομή προς την πύλη VPN στον υπολογιστή του καλούντα.',
      ),
      checks: [
        { checkId: 'clock.offset' },
        { checkId: 'tcp.port', params: { host: 'vpn.example.com', port: 443 } },
      ],
      branches: [
        { when: { checkId: 'clock.offset', status: ['warn', 'fail'] }, next: 'fix-clock' },
        { when: { checkId: 'tcp.port', status: ['fail'] }, next: 'port-blocked' },
      ],
      otherwise: 'restart',
    },
    {
      kind: 'action',
      id: 'fix-clock',
      prompt: text(
        'The computer’s clock is off. Ask the caller to set date and time automatically, then connect again.',
        'De klok van de computer loopt niet gelijk. Vraag de beller datum en tijd automatisch in te stellen en opnieuw te verbinden.',
        'L’horloge de l’ordinateur est décalée. Demandez à l’appelant de régler la date et l’heure automatiquement, puis de se reconnecter.',
        'Το ρολόι του υπολογιστή αποκλίνει. Ζητήστε από τον καλούντα να ορίσει αυτόματα ημερομηνία και ώρα και να συνδεθεί ξανά.',
      ),
      choices: fixedOr('restart'),
    },
    restartStep('network-team'),
    resolvedEnd,
    { kind: 'end', id: 'network-team', outcome: 'escalate', summary: networkTeam },
    {
      kind: 'end',
      id: 'no-internet',
      outcome: 'investigate',
      summary: text(
        'There is no internet at all: follow the “No internet” script first.',
        'Er is helemaal geen internet: volg eerst het script “Geen internet”.',
        'Il n’y a pas d’internet du tout : suivez d’abord le script « Pas d’internet ».',
        'Δεν υπάρχει καθόλου διαδίκτυο: ακολουθήστε πρώτα το σενάριο «Δεν υπάρχει σύνδεση στο διαδίκτυο».',
      ),
    },
    {
      kind: 'end',
      id: 'port-blocked',
      outcome: 'investigate',
      summary: text(
        'The VPN gateway cannot be reached from this network (a hotel or guest network may block it): try another network, such as a phone hotspot.',
        'De VPN-gateway is vanaf dit netwerk niet bereikbaar (een hotel- of gastnetwerk kan hem blokkeren): probeer een ander netwerk, zoals een hotspot van de telefoon.',
        'La passerelle VPN est injoignable depuis ce réseau (un réseau d’hôtel ou invité peut la bloquer) : essayez un autre réseau, comme un partage de connexion du téléphone.',
        'Η πύλη VPN δεν είναι προσβάσιμη από αυτό το δίκτυο (δίκτυο ξενοδοχείου ή επισκεπτών μπορεί να την αποκλείει): δοκιμάστε άλλο δίκτυο, όπως σημείο πρόσβασης από το τηλέφωνο.',
      ),
    },
  ],
};
