import { z } from 'zod';

export const CommunicationKindSchema = z.enum(['call', 'email', 'chat', 'note']);

export const TimelineKindSchema = z.enum([
  ...CommunicationKindSchema.options,
  'created',
  'edited',
  'status',
  'assignment',
  'escalation',
  'de-escalation',
  'evidence',
  'vendor-case',
  'service-centre',
  'visit',
  'order',
  'resolution',
  'verification',
  'reopened',
  'feedback',
]);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

/** What an analyst adds by hand: a call, e-mail or chat with the user, or an internal note. */
export const AddEntryInputSchema = z
  .object({
    ticketId: z.number().int().positive(),
    kind: CommunicationKindSchema,
    /** Calls, e-mails and chats go to or come from the user; notes are internal. */
    direction: z.enum(['inbound', 'outbound']).optional(),
    body: z.string().trim().min(1, 'Write what was said or done').max(20_000),
  })
  .refine((entry) => entry.kind === 'note' || entry.direction !== undefined, {
    message: 'Say whether the user contacted the desk or the desk contacted the user',
    path: ['direction'],
  });

/** Append-only: an entry is never changed or removed once written. */
export const TimelineEntrySchema = z.object({
  id: z.number().int().positive(),
  ticketId: z.number().int().positive(),
  kind: TimelineKindSchema,
  author: z.string(),
  at: z.iso.datetime(),
  body: z.string(),
  /** Structured facts of the entry (old and new status, tier, reason, ids); language-neutral. */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
