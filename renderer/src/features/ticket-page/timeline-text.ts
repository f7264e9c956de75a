import type { TFunction } from 'i18next';
import { z } from 'zod';
import {
  ChannelSchema,
  OrderKindSchema,
  OrderStatusSchema,
  ResolutionCodeSchema,
  TicketStatusSchema,
  TierSchema,
  VerificationOutcomeSchema,
  VisitStatusSchema,
  type TicketStatus,
  type TimelineEntry,
} from '@deskside/core';
import { formatDateTime } from '../../i18n/format';

const StatusMove = z.object({ from: TicketStatusSchema.optional(), to: TicketStatusSchema });
const Edited = z.object({
  fields: z.array(z.string()),
  priority: z.object({ from: z.number(), to: z.number() }).optional(),
});
const Assignment = z.object({ assignee: z.string().nullable(), groupId: z.string().nullable() });
const TierMove = z.object({ fromTier: TierSchema, toTier: TierSchema });
const Evidence = z.object({
  machineName: z.string(),
  /** Absent on entries written before there were check results. */
  evidenceKind: z.enum(['inventory', 'checks', 'inventory-diff', 'mail-attachment']).optional(),
});
const Direction = z.object({ direction: z.enum(['inbound', 'outbound']) });
/** A requester's e-mail the desk acted on, or one from another address (mail-intake.ts). */
const MailAnswer = Direction.extend({
  from: z.string().optional(),
  answer: z.enum(['works', 'not-working', 'rating']).optional(),
  fromOtherAddress: z.boolean().optional(),
});
/** A message through the employee's help page (fleet mode). */
const AgentChat = Direction.extend({
  channel: z.literal('agent'),
  works: z.boolean().optional(),
  rating: z.number().optional(),
});
const Status = z.object({ status: z.string() });
const Visit = z.object({ status: VisitStatusSchema, scheduledAt: z.string().optional() });
const Order = z.object({ kind: OrderKindSchema.optional(), status: OrderStatusSchema });
const Resolution = StatusMove.extend({ resolutionCode: ResolutionCodeSchema });
const Verification = StatusMove.extend({ outcome: VerificationOutcomeSchema });
const Feedback = z.object({ rating: z.number() });
const Created = z.object({ channel: ChannelSchema });
const Centre = z.object({ name: z.string() });

interface Describe {
  t: TFunction;
  locale: string;
  groupName: (id: string) => string;
}

/**
 * One line saying what a timeline entry records, in the UI language, from its kind and its
 * language-neutral data. An entry whose data is not as expected still gets its kind's name.
 */
export function describeEntry(entry: TimelineEntry, { t, locale, groupName }: Describe): string {
  const status = (s: TicketStatus) => t(`status.${s}`);
  const kindName = t(`ticket.timeline.kind.${entry.kind}`, { defaultValue: entry.kind });
  const read = <T>(schema: z.ZodType<T>): T | null => {
    const parsed = schema.safeParse(entry.data);
    return parsed.success ? parsed.data : null;
  };
  switch (entry.kind) {
    case 'created': {
      const data = read(Created);
      return data
        ? t('ticket.timeline.created', { channel: t(`channel.${data.channel}`) })
        : kindName;
    }
    case 'status':
    case 'reopened': {
      const move = read(StatusMove);
      if (!move?.from) return kindName;
      return t('ticket.timeline.statusMove', { from: status(move.from), to: status(move.to) });
    }
    case 'resolution': {
      const data = read(Resolution);
      return data
        ? t('ticket.timeline.resolved', { code: t(`ticket.resolutionCode.${data.resolutionCode}`) })
        : kindName;
    }
    case 'verification': {
      const data = read(Verification);
      return data
        ? t('ticket.timeline.verified', {
            outcome: t(`ticket.outcome.${data.outcome}`),
            to: status(data.to),
          })
        : kindName;
    }
    case 'edited': {
      const data = read(Edited);
      if (!data) return kindName;
      const fields = data.fields.map((f) => t(`ticket.field.${f}`, { defaultValue: f })).join(', ');
      return data.priority
        ? t('ticket.timeline.editedPriority', {
            fields,
            from: data.priority.from,
            to: data.priority.to,
          })
        : t('ticket.timeline.edited', { fields });
    }
    case 'assignment': {
      const data = read(Assignment);
      if (!data) return kindName;
      if (!data.assignee && !data.groupId) return t('ticket.timeline.unassigned');
      const who = [data.assignee, data.groupId ? groupName(data.groupId) : null].filter(Boolean);
      return t('ticket.timeline.assigned', { who: who.join(' · ') });
    }
    case 'escalation':
    case 'de-escalation': {
      const data = read(TierMove);
      return data
        ? t(`ticket.timeline.${entry.kind === 'escalation' ? 'escalated' : 'deescalated'}`, {
            from: t(`ticket.tier.${data.fromTier}`),
            to: t(`ticket.tier.${data.toTier}`),
          })
        : kindName;
    }
    case 'evidence': {
      const data = read(Evidence);
      if (!data) return kindName;
      if (data.evidenceKind === 'checks') {
        return t('checks.evidence.attached', { machine: data.machineName });
      }
      if (data.evidenceKind === 'mail-attachment') {
        // For an e-mail's attachment, machineName holds the file's name.
        return t('evidence.mailAttachmentAttached', { name: data.machineName });
      }
      return data.evidenceKind === 'inventory-diff'
        ? t('inventoryChanges.evidenceAttached', { machine: data.machineName })
        : t('ticket.timeline.evidence', { machine: data.machineName });
    }
    case 'chat': {
      const agent = read(AgentChat);
      if (agent?.works) return t('ticket.agentConversation.works');
      if (agent?.rating !== undefined) {
        return t('ticket.agentConversation.rating', { rating: agent.rating });
      }
      if (agent) return t(`ticket.timeline.agentChat.${agent.direction}`);
      const data = read(Direction);
      return data ? t(`ticket.timeline.chat.${data.direction}`) : kindName;
    }
    case 'email': {
      const data = read(MailAnswer);
      if (data?.fromOtherAddress) {
        return t('ticket.timeline.email.otherAddress', { from: data.from ?? '' });
      }
      if (data?.answer) return t(`ticket.timeline.email.answer.${data.answer}`);
      return data ? t(`ticket.timeline.email.${data.direction}`) : kindName;
    }
    case 'call': {
      const data = read(Direction);
      return data ? t(`ticket.timeline.${entry.kind}.${data.direction}`) : kindName;
    }
    case 'vendor-case': {
      const data = read(Status);
      return data
        ? t('ticket.timeline.vendorCase', {
            status: t(`ticket.vendorStatus.${data.status}`, { defaultValue: data.status }),
          })
        : t('ticket.timeline.vendorCaseUpdated');
    }
    case 'visit': {
      const data = read(Visit);
      if (!data) return kindName;
      return data.scheduledAt
        ? t('ticket.timeline.visitScheduled', { date: formatDateTime(data.scheduledAt, locale) })
        : t('ticket.timeline.visit', { status: t(`ticket.visitStatus.${data.status}`) });
    }
    case 'order': {
      const data = read(Order);
      return data
        ? t('ticket.timeline.order', { status: t(`ticket.orderStatus.${data.status}`) })
        : kindName;
    }
    case 'feedback': {
      const data = read(Feedback);
      return data ? t('ticket.timeline.feedback', { rating: data.rating }) : kindName;
    }
    case 'service-centre': {
      const data = read(Centre);
      return data ? t('ticket.timeline.serviceCentre', { name: data.name }) : kindName;
    }
    default:
      return kindName;
  }
}
