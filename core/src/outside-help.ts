import { z } from 'zod';
import { MachineIdSchema } from './machine';
import { VersionSchema } from './people';

const TicketRef = z.number().int().positive();
const RecordId = z.number().int().positive();
const name = (max = 200) => z.string().trim().min(1).max(max);

export const VendorCaseStatusSchema = z.enum(['open', 'waiting-on-vendor', 'resolved', 'closed']);

export const OpenVendorCaseInputSchema = z.object({
  ticketId: TicketRef,
  vendor: name(),
  reference: z.string().trim().max(120).default(''),
});
export const UpdateVendorCaseInputSchema = z.object({
  id: RecordId,
  expectedVersion: VersionSchema,
  reference: z.string().trim().max(120).optional(),
  status: VendorCaseStatusSchema.optional(),
});
export const VendorCaseSchema = z.object({
  id: RecordId,
  ticketId: TicketRef,
  version: VersionSchema,
  vendor: z.string(),
  reference: z.string(),
  status: VendorCaseStatusSchema,
  openedBy: z.string(),
  openedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type VendorCase = z.infer<typeof VendorCaseSchema>;

export const ServiceCentreSchema = z.object({
  name: name(),
  address: z.string().trim().max(300).default(''),
  phone: z.string().trim().max(40).default(''),
  reason: z.string().trim().max(2000).default(''),
});
export const RecommendServiceCentreInputSchema = ServiceCentreSchema.extend({
  ticketId: TicketRef,
  expectedVersion: VersionSchema,
});

export const InspectionResultSchema = z.enum(['ok', 'fault', 'not-applicable']);
export const ChecklistItemSchema = z.object({
  item: name(),
  result: InspectionResultSchema.nullable(),
  note: z.string().trim().max(2000),
});
export const VisitStatusSchema = z.enum(['scheduled', 'done', 'cancelled']);

export const ScheduleVisitInputSchema = z.object({
  ticketId: TicketRef,
  technician: name(120),
  scheduledAt: z.iso.datetime({ offset: true }),
  checklist: z.array(name()).min(1, 'An on-site visit needs an inspection checklist').max(50),
});
export const RecordVisitInputSchema = z.object({
  id: RecordId,
  expectedVersion: VersionSchema,
  status: z.enum(['done', 'cancelled']),
  results: z
    .array(
      z.object({
        item: name(),
        result: InspectionResultSchema,
        note: z.string().trim().max(2000).default(''),
      }),
    )
    .default([]),
});
export const VisitSchema = z.object({
  id: RecordId,
  ticketId: TicketRef,
  version: VersionSchema,
  technician: z.string(),
  scheduledAt: z.iso.datetime(),
  status: VisitStatusSchema,
  checklist: z.array(ChecklistItemSchema),
  completedAt: z.iso.datetime().nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Visit = z.infer<typeof VisitSchema>;

export const OrderKindSchema = z.enum(['repair', 'replacement']);
export const OrderStatusSchema = z.enum([
  'requested',
  'approved',
  'ordered',
  'delivered',
  'cancelled',
]);
export const CreateOrderInputSchema = z.object({
  ticketId: TicketRef,
  kind: OrderKindSchema,
  item: name(),
  machineId: MachineIdSchema.nullable().default(null),
  reason: z.string().trim().min(3, 'Say why it needs repair or replacement').max(2000),
});
export const UpdateOrderInputSchema = z.object({
  id: RecordId,
  expectedVersion: VersionSchema,
  status: OrderStatusSchema,
});
export const OrderSchema = z.object({
  id: RecordId,
  ticketId: TicketRef,
  version: VersionSchema,
  kind: OrderKindSchema,
  item: z.string(),
  machineId: MachineIdSchema.nullable(),
  reason: z.string(),
  status: OrderStatusSchema,
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Order = z.infer<typeof OrderSchema>;
