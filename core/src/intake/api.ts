import { z } from 'zod';
import { MachineIdSchema } from '../machine';
import { PersonIdSchema, VersionSchema } from '../people';
import { LanguageSchema, type Language } from '../settings';
import { ChannelSchema, TicketIdSchema, TicketSchema } from '../ticket';
import { GroupIdSchema, TierSchema } from '../workflow/assignment';
import {
  describePath,
  IntakeRecordSchema,
  IntakeSessionSchema,
  type IntakeSession,
} from './engine';
import type { IntakeScript } from './schema';
import { text } from './text';

// The console's call-intake API: a call starts a ticket, and every step taken is recorded
// into that ticket's timeline as it is taken.

const StepIdSchema = z.string().min(1).max(41);
const ScriptIdSchema = z.string().min(1).max(61);

export const StartIntakeInputSchema = z
  .object({
    scriptId: ScriptIdSchema,
    /** The caller from the people directory; or, for someone not in it, `requester`. */
    requesterId: PersonIdSchema.nullable().default(null),
    requester: z.string().trim().min(1).max(200).optional(),
    machineId: MachineIdSchema.nullable().default(null),
    summary: z.string().trim().min(1, 'Give the ticket a summary').max(200),
    channel: ChannelSchema.default('phone'),
    /** The analyst's language: the timeline's text is written in it. */
    language: LanguageSchema,
  })
  .strict()
  .refine((input) => input.requesterId !== null || input.requester !== undefined, {
    message: 'Who is calling?',
    path: ['requesterId'],
  });
export type StartIntakeInput = z.input<typeof StartIntakeInputSchema>;

export const IntakeTicketInputSchema = z.object({ ticketId: TicketIdSchema }).strict();

/** Names the step being answered, so an answer given twice (two windows) is refused once. */
export const AnswerIntakeInputSchema = z
  .object({
    ticketId: TicketIdSchema,
    stepId: StepIdSchema,
    choiceId: StepIdSchema,
    language: LanguageSchema,
  })
  .strict();

export const RunIntakeChecksInputSchema = z
  .object({ ticketId: TicketIdSchema, stepId: StepIdSchema })
  .strict();

/** `runId` null: the checks could not run (no machine, machine offline) and the call goes on. */
export const RecordIntakeChecksInputSchema = z
  .object({
    ticketId: TicketIdSchema,
    stepId: StepIdSchema,
    runId: z.uuid().nullable(),
    language: LanguageSchema,
  })
  .strict();

export const EscalateIntakeInputSchema = z
  .object({
    ticketId: TicketIdSchema,
    expectedVersion: VersionSchema,
    tier: TierSchema,
    groupId: GroupIdSchema.nullable().optional(),
    /** The analyst's own words, put before the recorded path. */
    note: z.string().trim().max(1000).default(''),
    language: LanguageSchema,
  })
  .strict();

/** A call in progress (or ended): its ticket and where it is in its script. */
export const IntakeStateSchema = z.object({
  ticket: TicketSchema,
  session: IntakeSessionSchema,
});
export type IntakeState = z.infer<typeof IntakeStateSchema>;

/**
 * What an intake entry of the timeline keeps besides its text (language-neutral): the script,
 * and either the start of the call or one step taken.
 */
export const IntakeEntryDataSchema = z.object({
  direction: z.literal('inbound'),
  intake: z.object({
    scriptId: ScriptIdSchema,
    scriptVersion: z.number().int().positive(),
    started: z.object({ machineId: MachineIdSchema.nullable() }).optional(),
    record: IntakeRecordSchema.optional(),
    /** The check results of a checks step, attached to the ticket as evidence. */
    evidenceId: z.uuid().optional(),
  }),
});
export type IntakeEntryData = z.infer<typeof IntakeEntryDataSchema>;

const callStarted = text(
  'Call intake started with the script',
  'Gespreksintake gestart met het script',
  'Prise d’appel commencée avec le script',
  'Η καταγραφή της κλήσης ξεκίνησε με το σενάριο',
);
const pathFollowed = text(
  'Path followed during the call',
  'Gevolgd pad tijdens het gesprek',
  'Parcours suivi pendant l’appel',
  'Διαδρομή που ακολουθήθηκε κατά την κλήση',
);

/** The timeline text of a call's start, in the analyst's language. */
export function describeIntakeStart(script: IntakeScript, language: Language): string {
  return `${callStarted[language]} “${script.title[language]}”`;
}

/** The most an escalation reason holds (core's ReasonSchema). */
const MAX_REASON = 2000;

/**
 * The reason an escalation from a call carries: the analyst's note, then the path followed,
 * step by step. A path too long for a reason keeps its latest steps (the timeline has all).
 */
export function intakeEscalationReason(
  script: IntakeScript,
  session: IntakeSession,
  language: Language,
  note: string,
): string {
  const head = [
    ...(note ? [note, ''] : []),
    `${pathFollowed[language]} (${script.title[language]}):`,
  ];
  const steps = describePath(script, session, language).map((line, i) => `${i + 1}. ${line}`);
  const compose = (lines: string[]) => [...head, ...lines].join('\n');
  let kept = steps;
  while (kept.length > 0 && compose(kept).length > MAX_REASON) kept = kept.slice(1);
  if (kept.length < steps.length) kept = ['…', ...kept];
  return compose(kept).slice(0, MAX_REASON);
}
