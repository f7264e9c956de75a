import { z } from 'zod';
import { AnalystSchema, DEFAULT_GROUPS, GroupSchema } from './workflow/assignment';
import { CategoryTreeSchema, DEFAULT_CATEGORY_TREE } from './workflow/categories';
import { ClosurePolicySchema, DEFAULT_CLOSURE_POLICY } from './workflow/closure';
import { DEFAULT_PRIORITY_MATRIX, PriorityMatrixSchema } from './workflow/priority';
import { DEFAULT_SLA_POLICY, SlaPolicySchema } from './workflow/sla';

export const TeamGroupSchema = GroupSchema.extend({
  members: z.array(AnalystSchema).max(500).default([]),
  /** Where the group is told of a ticket escalated to it; none: it is not mailed. */
  email: z.union([z.literal(''), z.email('Enter a valid e-mail address').max(254)]).optional(),
});
export type TeamGroup = z.infer<typeof TeamGroupSchema>;

/** The desk's rules, stored with its data so every console on a shared database agrees. */
export const WorkflowConfigSchema = z.object({
  categories: CategoryTreeSchema,
  priorityMatrix: PriorityMatrixSchema,
  groups: z
    .array(TeamGroupSchema)
    .min(1)
    .refine(
      (groups) => new Set(groups.map((g) => g.id)).size === groups.length,
      'Group ids must be unique',
    ),
  sla: SlaPolicySchema,
  closure: ClosurePolicySchema,
});
export type WorkflowConfig = z.infer<typeof WorkflowConfigSchema>;

export const DEFAULT_WORKFLOW_CONFIG: WorkflowConfig = {
  categories: DEFAULT_CATEGORY_TREE,
  priorityMatrix: DEFAULT_PRIORITY_MATRIX,
  groups: DEFAULT_GROUPS.map((group) => ({ ...group, members: [] })),
  sla: DEFAULT_SLA_POLICY,
  closure: DEFAULT_CLOSURE_POLICY,
};

export const ConfigureWorkflowInputSchema = WorkflowConfigSchema.partial().refine(
  (changes) => Object.keys(changes).length > 0,
  'Nothing to change',
);
