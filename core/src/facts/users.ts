import { z } from 'zod';

/** A session of someone logged in to the machine. */
export const LoggedInUserSchema = z.object({
  user: z.string().min(1),
  /** Terminal or session name ("tty2", "console", "rdp-tcp#0"); "" when unknown. */
  session: z.string(),
  /** Where a remote session comes from; "" for a local one. */
  remoteHost: z.string(),
  loginAt: z.iso.datetime({ offset: true }).nullable(),
  /** Windows: "Active" or "Disc"; "" elsewhere. */
  state: z.string(),
});
export type LoggedInUser = z.infer<typeof LoggedInUserSchema>;

export const LoggedInUsersSchema = z.object({ users: z.array(LoggedInUserSchema) });
export type LoggedInUsers = z.infer<typeof LoggedInUsersSchema>;
