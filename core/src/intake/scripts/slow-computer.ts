import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, restartStep, technicianEnd } from './ends';

export const slowComputer: IntakeScriptInput = {
  id: 'slow-computer',
  version: 1,
  category: 'hardware',
  title: text('Slow computer', 'Trage computer', 'Ordinateur lent', 'Αργός υπολογιστής'),
  description: text(
    'The computer is slow to start, to open programs or to respond.',
    'De computer start traag op, opent programma’s traag of reageert traag.',
    'L’ordinateur est lent à démarrer, à ouvrir les programmes ou à réagir.',
    'Ο υπολογιστής αργεί να ξεκινήσει, να ανοίξει προγράμματα ή να ανταποκριθεί.',
  ),
  start: 'scope',
  steps: [
    {
      kind: 'question',
      id: 'scope',
      prompt: text(
        'Is everything slow, or only one program?',
        'Is alles traag, of alleen één programma?',
        'Tout est-il lent, ou seulement un programme ?',
        'Είναι όλα αργά ή μόνο ένα πρόγραμμα;',
      ),
      choices: [
        { id: 'everything', label: text('Everything', 'Alles', 'Tout', 'Όλα'), next: 'resources' },
        {
          id: 'one-program',
          label: text('One program', 'Eén programma', 'Un seul programme', 'Ένα πρόγραμμα'),
          next: 'update-program',
        },
      ],
    },
    {
      kind: 'action',
      id: 'update-program',
      prompt: text(
        'Ask the caller to close the program completely, open it again, and install its updates if it offers any.',
        'Vraag de beller het programma helemaal te sluiten, opnieuw te openen en eventuele updates te installeren.',
        'Demandez à l’appelant de fermer complètement le programme, de le rouvrir et d’installer ses mises à jour s’il en propose.',
        'Ζητήστε από τον καλούντα να κλείσει εντελώς το πρόγραμμα, να το ανοίξει ξανά και να εγκαταστήσει τυχόν ενημερώσεις του.',
      ),
      choices: fixedOr('application-support'),
    },
    {
      kind: 'checks',
      id: 'resources',
      prompt: text(
        'Check load, memory, disk space and uptime on the caller’s computer.',
        'Controleer belasting, geheugen, schijfruimte en uptime op de computer van de beller.',
        'Vérifiez la charge, la mémoire, l’espace disque et la durée de fonctionnement sur l’ordinateur de l’appelant.',
        'Ελέγξτε φόρτο, μνήμη, χώρο στον δίσκο και χρόνο λειτουργίας στον υπολογιστή του καλούντα.',
      ),
      checks: [
        { checkId: 'system.uptime' },
        { checkId: 'disk.free' },
        { checkId: 'memory.pressure' },
        { checkId: 'cpu.load' },
      ],
      branches: [
        { when: { checkId: 'system.uptime', status: ['warn', 'fail'] }, next: 'restart' },
        { when: { checkId: 'disk.free', status: ['warn', 'fail'] }, next: 'free-space' },
        { when: { checkId: 'memory.pressure', status: ['warn', 'fail'] }, next: 'close-programs' },
        { when: { checkId: 'cpu.load', status: ['warn', 'fail'] }, next: 'top-processes' },
      ],
      otherwise: 'restart',
    },
    {
      kind: 'action',
      id: 'free-space',
      prompt: text(
        'Help the caller free disk space: empty the recycle bin and clear out the downloads folder.',
        'Help de beller schijfruimte vrij te maken: prullenbak legen en de map Downloads opruimen.',
        'Aidez l’appelant à libérer de l’espace disque : vider la corbeille et le dossier Téléchargements.',
        'Βοηθήστε τον καλούντα να ελευθερώσει χώρο: να αδειάσει τον κάδο ανακύκλωσης και τον φάκελο λήψεων.',
      ),
      choices: fixedOr('top-processes'),
    },
    {
      kind: 'action',
      id: 'close-programs',
      prompt: text(
        'Ask the caller to close the programs and browser tabs they do not need right now.',
        'Vraag de beller de programma’s en browsertabbladen te sluiten die nu niet nodig zijn.',
        'Demandez à l’appelant de fermer les programmes et les onglets dont il n’a pas besoin pour l’instant.',
        'Ζητήστε από τον καλούντα να κλείσει τα προγράμματα και τις καρτέλες που δεν χρειάζεται αυτή τη στιγμή.',
      ),
      choices: fixedOr('top-processes'),
    },
    restartStep('top-processes'),
    {
      kind: 'checks',
      id: 'top-processes',
      prompt: text(
        'See which programs use the most processor time and memory.',
        'Bekijk welke programma’s de meeste processortijd en geheugen gebruiken.',
        'Voyez quels programmes utilisent le plus de temps processeur et de mémoire.',
        'Δείτε ποια προγράμματα χρησιμοποιούν τον περισσότερο χρόνο επεξεργαστή και μνήμη.',
      ),
      checks: [{ checkId: 'processes.top' }],
      branches: [
        { when: { checkId: 'processes.top', status: ['warn', 'fail'] }, next: 'busy-program' },
      ],
      otherwise: 'technician',
    },
    resolvedEnd,
    technicianEnd,
    {
      kind: 'end',
      id: 'busy-program',
      outcome: 'investigate',
      summary: text(
        'One program uses most of the processor or memory: find out with the caller what it is and whether it can be stopped or updated.',
        'Eén programma gebruikt het meeste processor of geheugen: zoek met de beller uit wat het is en of het gestopt of bijgewerkt kan worden.',
        'Un programme utilise l’essentiel du processeur ou de la mémoire : voyez avec l’appelant lequel, et s’il peut être arrêté ou mis à jour.',
        'Ένα πρόγραμμα χρησιμοποιεί το μεγαλύτερο μέρος του επεξεργαστή ή της μνήμης: βρείτε με τον καλούντα ποιο είναι και αν μπορεί να σταματήσει ή να ενημερωθεί.',
      ),
    },
    {
      kind: 'end',
      id: 'application-support',
      outcome: 'escalate',
      summary: text(
        'One program stays slow after an update: escalate to application support with its name and version.',
        'Eén programma blijft traag na een update: escaleer naar applicatiebeheer met naam en versie.',
        'Un programme reste lent après la mise à jour : escaladez au support applicatif avec son nom et sa version.',
        'Ένα πρόγραμμα παραμένει αργό μετά την ενημέρωση: κλιμακώστε στην υποστήριξη εφαρμογών με το όνομα και την έκδοσή του.',
      ),
    },
  ],
};
