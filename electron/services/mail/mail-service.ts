/**
 * The desk's mail at this console: the mailbox and SMTP settings (kept in the console's data
 * folder, passwords sealed by the console's SecretBox like its other secrets), the connection
 * test, and the intake: where this console may read the mailbox (intake-lock.ts) it runs the
 * reader, and gives it up when it loses the lock or the settings change.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  DesksideError,
  MailSettingsSchema,
  SaveMailSettingsInputSchema,
  validationError,
  type MailSettings,
  type MailSettingsView,
  type MailTemplate,
  type OutgoingMail,
  type RenderedMail,
  type TestMailConnectionResult,
} from '@deskside/core';
import type { DatabaseTarget } from '../database/open';
import type { SecretBox } from '../secrets/secret-box';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { intakeLock, type IntakeLock } from './intake-lock';
import { MailIntake, type IntakeOutcome } from './mail-intake';
import { imapOptions, MailboxReader, type ImapAccount } from './mailbox-reader';
import { listTemplates, previewTemplate, queueAutomatic, saveTemplate } from './mail-automatic';
import {
  outboxOf,
  queueReply,
  resend,
  sendDue,
  smtpTransport,
  type SmtpAccount,
} from './mail-outbox';

export const MAIL_SETTINGS_FILE = 'mail-settings.json';

const StoredSchema = z.object({
  settings: MailSettingsSchema,
  imapPassword: z.string().nullable(),
  smtpPassword: z.string().nullable(),
});
type Stored = z.infer<typeof StoredSchema>;

export interface MailServiceOptions {
  dataDir: string;
  secrets: SecretBox;
  deps: WorkflowDeps;
  target: DatabaseTarget;
  consoleName: string;
  logger: Logger;
  /** How often the console reading the mailbox sends what is due; default 30 s. */
  sendEveryMs?: number;
  /** How often a console without the intake lock tries to take it. */
  lockRetryMs?: number;
  backoffMs?: number;
  rereadEveryMs?: number;
  attachmentCapBytes?: number;
  onTaken?: (outcome: IntakeOutcome) => void;
}

const errorText = (error: unknown) =>
  error instanceof Error
    ? [error.message, (error as { responseText?: string }).responseText].filter(Boolean).join(': ')
    : String(error);

const withoutPassword = <T extends { password?: string }>(server: T): Omit<T, 'password'> => {
  const copy: Partial<T> = { ...server };
  delete copy.password;
  return copy as Omit<T, 'password'>;
};

