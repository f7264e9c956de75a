import { z } from 'zod';
import { LANGUAGES } from '../settings';
import { scriptCatalogProblems } from './catalog-check';

/** Text shown to the analyst, in every language the console speaks. */
export const LocalizedTextSchema = z.object(
  Object.fromEntries(LANGUAGES.map((language) => [language, z.string().trim().min(1)])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodString
  >,
);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const StepIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,40}$/, 'a step id is lower-case kebab-case');

export const IntakeChoiceSchema = z.object({
  id: StepIdSchema,
  label: LocalizedTextSchema,
  next: StepIdSchema,
});

/** A question the analyst asks, or a troubleshooting step the caller performs, with its outcomes. */
const AskStepSchema = z.object({
  kind: z.enum(['question', 'action']),
  id: StepIdSchema,
  prompt: LocalizedTextSchema,
  hint: LocalizedTextSchema.optional(),
  choices: z.array(IntakeChoiceSchema).min(2).max(8),
});

export const CheckConditionSchema = z.object({
  checkId: z.string().min(1),
  /** Any of these statuses (of that check's result) matches; omitted: any status. */
  status: z
    .array(z.enum(['pass', 'warn', 'fail', 'error']))
    .min(1)
    .optional(),
  /** Any of these result codes matches; omitted: any code. */
  code: z.array(z.string().min(1)).min(1).optional(),
});

/** Live checks on the caller's machine, and where their results lead. */
const ChecksStepSchema = z.object({
  kind: z.literal('checks'),
  id: StepIdSchema,
  prompt: LocalizedTextSchema,
  checks: z
    .array(
      z.object({
        checkId: z.string().min(1),
        params: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .min(1)
    .max(10),
  /** Tried in order; the first whose condition matches a result decides. */
  branches: z.array(z.object({ when: CheckConditionSchema, next: StepIdSchema })),
  /** Where to go when no branch matches (all fine), or when checks cannot run. */
  otherwise: StepIdSchema,
});

export const IntakeOutcomeSchema = z.enum(['resolved', 'escalate', 'investigate']);
export type IntakeOutcome = z.infer<typeof IntakeOutcomeSchema>;

const EndStepSchema = z.object({
  kind: z.literal('end'),
  id: StepIdSchema,
  outcome: IntakeOutcomeSchema,
  summary: LocalizedTextSchema,
});

export const IntakeStepSchema = z.discriminatedUnion('kind', [
  AskStepSchema,
  ChecksStepSchema,
  EndStepSchema,
]);
export type IntakeStep = z.infer<typeof IntakeStepSchema>;

function nextIds(step: IntakeStep): string[] {
  switch (step.kind) {
    case 'question':
    case 'action':
      return step.choices.map((choice) => choice.next);
    case 'checks':
      return [...step.branches.map((branch) => branch.next), step.otherwise];
    case 'end':
      return [];
  }
}

/**
 * A call-intake script: the questions and troubleshooting steps an analyst follows for one
 * kind of problem. Its steps form a graph without cycles that starts at `start`, reaches
 * every step, and ends every path at an `end` step.
 */
export const IntakeScriptSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,60}$/),
    version: z.number().int().positive(),
    category: z.string().min(1),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    start: StepIdSchema,
    steps: z.array(IntakeStepSchema).min(1),
  })
  .superRefine((script, ctx) => {
    const byId = new Map<string, IntakeStep>();
    for (const step of script.steps) {
      if (byId.has(step.id))
        ctx.addIssue({ code: 'custom', message: `Step ${step.id} is defined twice` });
      byId.set(step.id, step);
    }
    if (!byId.has(script.start)) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `No step ${script.start}` });
      return;
    }
    for (const step of script.steps) {
      for (const next of nextIds(step)) {
        if (!byId.has(next))
          ctx.addIssue({
            code: 'custom',
            message: `Step ${step.id} leads to missing step ${next}`,
          });
      }
    }
    // Depth-first from the start: finds cycles and unreachable steps.
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string): void => {
      const step = byId.get(id);
      if (!step || state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') {
        ctx.addIssue({ code: 'custom', message: `Step ${id} is part of a cycle` });
        return;
      }
      state.set(id, 'visiting');
      for (const next of nextIds(step)) visit(next);
      state.set(id, 'done');
    };
    visit(script.start);
    for (const id of byId.keys()) {
      if (!state.has(id))
        ctx.addIssue({ code: 'custom', message: `Step ${id} cannot be reached from the start` });
    }
    for (const problem of scriptCatalogProblems(script)) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
export type IntakeScript = z.infer<typeof IntakeScriptSchema>;
export type IntakeScriptInput = z.input<typeof IntakeScriptSchema>;
