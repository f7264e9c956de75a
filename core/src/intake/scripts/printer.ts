import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, technicianEnd, yesNo } from './ends';

export const printerNotPrinting: IntakeScriptInput = {
  id: 'printer-not-printing',
  version: 1,
  category: 'printer',
  title: text(
    'Printer not printing',
    'Printer print niet',
    'L’imprimante n’imprime pas',
    'Ο εκτυπωτής δεν εκτυπώνει',
  ),
  description: text(
    'Documents are sent to the printer but nothing comes out.',
    'Documenten worden naar de printer gestuurd, maar er komt niets uit.',
    'Les documents sont envoyés à l’imprimante mais rien ne sort.',
    'Τα έγγραφα στέλνονται στον εκτυπωτή αλλά δεν βγαίνει τίποτα.',
  ),
  start: 'scope',
  steps: [
    {
      kind: 'question',
      id: 'scope',
      prompt: text(
        'Does nothing print at all, or only from one program?',
        'Print er helemaal niets, of alleen niet vanuit één programma?',
        'Rien ne s’imprime-t-il, ou seulement depuis un programme ?',
        'Δεν εκτυπώνεται τίποτα ή μόνο από ένα πρόγραμμα;',
      ),
      choices: [
        {
          id: 'nothing',
          label: text(
            'Nothing prints',
            'Er print niets',
            'Rien ne s’imprime',
            'Δεν εκτυπώνεται τίποτα',
          ),
          next: 'printer-ready',
        },
        {
          id: 'one-program',
          label: text(
            'Only one program',
            'Alleen één programma',
            'Un seul programme',
            'Μόνο ένα πρόγραμμα',
          ),
          next: 'one-program',
        },
      ],
    },
    {
      kind: 'question',
      id: 'printer-ready',
      prompt: text(
        'Is the printer switched on, with paper, and without a message on its display?',
        'Staat de printer aan, zit er papier in en staat er geen melding op het display?',
        'L’imprimante est-elle allumée, avec du papier, et sans message sur son écran ?',
        'Είναι ο εκτυπωτής αναμμένος, με χαρτί και χωρίς μήνυμα στην οθόνη του;',
      ),
      choices: yesNo('queue', 'fix-printer'),
    },
    {
      kind: 'action',
      id: 'fix-printer',
      prompt: text(
        'Ask the caller to switch the printer on, add paper, or clear the jam shown on its display.',
        'Vraag de beller de printer aan te zetten, papier bij te vullen of de papierstoring op het display te verhelpen.',
        'Demandez à l’appelant d’allumer l’imprimante, d’ajouter du papier ou de dégager le bourrage indiqué à l’écran.',
        'Ζητήστε από τον καλούντα να ανάψει τον εκτυπωτή, να βάλει χαρτί ή να αφαιρέσει το μπλοκαρισμένο χαρτί που δείχνει η οθόνη.',
      ),
      choices: fixedOr('technician'),
    },
    {
      kind: 'checks',
      id: 'queue',
      prompt: text(
        'Check the printers and their queues on the caller’s computer.',
        'Controleer de printers en hun wachtrijen op de computer van de beller.',
        'Vérifiez les imprimantes et leurs files d’attente sur l’ordinateur de l’appelant.',
        'Ελέγξτε τους εκτυπωτές και τις ουρές τους στον υπολογιστή του καλούντα.',
      ),
      checks: [{ checkId: 'printers.queues' }],
      branches: [
        { when: { checkId: 'printers.queues', status: ['warn', 'fail'] }, next: 'clear-queue' },
      ],
      otherwise: 'restart-both',
    },
    {
      kind: 'action',
      id: 'clear-queue',
      prompt: text(
        'Cancel the stuck jobs in the print queue together, then print a test page.',
        'Annuleer samen de vastgelopen opdrachten in de afdrukwachtrij en druk een testpagina af.',
        'Annulez ensemble les travaux bloqués dans la file d’impression, puis imprimez une page de test.',
        'Ακυρώστε μαζί τις κολλημένες εργασίες στην ουρά εκτύπωσης και εκτυπώστε μια δοκιμαστική σελίδα.',
      ),
      choices: fixedOr('restart-both'),
    },
    {
      kind: 'action',
      id: 'restart-both',
      prompt: text(
        'Ask the caller to restart the printer and then the computer.',
        'Vraag de beller eerst de printer en dan de computer opnieuw op te starten.',
        'Demandez à l’appelant de redémarrer l’imprimante, puis l’ordinateur.',
        'Ζητήστε από τον καλούντα να επανεκκινήσει τον εκτυπωτή και μετά τον υπολογιστή.',
      ),
      choices: fixedOr('vendor'),
    },
    resolvedEnd,
    technicianEnd,
    {
      kind: 'end',
      id: 'one-program',
      outcome: 'investigate',
      summary: text(
        'Printing fails from one program only: note the program and the document, and check its print settings.',
        'Afdrukken mislukt alleen vanuit één programma: noteer programma en document en controleer de afdrukinstellingen.',
        'L’impression échoue depuis un seul programme : notez le programme et le document, et vérifiez ses réglages d’impression.',
        'Η εκτύπωση αποτυγχάνει μόνο από ένα πρόγραμμα: σημειώστε το πρόγραμμα και το έγγραφο και ελέγξτε τις ρυθμίσεις εκτύπωσης.',
      ),
    },
    {
      kind: 'end',
      id: 'vendor',
      outcome: 'escalate',
      summary: text(
        'The printer still does not print: escalate to second line or open a case with the printer’s vendor.',
        'De printer print nog steeds niet: escaleer naar de tweede lijn of open een melding bij de leverancier van de printer.',
        'L’imprimante n’imprime toujours pas : escaladez au niveau 2 ou ouvrez un dossier chez le fournisseur de l’imprimante.',
        'Ο εκτυπωτής εξακολουθεί να μην εκτυπώνει: κλιμακώστε στη δεύτερη γραμμή ή ανοίξτε υπόθεση στον προμηθευτή του εκτυπωτή.',
      ),
    },
  ],
};
