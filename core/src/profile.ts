import { z } from 'zod';
import { DisplayNameSchema } from './settings';
import { AnalystSchema, GroupIdSchema } from './workflow/assignment';

/**
 * The analyst at this console: the user name tickets record (`analyst`), the name shown on
 * screen, and the groups whose queue is theirs ("my groups").
 */
export const AnalystProfileSchema = z.object({
  analyst: AnalystSchema,
  displayName: z.string().nullable(),
  groups: z.array(GroupIdSchema),
});
export type AnalystProfile = z.infer<typeof AnalystProfileSchema>;

export const UpdateProfileInputSchema = z
  .object({
    displayName: DisplayNameSchema.nullable().optional(),
    groups: z
      .array(GroupIdSchema)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'A group is listed twice')
      .optional(),
  })
  .strict();
export type UpdateProfileInput = z.infer<typeof UpdateProfileInputSchema>;
