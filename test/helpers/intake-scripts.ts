import { IntakeScriptSchema, type IntakeScript } from '@deskside/core';

/** Test text in the four languages, each marked with its language. */
export const t = (en: string) => ({ en, nl: `${en} (nl)`, fr: `${en} (fr)`, el: `${en} (el)` });

/**
 * A test script "service-down": does the service open? Yes ends resolved at `fine`; no goes
 * to `whenNot`, one of the `steps` given.
 */
export function serviceDownScript(whenNot: string, steps: readonly unknown[]): IntakeScript {
  return IntakeScriptSchema.parse({
    id: 'service-down',
    version: 1,
    category: 'network',
    title: t('Service down'),
    description: t('A business service does not answer.'),
    start: 'reach',
    steps: [
      {
        kind: 'question',
        id: 'reach',
        prompt: t('Does the service open?'),
        choices: [
          { id: 'yes', label: t('Yes'), next: 'fine' },
          { id: 'no', label: t('No'), next: whenNot },
        ],
      },
      { kind: 'end', id: 'fine', outcome: 'resolved', summary: t('Fine.') },
      ...steps,
    ],
  });
}
