import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, restartStep, technicianEnd } from './ends';

export const noInternet: IntakeScriptInput = {
  id: 'no-internet',
  version: 1,
  category: 'network',
  title: text(
    'No internet',
    'Geen internet',
    'Pas d’internet',
    'Δεν υπάρχει σύνδεση στο διαδίκτυο',
  ),
  description: text(
    'The caller cannot reach websites or online services.',
    'De beller kan geen websites of onlinediensten bereiken.',
    'L’appelant n’accède ni aux sites web ni aux services en ligne.',
    'Ο καλών δεν μπορεί να ανοίξει ιστοσελίδες ή διαδικτυακές υπηρεσίες.',
  ),
  start: 'scope',
  steps: [
    {
      kind: 'question',
      id: 'scope',
      prompt: text(
        'Is it only this computer, or are colleagues nearby affected too?',
        'Is het alleen deze computer, of hebben collega’s in de buurt het ook?',
        'Est-ce seulement cet ordinateur, ou des collègues à proximité sont-ils aussi touchés ?',
        'Αφορά μόνο αυτόν τον υπολογιστή ή επηρεάζονται και συνάδελφοι κοντά του;',
      ),
      choices: [
        {
          id: 'only-this',
          label: text(
            'Only this computer',
            'Alleen deze computer',
            'Seulement cet ordinateur',
            'Μόνο αυτός ο υπολογιστής',
          ),
          next: 'network-checks',
        },
        {
          id: 'others-too',
          label: text(
            'Colleagues too',
            'Collega’s ook',
            'Les collègues aussi',
            'Και οι συνάδελφοι',
          ),
          next: 'outage',
        },
      ],
    },
    {
      kind: 'checks',
      id: 'network-checks',
      prompt: text(
        'Check the network on the caller’s computer.',
        'Controleer het netwerk op de computer van de beller.',
        'Vérifiez le réseau sur l’ordinateur de l’appelant.',
        'Ελέγξτε το δίκτυο στον υπολογιστή του καλούντα.',
      ),
      checks: [
        { checkId: 'network.interfaces' },
        { checkId: 'network.gateway' },
        { checkId: 'dns.resolve', params: { name: 'example.com' } },
      ],
      branches: [
        { when: { checkId: 'network.interfaces', status: ['fail', 'error'] }, next: 'cable' },
        { when: { checkId: 'network.gateway', status: ['fail'] }, next: 'reconnect' },
        { when: { checkId: 'dns.resolve', status: ['fail'] }, next: 'dns' },
      ],
      otherwise: 'some-sites',
    },
    {
      kind: 'action',
      id: 'cable',
      prompt: text(
        'Ask the caller to check that the network cable is plugged in firmly at both ends, or that Wi-Fi is switched on and connected.',
        'Vraag de beller te controleren of de netwerkkabel aan beide kanten goed vastzit, of dat wifi aanstaat en verbonden is.',
        'Demandez à l’appelant de vérifier que le câble réseau est bien branché aux deux bouts, ou que le Wi-Fi est activé et connecté.',
        'Ζητήστε από τον καλούντα να ελέγξει ότι το καλώδιο δικτύου είναι καλά συνδεδεμένο και στις δύο άκρες ή ότι το Wi-Fi είναι ενεργό και συνδεδεμένο.',
      ),
      choices: fixedOr('restart'),
    },
    {
      kind: 'action',
      id: 'reconnect',
      prompt: text(
        'Ask the caller to disconnect from the network and connect again (Wi-Fi off and on, or unplug and replug the cable), then wait a minute.',
        'Vraag de beller de netwerkverbinding te verbreken en opnieuw te verbinden (wifi uit en aan, of de kabel los en weer vast), en dan een minuut te wachten.',
        'Demandez à l’appelant de se déconnecter du réseau puis de se reconnecter (Wi-Fi désactivé puis réactivé, ou câble débranché puis rebranché), puis d’attendre une minute.',
        'Ζητήστε από τον καλούντα να αποσυνδεθεί από το δίκτυο και να συνδεθεί ξανά (απενεργοποίηση και ενεργοποίηση Wi-Fi ή αποσύνδεση και επανασύνδεση καλωδίου) και να περιμένει ένα λεπτό.',
      ),
      choices: fixedOr('gateway'),
    },
    {
      kind: 'question',
      id: 'some-sites',
      prompt: text(
        'Do some websites open, but not others?',
        'Openen sommige websites wel en andere niet?',
        'Certains sites s’ouvrent-ils, mais pas d’autres ?',
        'Ανοίγουν κάποιες ιστοσελίδες αλλά άλλες όχι;',
      ),
      choices: [
        {
          id: 'yes',
          label: text(
            'Yes, only some fail',
            'Ja, alleen sommige niet',
            'Oui, seuls certains échouent',
            'Ναι, μόνο κάποιες αποτυγχάνουν',
          ),
          next: 'some-sites-blocked',
        },
        {
          id: 'no',
          label: text(
            'No, none open',
            'Nee, geen enkele',
            'Non, aucun ne s’ouvre',
            'Όχι, καμία δεν ανοίγει',
          ),
          next: 'restart',
        },
      ],
    },
    restartStep('technician'),
    resolvedEnd,
    technicianEnd,
    {
      kind: 'end',
      id: 'outage',
      outcome: 'escalate',
      summary: text(
        'Several people are affected: probably a wider outage. Escalate to the network team.',
        'Meerdere mensen getroffen: waarschijnlijk een bredere storing. Escaleer naar het netwerkteam.',
        'Plusieurs personnes touchées : probablement une panne plus large. Escaladez à l’équipe réseau.',
        'Επηρεάζονται πολλά άτομα: πιθανώς ευρύτερη διακοπή. Κλιμακώστε στην ομάδα δικτύου.',
      ),
    },
    {
      kind: 'end',
      id: 'gateway',
      outcome: 'escalate',
      summary: text(
        'The computer cannot reach its gateway. Escalate to the network team with the check results.',
        'De computer bereikt zijn gateway niet. Escaleer naar het netwerkteam met de resultaten van de controles.',
        'L’ordinateur n’atteint pas sa passerelle. Escaladez à l’équipe réseau avec les résultats des vérifications.',
        'Ο υπολογιστής δεν φτάνει στην πύλη του. Κλιμακώστε στην ομάδα δικτύου με τα αποτελέσματα των ελέγχων.',
      ),
    },
    {
      kind: 'end',
      id: 'dns',
      outcome: 'escalate',
      summary: text(
        'Names do not resolve although the network is up: a DNS problem. Escalate to the network team.',
        'Namen worden niet opgezocht terwijl het netwerk werkt: een DNS-probleem. Escaleer naar het netwerkteam.',
        'Les noms ne sont pas résolus alors que le réseau fonctionne : un problème DNS. Escaladez à l’équipe réseau.',
        'Τα ονόματα δεν επιλύονται αν και το δίκτυο λειτουργεί: πρόβλημα DNS. Κλιμακώστε στην ομάδα δικτύου.',
      ),
    },
    {
      kind: 'end',
      id: 'some-sites-blocked',
      outcome: 'investigate',
      summary: text(
        'Only some sites fail: note which ones and check the proxy or filtering rules.',
        'Alleen sommige sites werken niet: noteer welke en controleer de proxy- of filterregels.',
        'Seuls certains sites échouent : notez lesquels et vérifiez le proxy ou les règles de filtrage.',
        'Αποτυγχάνουν μόνο κάποιες ιστοσελίδες: σημειώστε ποιες και ελέγξτε τον διακομιστή μεσολάβησης ή τους κανόνες φιλτραρίσματος.',
      ),
    },
  ],
};
