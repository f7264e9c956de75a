import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, technicianEnd, yesNo } from './ends';

export const displayProblems: IntakeScriptInput = {
  id: 'display-problems',
  version: 1,
  category: 'hardware',
  title: text(
    'Screen or display problems',
    'Problemen met scherm of beeld',
    'Problèmes d’écran ou d’affichage',
    'Προβλήματα οθόνης ή εικόνας',
  ),
  description: text(
    'The screen stays black, flickers, looks wrong, or a second screen is not detected.',
    'Het scherm blijft zwart, flikkert, ziet er verkeerd uit, of een tweede scherm wordt niet herkend.',
    'L’écran reste noir, scintille, s’affiche mal, ou un second écran n’est pas détecté.',
    'Η οθόνη μένει μαύρη, τρεμοπαίζει, εμφανίζεται λάθος ή δεν εντοπίζεται δεύτερη οθόνη.',
  ),
  start: 'symptom',
  steps: [
    {
      kind: 'question',
      id: 'symptom',
      prompt: text(
        'What does the caller see?',
        'Wat ziet de beller?',
        'Que voit l’appelant ?',
        'Τι βλέπει ο καλών;',
      ),
      choices: [
        {
          id: 'black',
          label: text('A black screen', 'Een zwart scherm', 'Un écran noir', 'Μαύρη οθόνη'),
          next: 'power-light',
        },
        {
          id: 'flicker',
          label: text(
            'Flickering or lines',
            'Flikkeren of strepen',
            'Scintillement ou lignes',
            'Τρεμόπαιγμα ή γραμμές',
          ),
          next: 'cable',
        },
        {
          id: 'resolution',
          label: text(
            'Everything too big or blurry',
            'Alles te groot of wazig',
            'Tout trop grand ou flou',
            'Όλα πολύ μεγάλα ή θολά',
          ),
          next: 'resolution',
        },
        {
          id: 'second-screen',
          label: text(
            'Second screen not detected',
            'Tweede scherm niet herkend',
            'Second écran non détecté',
            'Δεν εντοπίζεται δεύτερη οθόνη',
          ),
          next: 'detect',
        },
      ],
    },
    {
      kind: 'question',
      id: 'power-light',
      prompt: text(
        'Is the monitor’s power light on?',
        'Brandt het aan/uit-lampje van de monitor?',
        'Le voyant d’alimentation du moniteur est-il allumé ?',
        'Είναι αναμμένη η λυχνία λειτουργίας της οθόνης;',
      ),
      choices: yesNo('input', 'power'),
    },
    {
      kind: 'action',
      id: 'power',
      prompt: text(
        'Ask the caller to check the monitor’s power cable and switch.',
        'Vraag de beller de voedingskabel en de aan/uit-knop van de monitor te controleren.',
        'Demandez à l’appelant de vérifier le câble d’alimentation et l’interrupteur du moniteur.',
        'Ζητήστε από τον καλούντα να ελέγξει το καλώδιο ρεύματος και τον διακόπτη της οθόνης.',
      ),
      choices: fixedOr('replace'),
    },
    {
      kind: 'action',
      id: 'input',
      prompt: text(
        'Ask the caller to press a key or move the mouse, then choose the right input in the monitor’s menu.',
        'Vraag de beller een toets in te drukken of de muis te bewegen, en dan de juiste ingang te kiezen in het menu van de monitor.',
        'Demandez à l’appelant d’appuyer sur une touche ou de bouger la souris, puis de choisir la bonne entrée dans le menu du moniteur.',
        'Ζητήστε από τον καλούντα να πατήσει ένα πλήκτρο ή να κουνήσει το ποντίκι και μετά να επιλέξει τη σωστή είσοδο στο μενού της οθόνης.',
      ),
      choices: fixedOr('cable'),
    },
    {
      kind: 'action',
      id: 'cable',
      prompt: text(
        'Check the video cable at both ends, and try another cable if there is one.',
        'Controleer de videokabel aan beide kanten en probeer een andere kabel als die er is.',
        'Vérifiez le câble vidéo aux deux bouts, et essayez un autre câble s’il y en a un.',
        'Ελέγξτε το καλώδιο εικόνας και στις δύο άκρες και δοκιμάστε άλλο καλώδιο αν υπάρχει.',
      ),
      choices: fixedOr('technician'),
    },
    {
      kind: 'action',
      id: 'resolution',
      prompt: text(
        'Open the display settings together and choose the recommended resolution and scale.',
        'Open samen de beeldscherminstellingen en kies de aanbevolen resolutie en schaal.',
        'Ouvrez ensemble les paramètres d’affichage et choisissez la résolution et l’échelle recommandées.',
        'Ανοίξτε μαζί τις ρυθμίσεις οθόνης και επιλέξτε τη συνιστώμενη ανάλυση και κλίμακα.',
      ),
      choices: fixedOr('driver'),
    },
    {
      kind: 'action',
      id: 'detect',
      prompt: text(
        'Ask the caller to press Windows+P (on a Mac: Displays in System Settings) and choose to extend or duplicate the screen.',
        'Vraag de beller Windows+P in te drukken (op een Mac: Schermen in Systeeminstellingen) en te kiezen voor uitbreiden of dupliceren.',
        'Demandez à l’appelant d’appuyer sur Windows+P (sur Mac : Moniteurs dans Réglages Système) et de choisir d’étendre ou de dupliquer l’écran.',
        'Ζητήστε από τον καλούντα να πατήσει Windows+P (σε Mac: Οθόνες στις Ρυθμίσεις συστήματος) και να επιλέξει επέκταση ή αναπαραγωγή της οθόνης.',
      ),
      choices: fixedOr('cable'),
    },
    resolvedEnd,
    technicianEnd,
    {
      kind: 'end',
      id: 'replace',
      outcome: 'investigate',
      summary: text(
        'The monitor does not power on: order a replacement monitor.',
        'De monitor gaat niet aan: bestel een vervangende monitor.',
        'Le moniteur ne s’allume pas : commandez un moniteur de remplacement.',
        'Η οθόνη δεν ανάβει: παραγγείλτε οθόνη αντικατάστασης.',
      ),
    },
    {
      kind: 'end',
      id: 'driver',
      outcome: 'investigate',
      summary: text(
        'The display settings do not help: update the graphics driver remotely or on site.',
        'De beeldscherminstellingen helpen niet: werk het grafische stuurprogramma bij, op afstand of ter plaatse.',
        'Les paramètres d’affichage n’y font rien : mettez à jour le pilote graphique à distance ou sur place.',
        'Οι ρυθμίσεις οθόνης δεν βοηθούν: ενημερώστε το πρόγραμμα οδήγησης γραφικών εξ αποστάσεως ή επί τόπου.',
      ),
    },
  ],
};
