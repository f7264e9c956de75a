import { z } from 'zod';

/** ITIL: how much of the business is affected, and how soon it hurts. */
export const ImpactSchema = z.enum(['high', 'medium', 'low']);
export type Impact = z.infer<typeof ImpactSchema>;
export const UrgencySchema = z.enum(['high', 'medium', 'low']);
export type Urgency = z.infer<typeof UrgencySchema>;

/** 1 = critical ... 5 = planning. */
export const PrioritySchema = z.literal([1, 2, 3, 4, 5]);
export type Priority = z.infer<typeof PrioritySchema>;
export const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];

const UrgencyRowSchema = z.object({
  high: PrioritySchema,
  medium: PrioritySchema,
  low: PrioritySchema,
});

/** impact -> urgency -> priority; every cell must be given. */
export const PriorityMatrixSchema = z.object({
  high: UrgencyRowSchema,
  medium: UrgencyRowSchema,
  low: UrgencyRowSchema,
});
export type PriorityMatrix = z.infer<typeof PriorityMatrixSchema>;

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 1, medium: 2, low: 3 },
  medium: { high: 2, medium: 3, low: 4 },
  low: { high: 3, medium: 4, low: 5 },
};

export function priorityFor(impact: Impact, urgency: Urgency, matrix: PriorityMatrix): Priority {
  return matrix[impact][urgency];
}
