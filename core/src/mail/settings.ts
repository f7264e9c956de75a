import { z } from 'zod';

/** How a connection is protected: TLS from the start, STARTTLS, or none (a test server). */
export const MailSecuritySchema = z.enum(['tls', 'starttls', 'none']);
export type MailSecurity = z.infer<typeof MailSecuritySchema>;

const host = z
  .string()
  .trim()
  .min(1, 'Enter the server’s host name')
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'A host name has letters, digits, dots, colons and dashes only');
const port = z.number().int().min(1).max(65_535);
const user = z.string().trim().min(1, 'Enter the user name').max(320);
/** Omitted when saving: keep the password already sealed. */
const password = z.string().min(1).max(1024);
const folder = z.string().trim().min(1).max(200);

/** What becomes of a message once it is a ticket: marked seen, or moved to a folder. */
export const AfterIntakeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('seen') }).strict(),
  z.object({ kind: z.literal('move'), folder }).strict(),
]);
export type AfterIntake = z.infer<typeof AfterIntakeSchema>;

export const ImapSettingsSchema = z
  .object({
    host,
    port: port.default(993),
    security: MailSecuritySchema.default('tls'),
    user,
    folder: folder.default('INBOX'),
    afterIntake: AfterIntakeSchema.default({ kind: 'seen' }),
  })
  .strict();

export const SmtpSettingsSchema = z
  .object({
    host,
    port: port.default(587),
    security: MailSecuritySchema.default('starttls'),
    /** Empty: the server takes mail without logging in. */
    user: z.string().trim().max(320).default(''),
    /** The desk's address, the From of what it sends. */
    from: z.email('Enter the desk’s e-mail address').max(254),
  })
  .strict();

/** The desk's mail as a console keeps it, without the passwords (sealed apart). */
export const MailSettingsSchema = z
  .object({
    /** Off: the mailbox is not read and nothing is sent, the settings are kept. */
    enabled: z.boolean().default(false),
    imap: ImapSettingsSchema,
    smtp: SmtpSettingsSchema.nullable().default(null),
  })
  .strict();
export type MailSettings = z.infer<typeof MailSettingsSchema>;

/** The settings with their passwords, as the settings panel saves them. */
export const SaveMailSettingsInputSchema = MailSettingsSchema.extend({
  imap: ImapSettingsSchema.extend({ password: password.optional() }),
  smtp: SmtpSettingsSchema.extend({ password: password.optional() }).nullable().default(null),
}).strict();
export type SaveMailSettingsInput = z.input<typeof SaveMailSettingsInputSchema>;

/** What the panel shows: the settings, whether each password is set, and the intake's state. */
export const MailSettingsViewSchema = z.object({
  settings: MailSettingsSchema.nullable(),
  imapPasswordSet: z.boolean(),
  smtpPasswordSet: z.boolean(),
});
export type MailSettingsView = z.infer<typeof MailSettingsViewSchema>;

/** A connection test's answer for each server: ok, or what went wrong in a sentence. */
export const MailConnectionResultSchema = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
});
export const TestMailConnectionResultSchema = z.object({
  imap: MailConnectionResultSchema,
  smtp: MailConnectionResultSchema.nullable(),
});
export type TestMailConnectionResult = z.infer<typeof TestMailConnectionResultSchema>;

/** What the analyst writes to the ticket's requester. */
export const SendMailInputSchema = z
  .object({
    ticketId: z.number().int().positive(),
    body: z.string().trim().min(1, 'Write the message').max(20_000),
  })
  .strict();

/**
 * unknown: still `sending` ten minutes after a console claimed it; that console stopped
 * mid-send, so whether the server took it is unknown. It can be sent again (`mail.resend`).
 */
export const OutboxStateSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'unknown']);

/** A message the desk sends about a ticket, with its delivery state. */
export const OutgoingMailSchema = z.object({
  id: z.number().int().positive(),
  ticketId: z.number().int().positive(),
  messageId: z.string(),
  to: z.string(),
  subject: z.string(),
  /** sending: being handed to the server; unknown: the console stopped while sending it. */
  state: OutboxStateSchema,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** The event of an automatic message (received, resolved...); null for an analyst's own. */
  automatic: z.string().nullable().default(null),
});
export type OutgoingMail = z.infer<typeof OutgoingMailSchema>;

/** Sends a message again that failed or whose sending was cut off (state `unknown`). */
export const ResendMailInputSchema = z.object({ id: z.number().int().positive() }).strict();