export class MailService {
  private readonly intake: MailIntake;
  private reader: MailboxReader | null = null;
  private lock: IntakeLock | null = null;
  private lockTimer: NodeJS.Timeout | null = null;
  /** Sends what is due, while this console reads the mailbox and has an SMTP server. */
  private sender: { timer: NodeJS.Timeout; run: () => void; stop: () => void } | null = null;
  private closed = false;
  /** Serialises start and stop, so a save never races the reader it replaces. */
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly options: MailServiceOptions) {
    this.intake = new MailIntake(options.deps, options.consoleName);
  }

  private get file() {
    return path.join(this.options.dataDir, MAIL_SETTINGS_FILE);
  }

  private async stored(): Promise<Stored | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return StoredSchema.parse(JSON.parse(text));
  }

  async settings(): Promise<MailSettingsView> {
    const stored = await this.stored();
    return {
      settings: stored?.settings ?? null,
      imapPasswordSet: stored?.imapPassword != null,
      smtpPasswordSet: stored?.smtpPassword != null,
    };
  }

  /** Saves the settings (a password left out keeps the one sealed before) and restarts intake. */
  async save(input: unknown): Promise<MailSettingsView> {
    const parsed = SaveMailSettingsInputSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error, 'mail settings');
    const { imap, smtp, enabled } = parsed.data;
    const before = await this.stored();
    const { password: imapPassword, ...imapRest } = imap;
    const smtpPassword = smtp?.password;
    const settings: MailSettings = {
      enabled,
      imap: imapRest,
      smtp: smtp === null ? null : withoutPassword(smtp),
    };
    const seal = (plain: string | undefined, kept: string | null | undefined) =>
      plain === undefined ? (kept ?? null) : this.options.secrets.seal(plain);
    const next: Stored = {
      settings,
      imapPassword: seal(imapPassword, before?.imapPassword),
      smtpPassword: smtp === null ? null : seal(smtpPassword, before?.smtpPassword),
    };
    await mkdir(this.options.dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, this.file);
    await this.restart();
    return this.settings();
  }

  /** Logs in to the IMAP server (and opens the folder) and to the SMTP server; says what failed. */
  async testConnection(input?: unknown): Promise<TestMailConnectionResult> {
    const stored = await this.stored();
    const parsed = input === undefined ? null : SaveMailSettingsInputSchema.safeParse(input);
    if (parsed && !parsed.success) throw validationError(parsed.error, 'mail settings');
    const settings = parsed?.data ?? stored?.settings;
    if (!settings) return { imap: { ok: false, error: 'The mailbox is not set up' }, smtp: null };
    const open = (sealed: string | null | undefined) =>
      sealed ? this.options.secrets.open(sealed) : '';
    const imapPassword = parsed?.data.imap.password ?? open(stored?.imapPassword);
    const imap = await (async () => {
      const client = new ImapFlow(imapOptions({ ...settings.imap, password: imapPassword }));
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.mailboxOpen(settings.imap.folder, { readOnly: true });
        await client.logout();
        return { ok: true, error: null };
      } catch (error) {
        client.close();
        return { ok: false, error: errorText(error) };
      }
    })();
    const smtp = settings.smtp;
    if (!smtp) return { imap, smtp: null };
    const smtpPassword = parsed?.data.smtp?.password ?? open(stored?.smtpPassword);
    const transport = smtpTransport({ ...smtp, password: smtpPassword });
    try {
      await transport.verify();
      return { imap, smtp: { ok: true, error: null } };
    } catch (error) {
      return { imap, smtp: { ok: false, error: errorText(error) } };
    } finally {
      transport.close();
    }
  }

  /** Starts reading the mailbox where the settings say so and this console may. */
  start(): Promise<void> {
    return this.queue(() => this.begin());
  }

  private restart(): Promise<void> {
    return this.queue(async () => {
      await this.end();
      await this.begin();
    });
  }

  private queue(work: () => Promise<void>): Promise<void> {
    this.turn = this.turn.then(work, work);
    return this.turn;
  }

  /** Read through a method: `close()` sets it while the lock is being asked for. */
  private isClosed(): boolean {
    return this.closed;
  }

  private async begin(): Promise<void> {
    if (this.closed) return;
    const stored = await this.stored();
    if (!stored?.settings.enabled || !stored.imapPassword) return;
    const account: ImapAccount = {
      ...stored.settings.imap,
      password: this.options.secrets.open(stored.imapPassword),
    };
    const { target, consoleName, logger, lockRetryMs = 30_000 } = this.options;
    const lock = intakeLock(target, `deskside-mail@${consoleName}`.slice(0, 63));
    this.lock = lock;
    const attempt = async () => {
      this.lockTimer = null;
      if (this.closed || this.lock !== lock) return;
      let held = false;
      try {
        held = await lock.tryTake();
      } catch (error) {
        logger.warn({ err: error }, 'mail intake: could not ask for the intake lock');
      }
      if (this.isClosed() || this.lock !== lock) return;
      if (!held) {
        this.lockTimer = setTimeout(() => void attempt(), lockRetryMs);
        return;
      }
      logger.info('mail intake: this console reads the desk mailbox');
      this.reader = new MailboxReader({
        account,
        intake: this.intake,
        logger,
        ...(this.options.backoffMs === undefined ? {} : { backoffMs: this.options.backoffMs }),
        ...(this.options.rereadEveryMs === undefined
          ? {}
          : { rereadEveryMs: this.options.rereadEveryMs }),
        ...(this.options.attachmentCapBytes === undefined
          ? {}
          : { attachmentCapBytes: this.options.attachmentCapBytes }),
        ...(this.options.onTaken ? { onTaken: this.options.onTaken } : {}),
      });
      this.reader.start();
      this.startSender(stored);
    };
    lock.onLost(() => {
      logger.warn('mail intake: the intake lock was lost; reading stops until it is taken again');
      const reader = this.reader;
      this.reader = null;
      void reader?.stop().then(() => {
        if (this.lock === lock && !this.closed) {
          this.lockTimer = setTimeout(() => void attempt(), lockRetryMs);
        }
      });
    });
    await attempt();
  }

  private startSender(stored: Stored): void {
    const { smtp } = stored.settings;
    if (!smtp || this.sender) return;
    const account: SmtpAccount = {
      ...smtp,
      password: stored.smtpPassword ? this.options.secrets.open(stored.smtpPassword) : '',
    };
    const { deps, logger, sendEveryMs = 30_000 } = this.options;
    let busy: Promise<unknown> | null = null;
    const automatic = { from: smtp.from, consoleName: this.options.consoleName, logger };
    const run = () => {
      // The automatic messages the timeline calls for are queued first, then sent with the rest.
      busy ??= queueAutomatic(deps, automatic)
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'mail: automatic messages could not be queued');
        })
        .then(() => sendDue(deps, account, logger))
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'mail: sending failed');
        })
        .finally(() => {
          busy = null;
        });
    };
    // A ticket change here or on another console: its automatic message goes out soon after.
    let soon: NodeJS.Timeout | null = null;
    const unsubscribe = deps.store.events.subscribe((event) => {
      if (event.type !== 'ticket.created' && event.type !== 'ticket.changed') return;
      soon ??= setTimeout(() => {
        soon = null;
        run();
      }, 1_000);
    });
    const stop = () => {
      unsubscribe();
      if (soon) clearTimeout(soon);
    };
    this.sender = { timer: setInterval(run, sendEveryMs), run, stop };
    run();
  }

  /** Queues a message to a ticket's requester; sent by the console reading the mailbox. */
  async send(input: { ticketId: number; body: string }, actor: string): Promise<OutgoingMail> {
    const stored = await this.stored();
    const from = stored?.settings.smtp?.from;
    if (!from) {
      throw new DesksideError(
        'conflict',
        'This desk sends no mail yet: set up its SMTP server in Settings, E-mail',
      );
    }
    const queued = await queueReply(this.options.deps, input, actor, from.split('@')[1]!);
    this.sender?.run();
    return queued;
  }

  outbox(ticketId: number): Promise<OutgoingMail[]> {
    return outboxOf(this.options.deps, ticketId);
  }

  /** Queues a failed or cut-off message again, and sends at once where this console sends. */
  async resend(id: number): Promise<OutgoingMail> {
    const queued = await resend(this.options.deps, id);
    this.sender?.run();
    return queued;
  }

  templates(): Promise<MailTemplate[]> {
    return listTemplates(this.options.deps.store.db);
  }

  saveTemplate(input: unknown, actor: string): Promise<MailTemplate> {
    return saveTemplate(this.options.deps, input, actor);
  }

  previewTemplate(input: unknown): Promise<RenderedMail> {
    return previewTemplate(this.options.deps, input);
  }

  /** Sends what is due now, where this console sends (tests, and after a ticket change). */
  sendNow(): void {
    this.sender?.run();
  }

  private async end(): Promise<void> {
    if (this.sender) {
      clearInterval(this.sender.timer);
      this.sender.stop();
    }
    this.sender = null;
    if (this.lockTimer) clearTimeout(this.lockTimer);
    this.lockTimer = null;
    const reader = this.reader;
    const lock = this.lock;
    this.reader = null;
    this.lock = null;
    await reader?.stop();
    await lock?.release();
  }

  /** Whether this console reads the mailbox now. */
  get reading(): boolean {
    return this.reader !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue(() => this.end());
  }
}
