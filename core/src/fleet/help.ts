/**
 * Help from the employee's own computer, in fleet mode: what the agent sends the desk on its
 * help subject (`deskside.agent.<id>.help`, kept by `DESKSIDE_HELP`) and what the desk sends
 * back on the agent's help queue (`deskside.queue.<id>.help`, kept by `DESKSIDE_HELP_QUEUE`
 * until the agent takes it). Both sides check every message with these schemas.
 */
import { z } from 'zod';
import { CheckResultSchema } from '../checks/result';
import { FeedbackSchema } from '../workflow/closure';

const Timestamp = z.iso.datetime({ offset: true });
const Body = z.string().trim().min(1).max(5_000);

/** What the employee fills in on the help page (or gives `request-help`). */
export const HelpFormSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  summary: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5_000).default(''),
});
export type HelpForm = z.output<typeof HelpFormSchema>;
export type HelpFormInput = z.input<typeof HelpFormSchema>;

/** An employee's answer on the help page. */
export const HelpReplyFormSchema = z.strictObject({ body: Body });
/** The employee's rating (1-5) and comment, as the desk's feedback fields hold them. */
export const HelpFeedbackFormSchema = FeedbackSchema.strict();

/** A new request for help: the form, the machine's inventory and a few quick checks. */
export const HelpRequestMessageSchema = z.strictObject({
  type: z.literal('request'),
  requestId: z.uuid(),
  sentAt: Timestamp,
  form: HelpFormSchema,
  /** The page's language (en, nl, fr, el), for the desk's answer. */
  language: z.enum(['en', 'nl', 'fr', 'el']),
  /** The inventory document as the agent serves it; null when it could not be collected. */
  inventory: z.unknown().nullable(),
  /** Results of the quick read-only checks run when the employee asked. */
  checks: z.array(CheckResultSchema).max(32),
});

/** The employee's side of the conversation after the request. */
export const HelpFollowUpMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('reply'),
    messageId: z.uuid(),
    requestId: z.uuid(),
    sentAt: Timestamp,
    body: Body,
  }),
  /** "It works now": the employee's verification of the desk's fix. */
  z.strictObject({
    type: z.literal('works'),
    messageId: z.uuid(),
    requestId: z.uuid(),
    sentAt: Timestamp,
  }),
  z.strictObject({
    type: z.literal('feedback'),
    messageId: z.uuid(),
    requestId: z.uuid(),
    sentAt: Timestamp,
    rating: FeedbackSchema.shape.rating,
    comment: FeedbackSchema.shape.comment,
  }),
]);

/** Anything an agent publishes on its help subject. */
export const AgentHelpMessageSchema = z.union([
  HelpRequestMessageSchema,
  HelpFollowUpMessageSchema,
]);
export type AgentHelpMessage = z.output<typeof AgentHelpMessageSchema>;
export type HelpRequestMessage = z.output<typeof HelpRequestMessageSchema>;
export type HelpFollowUpMessage = z.output<typeof HelpFollowUpMessageSchema>;

/** What the desk sends an agent: the ticket made for a request, an analyst's message. */
export const DeskHelpMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('ticket'),
    messageId: z.uuid(),
    requestId: z.uuid(),
    ticketId: z.number().int().positive(),
    sentAt: Timestamp,
  }),
  z.strictObject({
    type: z.literal('message'),
    messageId: z.uuid(),
    requestId: z.uuid(),
    ticketId: z.number().int().positive(),
    author: z.string().min(1).max(200),
    sentAt: Timestamp,
    body: Body,
  }),
]);
export type DeskHelpMessage = z.output<typeof DeskHelpMessageSchema>;

/** The analyst's message to the employee from a ticket (API `tickets.messageAgent`). */
export const MessageAgentInputSchema = z.strictObject({
  ticketId: z.number().int().positive(),
  body: Body,
});

/** The durable consumer every console of the desk shares on `DESKSIDE_HELP`. */
export const HELP_DESK_CONSUMER = 'help-desk';
/** Help messages larger than this are gzipped (header `Content-Encoding: gzip`). */
export const HELP_GZIP_ABOVE_BYTES = 16 * 1024;
