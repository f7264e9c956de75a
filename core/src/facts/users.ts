import { z } from 'zod';
import { NonEmptyTextSchema, TextSchema } from './common';

/** A session of someone logged in to the machine. */
export const LoggedInUserSchema = z.object({
  user: NonEmptyTextSchema,
  /** Terminal or session name ("tty2", "console", "rdp-tcp#0"); "" when unknown. */
  session: TextSchema,
  /** Where a remote session comes from; "" for a local one. */
  remoteHost: TextSchema,
  loginAt: z.iso.datetime({ offset: true }).nullable(),
  /** Windows: "Active" or "Disc"; "" elsewhere. */
  state: TextSchema,
});
export type LoggedInUser = z.infer<typeof LoggedInUserSchema>;

export const LoggedInUsersSchema = z.object({ users: z.array(LoggedInUserSchema) });
export type LoggedInUsers = z.infer<typeof LoggedInUsersSchema>;
