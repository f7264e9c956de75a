import { z } from 'zod';
import { PersonSchema } from './people';
import { OrderSchema, VendorCaseSchema, VisitSchema } from './outside-help';
import { ChannelSchema, EvidenceSchema, TicketSchema } from './ticket';
import { TimelineEntrySchema } from './timeline';
import { WorkflowConfigSchema } from './workflow-config';
import { CategoryIdSchema } from './workflow/categories';
import { ResolutionCodeSchema } from './workflow/closure';
import { TicketStatusSchema } from './workflow/lifecycle';
import { ImpactSchema, UrgencySchema } from './workflow/priority';

export const EXPORT_FORMAT = 'deskside-export';

/** Everything the desk has recorded, as one JSON document (machine credentials excluded). */
export const ExportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  config: WorkflowConfigSchema,
  people: z.array(PersonSchema),
  tickets: z.array(TicketSchema),
  timeline: z.array(TimelineEntrySchema),
  evidence: z.array(EvidenceSchema),
  vendorCases: z.array(VendorCaseSchema),
  visits: z.array(VisitSchema),
  orders: z.array(OrderSchema),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

export const TICKET_CSV_COLUMNS = [
  'id',
  'createdAt',
  'status',
  'channel',
  'requester',
  'summary',
  'description',
  'errorMessages',
  'stepsTried',
  'category',
  'impact',
  'urgency',
  'assignee',
  'groupId',
  'resolutionCode',
  'resolutionNotes',
] as const;

const emptyAsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable());

/** One CSV row, every cell a string as the CSV parser gives it. */
export const TicketCsvRowSchema = z
  .object({
    id: z.string().regex(/^\d*$/, 'id is a whole number or empty'),
    createdAt: z.union([z.literal(''), z.iso.datetime({ offset: true })]),
    status: TicketStatusSchema,
    channel: ChannelSchema,
    requester: z.string().trim().min(1, 'requester is required').max(200),
    summary: z.string().trim().min(1, 'summary is required').max(200),
    description: z.string().max(20_000),
    errorMessages: z.string().max(20_000),
    stepsTried: z.string().max(20_000),
    category: emptyAsNull(CategoryIdSchema),
    impact: ImpactSchema,
    urgency: UrgencySchema,
    assignee: emptyAsNull(z.string().trim().max(120)),
    groupId: emptyAsNull(z.string().regex(/^[a-z0-9-]{1,40}$/)),
    resolutionCode: emptyAsNull(ResolutionCodeSchema),
    resolutionNotes: z.string().max(20_000),
  })
  .superRefine((row, ctx) => {
    const done = row.status === 'resolved' || row.status === 'closed';
    if (done && (row.resolutionCode === null || row.resolutionNotes.trim() === '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolutionCode'],
        message: 'a resolved or closed ticket needs resolutionCode and resolutionNotes',
      });
    }
  });
export type TicketCsvRow = z.infer<typeof TicketCsvRowSchema>;

export const ImportResultSchema = z.object({
  tickets: z.number().int().min(0),
  people: z.number().int().min(0),
  timeline: z.number().int().min(0),
});
