import { z } from 'zod';
import { DesksideError } from '../errors';

/** Support lines, in escalation order. */
export const TierSchema = z.enum(['tier1', 'tier2', 'specialist']);
export type Tier = z.infer<typeof TierSchema>;
const TIER_ORDER: readonly Tier[] = TierSchema.options;

export const GroupIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'A group id is a short slug');

export const GroupSchema = z.object({
  id: GroupIdSchema,
  name: z.string().trim().min(1).max(120),
  tier: TierSchema,
});
export type Group = z.infer<typeof GroupSchema>;

export const DEFAULT_GROUPS: Group[] = [
  { id: 'service-desk', name: 'Service desk', tier: 'tier1' },
  { id: 'workplace', name: 'Workplace support', tier: 'tier2' },
  { id: 'network', name: 'Network team', tier: 'specialist' },
  { id: 'identity', name: 'Identity and access', tier: 'specialist' },
];

export const AnalystSchema = z.string().trim().min(1).max(120);

export const ReasonSchema = z.string().trim().min(3, 'Say why (at least a few words)').max(2000);

export type TierMove = 'escalation' | 'de-escalation';

const rank = (tier: Tier) => TIER_ORDER.indexOf(tier);

/**
 * Checks an escalation (to a higher line) or a de-escalation (to a lower one). Moving
 * sideways or the wrong way is refused with a message saying what is possible.
 */
export function assertTierMove(move: TierMove, from: Tier, to: Tier): void {
  const up = rank(to) > rank(from);
  const down = rank(to) < rank(from);
  if (move === 'escalation' && !up) {
    throw new DesksideError(
      'invalid_transition',
      from === 'specialist'
        ? 'The ticket is already with the specialists; it cannot be escalated further'
        : `Escalation goes to a higher line than ${from}; ${to} is not higher`,
    );
  }
  if (move === 'de-escalation' && !down) {
    throw new DesksideError(
      'invalid_transition',
      from === 'tier1'
        ? 'The ticket is already on the first line; it cannot be de-escalated'
        : `De-escalation goes to a lower line than ${from}; ${to} is not lower`,
    );
  }
}
