import type { z } from 'zod';
import {
  assertCanGiveFeedback,
  assertCanReopen,
  assertTransition,
  statusAfterVerification,
  unansweredLongEnough,
  DesksideError,
  type FeedbackInputSchema,
  type ReopenInputSchema,
  type ResolveInputSchema,
  type SetStatusInputSchema,
  type Ticket,
  type TicketStatus,
  type VerificationOutcome,
  type VerifyInputSchema,
  type WorkflowConfig,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Publish } from '../database/store';
import { appendEntries } from './timeline';
import { editTicket, loadTicketRow, type TicketPlan, type WorkflowDeps } from './ticket-writer';
import { toTicket, type TicketRow } from './rows';

const SYSTEM_ACTOR = 'deskside';

/**
 * The user's answer to "does it work now?" on a resolved ticket: confirmed (or no answer)
 * closes it, not confirmed sends it back to work. One plan for every way the answer arrives:
 * the analyst's action, the employee's help page (fleet-help.ts) and an e-mail reply
 * (mail-intake.ts), each inside `editTicket`.
 */
export function verificationPlan(
  row: TicketRow,
  config: WorkflowConfig,
  now: string,
  answer: { outcome: VerificationOutcome; comment: string },
): TicketPlan {
  const from = row.status as TicketStatus;
  const to = statusAfterVerification(answer.outcome, from, row.resolvedAt, now, config.closure);
  return {
    set: {
      status: to,
      verification: answer.outcome,
      ...(to === 'closed' ? { closedAt: now } : { resolvedAt: null }),
    },
    entries: [
      { kind: 'verification', body: answer.comment, data: { from, to, outcome: answer.outcome } },
    ],
  };
}

/** Whether the user's feedback can be recorded now: resolved or closed, and none given yet. */
export const awaitsFeedback = (row: Pick<TicketRow, 'status' | 'feedbackRating'>): boolean =>
  (row.status === 'resolved' || row.status === 'closed') && row.feedbackRating === null;

/**
 * The user's satisfaction (1-5) and comment, once per resolution, in the caller's transaction
 * (the analyst's action, the help page and an e-mail reply all record it here).
 */
export async function recordFeedback(
  deps: WorkflowDeps,
  trx: Db,
  publish: Publish,
  input: { id: number; rating: number; comment: string },
  actor: string,
  now: string,
): Promise<TicketRow> {
  const row = await loadTicketRow(trx, input.id);
  assertCanGiveFeedback(row.status as TicketStatus);
  if (row.feedbackRating !== null) {
    throw new DesksideError('conflict', `Ticket ${input.id} already has the user's feedback`);
  }
  const updated = await trx
    .updateTable('tickets')
    .set({ feedbackRating: input.rating, feedbackComment: input.comment, updatedAt: now })
    .where('id', '=', input.id)
    .where('feedbackRating', 'is', null)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntries(trx, deps.store.dialect, input.id, actor, now, [
    { kind: 'feedback', body: input.comment, data: { rating: input.rating } },
  ]);
  publish({ type: 'ticket.changed', ticketId: input.id, at: now });
  return updated;
}

/** The status lifecycle: working statuses, resolution, verification, reopening, feedback. */
export class LifecycleService {
  constructor(private readonly deps: WorkflowDeps) {}

  setStatus(input: z.output<typeof SetStatusInputSchema>, actor: string): Promise<Ticket> {
    return editTicket(this.deps, { ...input, actor }, (row) => {
      const from = row.status as TicketStatus;
      assertTransition(from, input.status);
      return {
        set: { status: input.status },
        entries: [{ kind: 'status', body: input.note, data: { from, to: input.status } }],
      };
    });
  }

  resolve(input: z.output<typeof ResolveInputSchema>, actor: string): Promise<Ticket> {
    return editTicket(this.deps, { ...input, actor }, (row, _config, now) => {
      const from = row.status as TicketStatus;
      assertTransition(from, 'resolved');
      return {
        set: {
          status: 'resolved',
          resolvedAt: now,
          resolutionCode: input.resolutionCode,
          resolutionNotes: input.resolutionNotes,
          verification: 'pending',
        },
        entries: [
          {
            kind: 'resolution',
            body: input.resolutionNotes,
            data: { from, to: 'resolved', resolutionCode: input.resolutionCode },
          },
        ],
      };
    });
  }

  verify(input: z.output<typeof VerifyInputSchema>, actor: string): Promise<Ticket> {
    return editTicket(this.deps, { ...input, actor }, (row, config, now) =>
      verificationPlan(row, config, now, input),
    );
  }

  reopen(input: z.output<typeof ReopenInputSchema>, actor: string): Promise<Ticket> {
    return editTicket(this.deps, { ...input, actor }, (row, config, now) => {
      const from = row.status as TicketStatus;
      assertCanReopen(from, row.closedAt, now, config.closure);
      assertTransition(from, 'reopened');
      return {
        set: { status: 'reopened', closedAt: null, resolvedAt: null, verification: null },
        entries: [{ kind: 'reopened', body: input.reason, data: { from, to: 'reopened' } }],
      };
    });
  }

  /** The user's satisfaction (1-5) and comment; once per resolution. */
  async feedback(input: z.output<typeof FeedbackInputSchema>, actor: string): Promise<Ticket> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish) =>
      toTicket(await recordFeedback(this.deps, trx, publish, input, actor, now)),
    );
  }

  /** Closes every resolved ticket whose user has not answered within the policy's days. */
  async closeUnanswered(): Promise<number[]> {
    const now = this.deps.now().toISOString();
    const config = await this.deps.config.get();
    const resolved = await this.deps.store.db
      .selectFrom('tickets')
      .select(['id', 'version', 'resolvedAt'])
      .where('status', '=', 'resolved')
      .execute();
    const closed: number[] = [];
    for (const ticket of resolved) {
      if (!ticket.resolvedAt || !unansweredLongEnough(ticket.resolvedAt, now, config.closure))
        continue;
      try {
        await this.verify(
          { id: ticket.id, expectedVersion: ticket.version, outcome: 'no_answer', comment: '' },
          SYSTEM_ACTOR,
        );
        closed.push(ticket.id);
      } catch (error) {
        // Someone is working on it right now: their change wins; the next sweep looks again.
        if (!(error instanceof DesksideError && error.code === 'stale_version')) throw error;
      }
    }
    return closed;
  }
}
