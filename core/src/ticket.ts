import { z } from 'zod';
import { MachineIdSchema, TransportKindSchema } from './machine';
import { CheckIdSchema, CheckResultSchema } from './checks';
import { InventorySchema } from './inventory';
import { InventoryComparisonResultSchema } from './inventory-changes';
import { PersonIdSchema, VersionSchema } from './people';
import { OrderSchema, ServiceCentreSchema, VendorCaseSchema, VisitSchema } from './outside-help';
import { TimelineEntrySchema } from './timeline';
import { AnalystSchema, GroupIdSchema, ReasonSchema, TierSchema } from './workflow/assignment';
import { CategoryIdSchema } from './workflow/categories';
import {
  FeedbackSchema,
  ResolutionCodeSchema,
  ResolutionSchema,
  VerificationOutcomeSchema,
  VerificationStateSchema,
} from './workflow/closure';
import { TicketStatusSchema } from './workflow/lifecycle';
import { SlaStatusSchema } from './workflow/sla-view';
import { ImpactSchema, PrioritySchema, UrgencySchema } from './workflow/priority';

/** First contact: by phone, e-mail, chat, the self-service portal, at the desk, or the agent. */
export const ChannelSchema = z.enum(['phone', 'email', 'chat', 'portal', 'walk-in', 'agent']);
export type Channel = z.infer<typeof ChannelSchema>;

export const TicketIdSchema = z.number().int().positive();

const longText = z.string().trim().max(20_000);

/** The fields of a ticket an analyst records and may correct later. */
const EditableFieldsSchema = z.object({
  /** The caller's name as given; taken from the people directory when `requesterId` is set. */
  requester: z.string().trim().min(1, 'Who is calling?').max(200).optional(),
  requesterId: PersonIdSchema.nullable().optional(),
  channel: ChannelSchema,
  summary: z.string().trim().min(1, 'Give the ticket a summary').max(200),
  description: longText,
  errorMessages: longText,
  stepsTried: longText,
  category: CategoryIdSchema.nullable(),
  impact: ImpactSchema,
  urgency: UrgencySchema,
});

/** What an analyst records at first contact; what is left out starts empty or medium. */
const IntakeFieldsSchema = EditableFieldsSchema.extend({
  description: longText.default(''),
  errorMessages: longText.default(''),
  stepsTried: longText.default(''),
  category: CategoryIdSchema.nullable().default(null),
  impact: ImpactSchema.default('medium'),
  urgency: UrgencySchema.default('medium'),
});

const needsRequester = (input: {
  requester?: string | undefined;
  requesterId?: number | null | undefined;
}) => input.requester !== undefined || (input.requesterId ?? null) !== null;

export const CreateTicketInputSchema = IntakeFieldsSchema.extend({
  assignee: AnalystSchema.nullable().default(null),
  groupId: GroupIdSchema.nullable().default(null),
  /** The machine the ticket is about, when there is one. */
  machineId: MachineIdSchema.nullable().default(null),
}).refine(needsRequester, { message: 'Who is calling?', path: ['requester'] });
export type CreateTicketInput = z.input<typeof CreateTicketInputSchema>;

const Edit = { id: TicketIdSchema, expectedVersion: VersionSchema };

export const UpdateTicketInputSchema = z.object({
  ...Edit,
  // Without defaults: an edit changes only the fields it names.
  changes: EditableFieldsSchema.partial()
    .strict()
    .refine((changes) => Object.keys(changes).length > 0, 'Nothing to change'),
});

export const SetStatusInputSchema = z.object({
  ...Edit,
  /** Resolving, closing and reopening have their own actions and rules. */
  status: z.enum(['in_progress', 'waiting_on_user', 'waiting_on_vendor']),
  note: z.string().trim().max(2000).default(''),
});

export const AssignInputSchema = z.object({
  ...Edit,
  assignee: AnalystSchema.nullable(),
  groupId: GroupIdSchema.nullable(),
});

export const TierMoveInputSchema = z.object({
  ...Edit,
  tier: TierSchema,
  reason: ReasonSchema,
  groupId: GroupIdSchema.nullable().optional(),
});

export const ResolveInputSchema = ResolutionSchema.extend(Edit);
export const VerifyInputSchema = z.object({
  ...Edit,
  outcome: VerificationOutcomeSchema,
  comment: z.string().trim().max(2000).default(''),
});
export const ReopenInputSchema = z.object({ ...Edit, reason: ReasonSchema });
export const FeedbackInputSchema = FeedbackSchema.extend({ id: TicketIdSchema });

