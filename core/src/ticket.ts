import { z } from 'zod';
import { MachineIdSchema, TransportKindSchema } from './machine';
import { InventorySchema } from './inventory';

export const ChannelSchema = z.enum(['phone', 'email', 'chat', 'portal', 'walk-in', 'agent']);
export type Channel = z.infer<typeof ChannelSchema>;

export const TicketStatusSchema = z.enum(['new']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TicketIdSchema = z.number().int().positive();

export const CreateTicketInputSchema = z.object({
  requester: z.string().trim().min(1, 'Who is calling?').max(200),
  channel: ChannelSchema,
  summary: z.string().trim().min(1, 'Give the ticket a summary').max(200),
  description: z.string().trim().max(20_000).default(''),
});
export type CreateTicketInput = z.input<typeof CreateTicketInputSchema>;

export const TicketSchema = z.object({
  id: TicketIdSchema,
  requester: z.string(),
  channel: ChannelSchema,
  summary: z.string(),
  description: z.string(),
  status: TicketStatusSchema,
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Ticket = z.infer<typeof TicketSchema>;

/** Evidence is immutable once attached; `sha256` is over the canonical JSON of `content`. */
export const InventoryEvidenceSchema = z.object({
  id: z.uuid(),
  ticketId: TicketIdSchema,
  kind: z.literal('inventory'),
  machineId: MachineIdSchema,
  machineName: z.string(),
  transport: TransportKindSchema,
  takenBy: z.string(),
  takenAt: z.iso.datetime(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  content: InventorySchema,
});
export type InventoryEvidence = z.infer<typeof InventoryEvidenceSchema>;

export const EvidenceSchema = InventoryEvidenceSchema;
export type Evidence = z.infer<typeof EvidenceSchema>;

export const TicketDetailSchema = z.object({
  ticket: TicketSchema,
  evidence: z.array(EvidenceSchema),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

export const AttachInventoryInputSchema = z.object({
  ticketId: TicketIdSchema,
  snapshotId: z.uuid(),
});
