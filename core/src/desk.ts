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

/** A password PostgreSQL can take: at most 200 characters, none of them NUL. */
const passwordOf = (schema: z.ZodString) =>
  schema
    .max(200)
    .refine((password) => !password.includes('\0'), 'The password holds a NUL character');

/** At least 12 characters: it guards a login to the desk's database. */
export const AnalystPasswordSchema = passwordOf(z.string().min(12, 'Use at least 12 characters'));

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

/**
 * Why a console on a shared desk is signed out, or why a sign-in failed; the sign-in screen
 * says each in the analyst's language.
 */
export const SIGN_IN_PROBLEMS = [
  /** The database refused the sign-in name and password (28P01). */
  'wrong_password',
  /** The login may not sign in: disabled (NOLOGIN), or not one of the desk's analysts. */
  'not_allowed',
  /** The database server could not be reached, or has no such database. */
  'unreachable',
  /** The desk's schema is older than this console, and only its owner upgrades it. */
  'outdated',
  /** A signed-in console was refused: the analyst was disabled or their password changed. */
  'refused',
] as const;
export const SignInProblemSchema = z.enum(SIGN_IN_PROBLEMS);
export type SignInProblem = z.infer<typeof SignInProblemSchema>;

/**
 * Whether this console is signed in to its desk. A console whose address signs it in (the
 * SQLite file, or a PostgreSQL address with its password) is always signed in, `byAddress`.
 */
export const SignInStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed-in'), byAddress: z.boolean() }),
  z.object({
    state: z.literal('signed-out'),
    /** The desk it signs in to, as host/database. */
    desk: z.string(),
    /** Why it is signed out; null when nobody has signed in yet or the analyst signed out. */
    reason: SignInProblemSchema.nullable(),
  }),
]);
export type SignInState = z.infer<typeof SignInStateSchema>;

/** An analyst's sign-in: a login of the desk's database and its password. */
export const SignInInputSchema = z
  .object({
    login: AnalystLoginSchema,
    // Not AnalystPasswordSchema: the desk's owner, or an older password, may be shorter.
    password: passwordOf(z.string().min(1, 'Enter the password')),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInputSchema>;