export const TicketSchema = z.object({
  id: TicketIdSchema,
  /** Bumped by every edit; an edit names the version it started from (optimistic locking). */
  version: VersionSchema,
  requester: z.string(),
  requesterId: PersonIdSchema.nullable(),
  /** The machine the ticket is about (exports made before tickets had one: null). */
  machineId: MachineIdSchema.nullable().default(null),
  channel: ChannelSchema,
  summary: z.string(),
  description: z.string(),
  errorMessages: z.string(),
  stepsTried: z.string(),
  category: CategoryIdSchema.nullable(),
  impact: ImpactSchema,
  urgency: UrgencySchema,
  priority: PrioritySchema,
  status: TicketStatusSchema,
  assignee: z.string().nullable(),
  groupId: GroupIdSchema.nullable(),
  tier: TierSchema,
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  firstRespondedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  resolutionCode: ResolutionCodeSchema.nullable(),
  resolutionNotes: z.string().nullable(),
  verification: VerificationStateSchema.nullable(),
  feedbackRating: z.number().int().min(1).max(5).nullable(),
  feedbackComment: z.string().nullable(),
  serviceCentre: ServiceCentreSchema.nullable(),
  /** The earliest target of the SLA clocks still running (null while paused or done). */
  slaDueAt: z.iso.datetime().nullable(),
  slaAtRiskAt: z.iso.datetime().nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/** Evidence is immutable once attached; `sha256` is over the canonical JSON of `content`. */
const EvidenceBaseSchema = z.object({
  id: z.uuid(),
  ticketId: TicketIdSchema,
  machineId: MachineIdSchema,
  machineName: z.string(),
  transport: TransportKindSchema,
  takenBy: z.string(),
  takenAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const InventoryEvidenceSchema = EvidenceBaseSchema.extend({
  kind: z.literal('inventory'),
  content: InventorySchema,
});
export type InventoryEvidence = z.infer<typeof InventoryEvidenceSchema>;

/** What a run of checks found: the checks asked for, with their parameters, and each result. */
export const CheckRunContentSchema = z.object({
  /** `cancelled`: the analyst stopped the run; checks that had not ended have no result. */
  state: z.enum(['done', 'cancelled']),
  checks: z.array(z.object({ checkId: CheckIdSchema, params: z.record(z.string(), z.unknown()) })),
  results: z.array(CheckResultSchema),
});
export type CheckRunContent = z.infer<typeof CheckRunContentSchema>;

/** `takenAt` is when the run started. */
export const CheckResultsEvidenceSchema = EvidenceBaseSchema.extend({
  kind: z.literal('checks'),
  content: CheckRunContentSchema,
});
export type CheckResultsEvidence = z.infer<typeof CheckResultsEvidenceSchema>;

/**
 * What changed on a machine between two of its kept inventories: both summaries and the
 * diff. `takenAt` is when the later inventory was kept.
 */
export const InventoryDiffEvidenceSchema = EvidenceBaseSchema.extend({
  kind: z.literal('inventory-diff'),
  content: InventoryComparisonResultSchema,
});
export type InventoryDiffEvidence = z.infer<typeof InventoryDiffEvidenceSchema>;

/** A file that came with an e-mail: its name, type, size and the SHA-256 of its bytes. */
export const MailAttachmentContentSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The message it came with, and its sender. */
  messageId: z.string().nullable(),
  from: z.string(),
  /** The bytes in base64; null when the file was over the size cap (its hash is kept). */
  data: z.string().nullable(),
});
export type MailAttachmentContent = z.infer<typeof MailAttachmentContentSchema>;

/** An e-mail's attachment as evidence: no machine; `takenAt` is when the desk received it. */
export const MailAttachmentEvidenceSchema = EvidenceBaseSchema.pick({
  id: true,
  ticketId: true,
  takenBy: true,
  takenAt: true,
  sha256: true,
}).extend({
  kind: z.literal('mail-attachment'),
  content: MailAttachmentContentSchema,
});
export type MailAttachmentEvidence = z.infer<typeof MailAttachmentEvidenceSchema>;

export const EvidenceSchema = z.discriminatedUnion('kind', [
  InventoryEvidenceSchema,
  CheckResultsEvidenceSchema,
  InventoryDiffEvidenceSchema,
  MailAttachmentEvidenceSchema,
]);
/** Evidence a machine reported (inventory, checks, a diff). */
export type MachineEvidence = Exclude<z.infer<typeof EvidenceSchema>, MailAttachmentEvidence>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type EvidenceKind = Evidence['kind'];

export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  evidence: z.array(EvidenceSchema),
  timeline: z.array(TimelineEntrySchema),
  vendorCases: z.array(VendorCaseSchema),
  visits: z.array(VisitSchema),
  orders: z.array(OrderSchema),
  /** Both SLA clocks as of the moment the ticket was read. */
  sla: SlaStatusSchema,
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

export const AttachInventoryInputSchema = z.object({
  ticketId: TicketIdSchema,
  snapshotId: z.uuid(),
});

/** Attaches the results of a run of checks the analyst watched (held by the console). */
export const AttachCheckRunInputSchema = z
  .object({ ticketId: TicketIdSchema, runId: z.uuid() })
  .strict();

export const MachineTicketsInputSchema = z.object({ id: MachineIdSchema }).strict();
