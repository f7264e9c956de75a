import { fixed, no, notFixed, text, yes } from '../text';

/** End-step summaries that several scripts share. */
export const resolvedDuringCall = text(
  'Resolved during the call.',
  'Tijdens het gesprek opgelost.',
  'Résolu pendant l’appel.',
  'Επιλύθηκε κατά τη διάρκεια της κλήσης.',
);

export const sendTechnician = text(
  'Not solved remotely: send an on-site technician to inspect the equipment.',
  'Niet op afstand opgelost: stuur een technicus ter plaatse om de apparatuur te bekijken.',
  'Non résolu à distance : envoyer un technicien sur place pour examiner le matériel.',
  'Δεν επιλύθηκε εξ αποστάσεως: στείλτε τεχνικό επί τόπου για έλεγχο του εξοπλισμού.',
);

export const restartComputer = text(
  'Ask the caller to restart the computer and try again.',
  'Vraag de beller de computer opnieuw op te starten en het opnieuw te proberen.',
  'Demandez à l’appelant de redémarrer l’ordinateur et de réessayer.',
  'Ζητήστε από τον καλούντα να επανεκκινήσει τον υπολογιστή και να δοκιμάσει ξανά.',
);

/** The usual outcome of a troubleshooting action: solved (end of call), or on to `next`. */
export const fixedOr = (next: string) => [
  { id: 'fixed', label: fixed, next: 'resolved' },
  { id: 'not-fixed', label: notFixed, next },
];

/** A restart of the computer, then on to `next` if that did not help. */
export const restartStep = (next: string) => ({
  kind: 'action' as const,
  id: 'restart',
  prompt: restartComputer,
  choices: fixedOr(next),
});

/** The `resolved` end step every script has, and the on-site `technician` one. */
export const resolvedEnd = {
  kind: 'end' as const,
  id: 'resolved',
  outcome: 'resolved' as const,
  summary: resolvedDuringCall,
};
export const technicianEnd = {
  kind: 'end' as const,
  id: 'technician',
  outcome: 'investigate' as const,
  summary: sendTechnician,
};

/** A yes/no question's two answers. */
export const yesNo = (ifYes: string, ifNo: string) => [
  { id: 'yes', label: yes, next: ifYes },
  { id: 'no', label: no, next: ifNo },
];
