import { z } from 'zod';
import { DesksideError } from '../errors';
import type { Language } from '../settings';
import { IntakeOutcomeSchema, type IntakeScript, type IntakeStep } from './schema';
import { text } from './text';

/** A checks step the call went past without results (no machine, or it could not be reached). */
const noChecksRan = text(
  'no checks ran',
  'geen controles uitgevoerd',
  'aucune vérification effectuée',
  'δεν εκτελέστηκαν έλεγχοι',
);

/** The result of one check as the script needs it (a subset of the check result). */
export const IntakeCheckResultSchema = z.object({
  checkId: z.string(),
  status: z.enum(['pass', 'warn', 'fail', 'error']),
  code: z.string(),
});
export type IntakeCheckResult = z.infer<typeof IntakeCheckResultSchema>;

/** One step taken: what was asked and what came of it. Recorded into the ticket as given. */
export const IntakeRecordSchema = z.object({
  stepId: z.string(),
  at: z.iso.datetime(),
  choiceId: z.string().optional(),
  checks: z.array(IntakeCheckResultSchema).optional(),
});
export type IntakeRecord = z.infer<typeof IntakeRecordSchema>;

/** Where a caller is in a script: the path so far and, once it ended, the outcome. */
export const IntakeSessionSchema = z.object({
  scriptId: z.string(),
  scriptVersion: z.number().int(),
  current: z.string().nullable(),
  path: z.array(IntakeRecordSchema),
  outcome: IntakeOutcomeSchema.nullable(),
});
export type IntakeSession = z.infer<typeof IntakeSessionSchema>;

function stepOf(script: IntakeScript, id: string): IntakeStep {
  const step = script.steps.find((candidate) => candidate.id === id);
  if (!step) throw new DesksideError('validation', `Script ${script.id} has no step ${id}`);
  return step;
}

function currentStep(script: IntakeScript, session: IntakeSession): IntakeStep {
  if (session.scriptId !== script.id || session.scriptVersion !== script.version) {
    throw new DesksideError(
      'conflict',
      'This intake was started with another version of the script',
    );
  }
  if (session.current === null)
    throw new DesksideError('conflict', 'This intake has already ended');
  return stepOf(script, session.current);
}

/** Moves to `next`; an end step ends the session with its outcome. */
function moveTo(
  script: IntakeScript,
  session: IntakeSession,
  record: IntakeRecord,
  next: string,
): IntakeSession {
  const step = stepOf(script, next);
  return {
    ...session,
    path: [...session.path, record],
    current: step.kind === 'end' ? null : step.id,
    outcome: step.kind === 'end' ? step.outcome : null,
  };
}

export function startIntake(script: IntakeScript): IntakeSession {
  const first = stepOf(script, script.start);
  return {
    scriptId: script.id,
    scriptVersion: script.version,
    current: first.kind === 'end' ? null : first.id,
    path: [],
    outcome: first.kind === 'end' ? first.outcome : null,
  };
}

/** The analyst records the caller's answer to a question, or the outcome of an action. */
export function answerStep(
  script: IntakeScript,
  session: IntakeSession,
  choiceId: string,
  at: string,
): IntakeSession {
  const step = currentStep(script, session);
  if (step.kind !== 'question' && step.kind !== 'action') {
    throw new DesksideError('conflict', `Step ${step.id} waits for check results, not an answer`);
  }
  const choice = step.choices.find((candidate) => candidate.id === choiceId);
  if (!choice) throw new DesksideError('validation', `Step ${step.id} has no answer ${choiceId}`);
  return moveTo(script, session, { stepId: step.id, at, choiceId }, choice.next);
}

function matches(
  condition: { checkId: string; status?: string[]; code?: string[] },
  result: IntakeCheckResult,
) {
  return (
    condition.checkId === result.checkId &&
    (condition.status === undefined || condition.status.includes(result.status)) &&
    (condition.code === undefined || condition.code.includes(result.code))
  );
}

/** The checks of the current step came back: the first matching branch decides where to go. */
export function recordChecks(
  script: IntakeScript,
  session: IntakeSession,
  results: IntakeCheckResult[],
  at: string,
): IntakeSession {
  const step = currentStep(script, session);
  if (step.kind !== 'checks')
    throw new DesksideError('conflict', `Step ${step.id} waits for an answer, not checks`);
  const expected = new Set(step.checks.map((check) => check.checkId));
  const stray = results.find((result) => !expected.has(result.checkId));
  if (stray)
    throw new DesksideError('validation', `Step ${step.id} did not ask for check ${stray.checkId}`);
  return moveTo(script, session, { stepId: step.id, at, checks: results }, branchOf(step, results));
}

/** Where a checks step's results lead: the first branch that matches one, else `otherwise`. */
function branchOf(step: Extract<IntakeStep, { kind: 'checks' }>, results: IntakeCheckResult[]) {
  const branch = step.branches.find((candidate) =>
    results.some((result) => matches(candidate.when, result)),
  );
  return branch?.next ?? step.otherwise;
}

/** The end step a session stopped at (its summary says what to do next), or null while it runs. */
export function intakeEndStep(
  script: IntakeScript,
  session: IntakeSession,
): Extract<IntakeStep, { kind: 'end' }> | null {
  if (session.current !== null) return null;
  const last = session.path.at(-1);
  let next = script.start;
  if (last) {
    const step = stepOf(script, last.stepId);
    if (step.kind === 'checks') next = branchOf(step, last.checks ?? []);
    else if (step.kind !== 'end') {
      next = step.choices.find((choice) => choice.id === last.choiceId)?.next ?? next;
    }
  }
  const end = stepOf(script, next);
  return end.kind === 'end' ? end : null;
}

/**
 * The path taken, in the analyst's language: for the ticket's timeline and for whoever the
 * ticket is escalated to.
 */
export function describePath(
  script: IntakeScript,
  session: IntakeSession,
  language: Language,
): string[] {
  return session.path.map((record) => {
    const step = stepOf(script, record.stepId);
    switch (step.kind) {
      case 'question':
      case 'action': {
        const choice = step.choices.find((candidate) => candidate.id === record.choiceId);
        return `${step.prompt[language]} → ${choice ? choice.label[language] : (record.choiceId ?? '')}`;
      }
      case 'checks': {
        const results = (record.checks ?? []).map((r) => `${r.checkId}: ${r.status} (${r.code})`);
        return `${step.prompt[language]} → ${results.length > 0 ? results.join(', ') : noChecksRan[language]}`;
      }
      case 'end':
        return step.summary[language];
    }
  });
}

/**
 * Rebuilds a session from the steps recorded so far (the ticket's timeline keeps them), each
 * replayed through the rules above, so a record that no longer fits the script is refused.
 */
export function replayIntake(
  script: IntakeScript,
  records: readonly IntakeRecord[],
): IntakeSession {
  return records.reduce(
    (session, record) =>
      record.checks === undefined
        ? answerStep(script, session, record.choiceId ?? '', record.at)
        : recordChecks(script, session, record.checks, record.at),
    startIntake(script),
  );
}

/** The current step's definition, or null once the session has ended. */
export function currentIntakeStep(script: IntakeScript, session: IntakeSession): IntakeStep | null {
  return session.current === null ? null : currentStep(script, session);
}
