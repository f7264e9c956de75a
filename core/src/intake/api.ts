import { z } from 'zod';
import { MachineIdSchema } from '../machine';
import { PersonIdSchema, VersionSchema } from '../people';
import { LanguageSchema, type Language } from '../settings';
import { ChannelSchema, TicketIdSchema, TicketSchema } from '../ticket';
import { GroupIdSchema, TierSchema } from '../workflow/assignment';
import { ResolutionCodeSchema } from '../workflow/closure';
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

/**
 * Resolves the call's ticket with the path followed as its notes; `confirmed`: the caller
 * has just confirmed on the line that it works, so the ticket is closed at once.
 */
export const ResolveIntakeInputSchema = z
  .object({
    ticketId: TicketIdSchema,
    expectedVersion: VersionSchema,
    resolutionCode: ResolutionCodeSchema.default('fixed'),
    /** The analyst's own words, put before the recorded path. */
    note: z.string().trim().max(2000).default(''),
    confirmed: z.boolean().default(false),
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

/** The verification comment of a call resolved and confirmed by the caller on the line. */
export const callerConfirmedOnTheLine = text(
  'The caller confirmed during the call that it works again',
  'De beller bevestigde tijdens het gesprek dat het weer werkt',
  'L’appelant a confirmé pendant l’appel que tout fonctionne à nouveau',
  'Ο καλών επιβεβαίωσε κατά την κλήση ότι λειτουργεί ξανά',
);

/** The timeline text of a call's start, in the analyst's language. */
export function describeIntakeStart(script: IntakeScript, language: Language): string {
  return `${callStarted[language]} “${script.title[language]}”`;
}

/** The most an escalation reason holds (core's ReasonSchema). */
const MAX_REASON = 2000;
/** The most resolution notes hold (core's ResolutionSchema). */
const MAX_NOTES = 20_000;

/**
 * The analyst's note, then the path followed, step by step. A path too long for `max`
 * keeps its latest steps (the timeline has all).
 */
function notedPath(
  script: IntakeScript,
  session: IntakeSession,
  language: Language,
  note: string,
  max: number,
): string {
  const head = [
    ...(note ? [note, ''] : []),
    `${pathFollowed[language]} (${script.title[language]}):`,
  ];
  const steps = describePath(script, session, language).map((line, i) => `${i + 1}. ${line}`);
  const compose = (lines: string[]) => [...head, ...lines].join('\n');
  let kept = steps;
  while (kept.length > 0 && compose(kept).length > max) kept = kept.slice(1);
  if (kept.length < steps.length) kept = ['…', ...kept];
  return compose(kept).slice(0, max);
}

/** The reason an escalation from a call carries: the note, then the path followed. */
export function intakeEscalationReason(
  script: IntakeScript,
  session: IntakeSession,
  language: Language,
  note: string,
): string {
  return notedPath(script, session, language, note, MAX_REASON);
}

/** The resolution notes of a call resolved on the line: the note, then the path followed. */
export function intakeResolutionNotes(
  script: IntakeScript,
  session: IntakeSession,
  language: Language,
  note: string,
): string {
  return notedPath(script, session, language, note, MAX_NOTES);
}
