import { z } from 'zod';
import { LanguageSchema } from './settings';
import { GroupIdSchema } from './workflow/assignment';

/**
 * A desk's analysts. On a shared PostgreSQL each one signs in as a login role of their own,
 * a member of the role group their role names; the database, not the console, enforces what
 * that role may do (electron/services/desk/desk-roles.ts).
 */
export const ANALYST_ROLES = ['analyst', 'lead', 'admin'] as const;
export const AnalystRoleSchema = z.enum(ANALYST_ROLES);
export type AnalystRole = z.infer<typeof AnalystRoleSchema>;

/** A sign-in name: it is a PostgreSQL role name too, so plain lower-case letters and digits. */
export const AnalystLoginSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{1,39}$/,
    'Use 2 to 40 lower-case letters, digits or _, starting with a letter',
  );

/** At least 12 characters: it guards a login to the desk's database. */
export const AnalystPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200)
  .refine((password) => !password.includes('\0'), 'The password holds a NUL character');

export const AnalystDetailsSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    language: LanguageSchema,
    role: AnalystRoleSchema,
    groups: z
      .array(GroupIdSchema)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'A group is listed twice'),
  })
  .strict();
export type AnalystDetails = z.infer<typeof AnalystDetailsSchema>;

export const NewAnalystSchema = AnalystDetailsSchema.extend({
  login: AnalystLoginSchema,
  password: AnalystPasswordSchema,
}).strict();
export type NewAnalyst = z.infer<typeof NewAnalystSchema>;

export const AnalystAccountSchema = AnalystDetailsSchema.extend({
  login: AnalystLoginSchema,
  disabled: z.boolean(),
  addedBy: z.string(),
  addedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AnalystAccount = z.infer<typeof AnalystAccountSchema>;

export const AnalystRefSchema = z.object({ login: AnalystLoginSchema }).strict();

export const ChangeAnalystInputSchema = AnalystDetailsSchema.extend({
  login: AnalystLoginSchema,
}).strict();
export type ChangeAnalystInput = z.infer<typeof ChangeAnalystInputSchema>;

/** Who is signed in at this console, and whether the desk enforces roles at all. */
export const DeskSessionSchema = z.object({
  analyst: z.string(),
  /** The analyst's role on a desk with roles; null on the SQLite file or a desk without. */
  role: AnalystRoleSchema.nullable(),
  /** True on a shared PostgreSQL desk set up with roles (electron/services/desk). */
  roles: z.boolean(),
});
export type DeskSession = z.infer<typeof DeskSessionSchema>;
