import type { z } from 'zod';
import {
  assertTierMove,
  type AssignInputSchema,
  type Tier,
  type TierMove,
  type TierMoveInputSchema,
  type Ticket,
} from '@deskside/core';
import { checkGroup } from './field-rules';
import { editTicket, type WorkflowDeps } from './ticket-writer';

/** Who works on a ticket: analyst, group and support line, each change in the timeline. */
export class AssignmentService {
  constructor(private readonly deps: WorkflowDeps) {}

  assign(input: z.output<typeof AssignInputSchema>, actor: string): Promise<Ticket> {
    return editTicket(this.deps, { ...input, actor }, (row, config) => {
      checkGroup(config, input.groupId);
      return {
        set: { assignee: input.assignee, groupId: input.groupId },
        entries: [
          {
            kind: 'assignment',
            data: {
              from: { assignee: row.assignee, groupId: row.groupId },
              assignee: input.assignee,
              groupId: input.groupId,
            },
          },
        ],
      };
    });
  }

  /** `context`: what else the timeline entry keeps (a call's recorded path, say). */
  escalate(
    input: z.output<typeof TierMoveInputSchema>,
    actor: string,
    context: Record<string, unknown> = {},
  ): Promise<Ticket> {
    return this.move('escalation', input, actor, context);
  }

  deescalate(input: z.output<typeof TierMoveInputSchema>, actor: string): Promise<Ticket> {
    return this.move('de-escalation', input, actor);
  }

  private move(
    move: TierMove,
    input: z.output<typeof TierMoveInputSchema>,
    actor: string,
    context: Record<string, unknown> = {},
  ) {
    return editTicket(this.deps, { ...input, actor }, (row, config) => {
      const from = row.tier as Tier;
      assertTierMove(move, from, input.tier);
      checkGroup(config, input.groupId);
      const groupId = input.groupId === undefined ? row.groupId : input.groupId;
      return {
        // A ticket handed to another line leaves the analyst who had it.
        set: { tier: input.tier, groupId, assignee: null },
        entries: [
          {
            kind: move,
            body: input.reason,
            data: { ...context, fromTier: from, toTier: input.tier, groupId, reason: input.reason },
          },
        ],
      };
    });
  }
}
