import { z } from 'zod';
import { isOpenStatus, type TicketStatus } from './lifecycle';
import type { SlaClock, SlaStatus } from './sla';

/** One SLA clock as the console shows it (see `computeSla`). */
export const SlaClockSchema = z.object({
  targetMinutes: z.number().int().positive(),
  elapsedMinutes: z.number().min(0),
  state: z.enum(['running', 'paused', 'at_risk', 'breached', 'met']),
  atRisk: z.boolean(),
  breached: z.boolean(),
  finished: z.boolean(),
  dueAt: z.iso.datetime().nullable(),
  atRiskAt: z.iso.datetime().nullable(),
}) satisfies z.ZodType<SlaClock>;

export const SlaStatusSchema = z.object({
  firstResponse: SlaClockSchema,
  resolution: SlaClockSchema,
}) satisfies z.ZodType<SlaStatus>;

/**
 * What a queue row shows about a ticket's SLA, from the columns the store keeps: `breached`
 * once a running clock is past its target, `at_risk` once less than the policy's share of it
 * is left, `paused` while the ticket waits on someone else, `none` once the desk is done.
 */
export type SlaBadge = 'breached' | 'at_risk' | 'on_track' | 'paused' | 'none';

export function slaBadge(
  ticket: { status: TicketStatus; slaDueAt: string | null; slaAtRiskAt: string | null },
  now: Date,
): SlaBadge {
  if (!isOpenStatus(ticket.status)) return 'none';
  const at = now.getTime();
  if (ticket.slaDueAt !== null && Date.parse(ticket.slaDueAt) <= at) return 'breached';
  if (ticket.slaAtRiskAt !== null && Date.parse(ticket.slaAtRiskAt) <= at) return 'at_risk';
  if (ticket.slaDueAt === null) return 'paused';
  return 'on_track';
}
