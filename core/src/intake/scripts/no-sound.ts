import type { IntakeScriptInput } from '../schema';
import { text } from '../text';
import { fixedOr, resolvedEnd, restartStep, technicianEnd, yesNo } from './ends';

export const noSound: IntakeScriptInput = {
  id: 'no-sound',
  version: 1,
  category: 'hardware',
  title: text('No sound', 'Geen geluid', 'Pas de son', 'Δεν υπάρχει ήχος'),
  description: text(
    'The caller hears nothing from the speakers or the headset.',
    'De beller hoort niets uit de luidsprekers of de headset.',
    'L’appelant n’entend rien dans les haut-parleurs ou le casque.',
    'Ο καλών δεν ακούει τίποτα από τα ηχεία ή τα ακουστικά.',
  ),
  start: 'volume',
  steps: [
    {
      kind: 'action',
      id: 'volume',
      prompt: text(
        'Check together that the volume is up, not muted, and that the right output device is chosen.',
        'Controleer samen of het volume hoog genoeg staat, niet gedempt is, en of het juiste uitvoerapparaat gekozen is.',
        'Vérifiez ensemble que le volume est monté, non coupé, et que la bonne sortie audio est choisie.',
        'Ελέγξτε μαζί ότι η ένταση είναι ανεβασμένη, χωρίς σίγαση, και ότι έχει επιλεγεί η σωστή συσκευή εξόδου.',
      ),
      choices: fixedOr('reconnect'),
    },
    {
      kind: 'action',
      id: 'reconnect',
      prompt: text(
        'Ask the caller to unplug the headset or speakers and plug them in again (Bluetooth: disconnect and reconnect).',
        'Vraag de beller de headset of luidsprekers los te koppelen en weer aan te sluiten (Bluetooth: verbinding verbreken en opnieuw verbinden).',
        'Demandez à l’appelant de débrancher puis rebrancher le casque ou les haut-parleurs (Bluetooth : déconnecter puis reconnecter).',
        'Ζητήστε από τον καλούντα να αποσυνδέσει και να συνδέσει ξανά τα ακουστικά ή τα ηχεία (Bluetooth: αποσύνδεση και επανασύνδεση).',
      ),
      choices: fixedOr('restart'),
    },
    restartStep('other-device'),
    {
      kind: 'question',
      id: 'other-device',
      prompt: text(
        'Does sound work with other headphones or speakers?',
        'Werkt het geluid wel met een andere koptelefoon of andere luidsprekers?',
        'Le son fonctionne-t-il avec un autre casque ou d’autres haut-parleurs ?',
        'Λειτουργεί ο ήχος με άλλα ακουστικά ή ηχεία;',
      ),
      choices: yesNo('replace', 'technician'),
    },
    resolvedEnd,
    technicianEnd,
    {
      kind: 'end',
      id: 'replace',
      outcome: 'investigate',
      summary: text(
        'The headset or speakers are faulty: order a replacement.',
        'De headset of luidsprekers zijn defect: bestel vervanging.',
        'Le casque ou les haut-parleurs sont défectueux : commandez un remplacement.',
        'Τα ακουστικά ή τα ηχεία είναι ελαττωματικά: παραγγείλτε αντικατάσταση.',
      ),
    },
  ],
};
