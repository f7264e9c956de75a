import { z } from 'zod';
import { DesksideError } from '../errors';
import type { TicketStatus } from './lifecycle';

export const ResolutionCodeSchema = z.enum([
  'fixed',
  'workaround',
  'advice-given',
  'hardware-replaced',
  'software-reinstalled',
  'no-fault-found',
  'duplicate',
  'cancelled-by-user',
]);
export type ResolutionCode = z.infer<typeof ResolutionCodeSchema>;

export const ResolutionSchema = z.object({
  resolutionCode: ResolutionCodeSchema,
  resolutionNotes: z.string().trim().min(5, 'Write down what was done to resolve it').max(20_000),
});

export const VerificationOutcomeSchema = z.enum(['confirmed', 'not_confirmed', 'no_answer']);
export type VerificationOutcome = z.infer<typeof VerificationOutcomeSchema>;
export const VerificationStateSchema = z.enum(['pending', ...VerificationOutcomeSchema.options]);
export type VerificationState = z.infer<typeof VerificationStateSchema>;

export const FeedbackSchema = z.object({
  rating: z.number().int().min(1, 'Satisfaction is 1 to 5').max(5, 'Satisfaction is 1 to 5'),
  comment: z.string().trim().max(2000).default(''),
});

export const ClosurePolicySchema = z.object({
  /** A resolved ticket whose user does not answer is closed after this many days. */
  noAnswerCloseAfterDays: z.number().int().min(1).max(90),
  /** A closed ticket can be reopened for this many days; after that, open a new one. */
  reopenWithinDays: z.number().int().min(0).max(365),
});
export type ClosurePolicy = z.infer<typeof ClosurePolicySchema>;

export const DEFAULT_CLOSURE_POLICY: ClosurePolicy = {
  noAnswerCloseAfterDays: 5,
  reopenWithinDays: 14,
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** Where a verification outcome takes a resolved ticket. */
export function statusAfterVerification(
  outcome: VerificationOutcome,
  status: TicketStatus,
  resolvedAt: string | null,
  now: string,
  policy: ClosurePolicy,
): TicketStatus {
  if (status !== 'resolved' || !resolvedAt) {
    throw new DesksideError(
      'invalid_transition',
      'Only a resolved ticket can be verified with the user',
    );
  }
  if (outcome === 'confirmed') return 'closed';
  if (outcome === 'not_confirmed') return 'in_progress';
  const waited = daysBetween(resolvedAt, now);
  if (waited < policy.noAnswerCloseAfterDays) {
    throw new DesksideError(
      'invalid_transition',
      `The user has until ${policy.noAnswerCloseAfterDays} days after resolution to answer; it has been ${Math.floor(waited)}`,
    );
  }
  return 'closed';
}

/** Whether a resolved ticket has waited long enough for an answer to be closed unanswered. */
export function unansweredLongEnough(resolvedAt: string, now: string, policy: ClosurePolicy) {
  return daysBetween(resolvedAt, now) >= policy.noAnswerCloseAfterDays;
}

/** Whether a ticket closed at `closedAt` can still be reopened (else: a new ticket). */
export function reopenWindowOpen(closedAt: string, now: string, policy: ClosurePolicy): boolean {
  return daysBetween(closedAt, now) <= policy.reopenWithinDays;
}

export function assertCanReopen(
  status: TicketStatus,
  closedAt: string | null,
  now: string,
  policy: ClosurePolicy,
): void {
  if (status !== 'closed' || !closedAt) {
    throw new DesksideError('invalid_transition', 'Only a closed ticket can be reopened');
  }
  if (!reopenWindowOpen(closedAt, now, policy)) {
    throw new DesksideError(
      'invalid_transition',
      `This ticket was closed more than ${policy.reopenWithinDays} days ago; open a new ticket and refer to it`,
    );
  }
}

export function assertCanGiveFeedback(status: TicketStatus): void {
  if (status !== 'resolved' && status !== 'closed') {
    throw new DesksideError(
      'invalid_transition',
      'Feedback is given once the ticket is resolved or closed',
    );
  }
}
