/**
 * Reads the desk's IMAP mailbox continuously: takes every message waiting in the folder,
 * then waits for new ones (IMAP IDLE where the server offers it, else ImapFlow polls), and
 * after a dropped connection connects again with back-off. Each message is parsed, taken
 * (mail-intake.ts) and only then left as the desk configured: marked seen, or moved to a
 * folder. A crash between the two leaves the message as it was; reading it again finds it
 * taken and only marks or moves it.
 */
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { AfterIntake, MailSecurity } from '@deskside/core';
import type { IntakeOutcome, MailIntake } from './mail-intake';
import { parseMail } from './parse-mail';

export interface ImapAccount {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  password: string;
  folder: string;
  afterIntake: AfterIntake;
}

export interface MailboxReaderOptions {
  account: ImapAccount;
  intake: MailIntake;
  logger: Logger;
  attachmentCapBytes?: number;
  /** First wait after a failed connection; doubled each time up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How often the folder is read again without news from the server (no IDLE, missed news). */
  rereadEveryMs?: number;
  /** Each message taken, for the log and for tests. */
  onTaken?: (outcome: IntakeOutcome) => void;
}

/** ImapFlow's connection options for an account. */
export function imapOptions(account: Omit<ImapAccount, 'folder' | 'afterIntake'>) {
  return {
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    // STARTTLS is required when asked for, and never attempted on a plain connection.
    doSTARTTLS:
      account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password },
    logger: false as const,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  };
}

export class MailboxReader {
  private stopped = false;
  private client: ImapFlow | null = null;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: MailboxReaderOptions) {}

  /** Read through a method: `stop()` sets it while the loops await. */
  private halted(): boolean {
    return this.stopped;
  }

  /** Read through a method: the `exists` listener sets it while the folder is read. */
  private hasNews(news: { arrived: boolean }): boolean {
    return news.arrived;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.client?.logout().catch(() => this.client?.close());
    await this.running;
  }

  private async loop(): Promise<void> {
    const { backoffMs = 1_000, maxBackoffMs = 60_000, logger } = this.options;
    let wait = backoffMs;
    while (!this.halted()) {
      try {
        await this.session(() => {
          wait = backoffMs;
        });
      } catch (error) {
        if (this.halted()) break;
        logger.warn({ err: error, retryInMs: wait }, 'mailbox: connection failed');
      }
      if (this.halted()) break;
      await this.sleep(wait);
      wait = Math.min(wait * 2, maxBackoffMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One connection: read what waits, then wait for news, until it drops or the reader stops. */
  private async session(connected: () => void): Promise<void> {
    const { account, rereadEveryMs = 60_000 } = this.options;
    const client = new ImapFlow(imapOptions(account));
    this.client = client;
    const closed = new Promise<void>((resolve) => {
      client.once('close', () => {
        resolve();
      });
    });
    client.on('error', () => undefined);
    /** Set when the server tells of new mail while the folder is being read. */
    const news = { arrived: false as boolean };
    client.on('exists', () => {
      news.arrived = true;
      this.wake?.();
    });
    await client.connect();
    connected();
    try {
      await client.mailboxOpen(account.folder);
      while (!this.halted() && client.usable) {
        news.arrived = false;
        // Held while reading only: ImapFlow starts IDLE once no lock is held.
        const lock = await client.getMailboxLock(account.folder);
        try {
          await this.drain(client);
        } finally {
          lock.release();
        }
        if (this.hasNews(news)) continue;
        // `exists` (from IDLE, or ImapFlow's polling where IDLE is missing) wakes the wait.
        await Promise.race([this.sleep(rereadEveryMs), closed]);
      }
    } finally {
      this.client = null;
      if (client.usable) await client.logout().catch(() => undefined);
    }
    if (!this.halted()) throw new Error('the server closed the connection');
  }

  /** Takes every message waiting in the folder, oldest first. */
  private async drain(client: ImapFlow): Promise<void> {
    const { account, intake, onTaken, attachmentCapBytes, logger } = this.options;
    const query = account.afterIntake.kind === 'seen' ? { seen: false } : { all: true };
    const uids = (await client.search(query, { uid: true })) || [];
    for (const uid of uids.sort((a, b) => a - b)) {
      if (this.halted()) return;
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) continue;
      let outcome: IntakeOutcome;
      try {
        outcome = await intake.take(await parseMail(message.source, attachmentCapBytes));
      } catch (error) {
        // Left as it is in the mailbox: the next reading tries it again.
        logger.error({ err: error, uid }, 'mailbox: a message could not be taken');
        continue;
      }
      logger.info({ uid, outcome }, 'mailbox: message taken');
      if (account.afterIntake.kind === 'seen') {
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      } else {
        await client.messageMove(String(uid), account.afterIntake.folder, { uid: true });
      }
      onTaken?.(outcome);
    }
  }
}
