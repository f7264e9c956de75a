/**
 * What the analyst writes to the requester from a ticket. Queued in `mail_outbox` with its own
 * Message-ID, in the transaction that puts it on the ticket's timeline; sent by the console
 * that reads the mailbox (the same lock), through the desk's SMTP server. Each message is
 * claimed (`queued` to `sending`) before it is handed to the server, so it is never sent
 * twice; a refusal is retried with back-off, and after the last attempt, or at once when the
 * server refuses it for good (5xx), it is `failed`. A console that stopped while sending leaves
 * the message `sending`: whether the server took it is unknown, so it is never sent again on
 * its own. The claim's time is kept in `next_attempt_at`; a message still `sending` ten minutes
 * after its claim shows as `unknown`, and the analyst may send it again (`resend`).
 */
import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import {
  DesksideError,
  OutgoingMailSchema,
  subjectWithReference,
  type MailSecurity,
  type OutgoingMail,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { MailOutboxTable } from '../database/schema';
import { loadTicketRow, noteOnTicket, type WorkflowDeps } from '../tickets/ticket-writer';
import { appendEntries } from '../tickets/timeline';
import { directoryAddress } from './mail-threads';

export interface SmtpAccount {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  password: string;
  from: string;
}

/** Nodemailer's transport for the desk's SMTP server (sending, and the connection test). */
export function smtpTransport(account: Omit<SmtpAccount, 'from'>) {
  return nodemailer.createTransport({
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    requireTLS: account.security === 'starttls',
    ignoreTLS: account.security === 'none',
    ...(account.user ? { auth: { user: account.user, pass: account.password } } : {}),
    connectionTimeout: 15_000,
    // A send never outlives SENDING_STALE_MS (Nodemailer's own default is 10 minutes).
    socketTimeout: 120_000,
  });
}

/** Waits between attempts: 1, 2, 4, 8 minutes; then the message has failed. */
export const RETRY_DELAYS_MS = [60_000, 120_000, 240_000, 480_000];

/** The address a ticket's requester is written to: the directory's, else the one they wrote from. */
export async function requesterAddress(db: Db, ticketId: number): Promise<string | null> {
  const ticket = await loadTicketRow(db, ticketId);
  const listed = await directoryAddress(db, ticket.requesterId);
  if (listed) return listed;
  const received = await db
    .selectFrom('mailMessages')
    .select('fromAddress')
    .where('ticketId', '=', ticketId)
    .where('fromAddress', '!=', '')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return received?.fromAddress ?? null;
}

/** The Message-ID of the latest message taken in for a ticket: what the desk's answers thread under. */
export async function lastMessageId(db: Db, ticketId: number): Promise<string | null> {
  const answered = await db
    .selectFrom('mailMessages')
    .select('messageId')
    .where('ticketId', '=', ticketId)
    .where('messageId', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return answered?.messageId ?? null;
}

/** Queues a message to the ticket's requester and puts it on the ticket's timeline. */
export async function queueReply(
  deps: WorkflowDeps,
  input: { ticketId: number; body: string },
  actor: string,
  domain: string,
): Promise<OutgoingMail> {
  const to = await requesterAddress(deps.store.db, input.ticketId);
  if (!to) {
    throw new DesksideError(
      'conflict',
      `The requester of ticket ${input.ticketId} has no e-mail address; add one in the directory`,
    );
  }
  const now = deps.now().toISOString();
  return deps.store.write(async (trx, publish) => {
    const ticket = await loadTicketRow(trx, input.ticketId);
    const inReplyTo = await lastMessageId(trx, input.ticketId);
    const row = await trx
      .insertInto('mailOutbox')
      .values({
        ticketId: input.ticketId,
        messageId: `<${randomUUID()}@${domain}>`,
        toAddress: to,
        subject: subjectWithReference(input.ticketId, ticket.summary),
        body: input.body,
        inReplyTo,
        state: 'queued',
        nextAttemptAt: now,
        createdBy: actor,
        createdAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await noteOnTicket(deps, trx, input.ticketId, { firstResponse: true, now });
    await appendEntries(trx, deps.store.dialect, input.ticketId, actor, now, [
      {
        kind: 'email',
        body: input.body,
        data: { direction: 'outbound', to, outboxId: row.id, messageId: row.messageId },
      },
    ]);
    publish({ type: 'ticket.changed', ticketId: input.ticketId, at: now });
    return toOutgoing(row);
  });
}

/**
 * How long a claimed message may stay `sending` before the console that claimed it is taken
 * to have stopped mid-send: a live send gives up long before (15 s to connect, 2 minutes of
 * silence from the server at most, see smtpTransport).
 */
export const SENDING_STALE_MS = 10 * 60_000;

const staleBefore = (now: Date) => new Date(now.getTime() - SENDING_STALE_MS).toISOString();

/** `sending` for longer than SENDING_STALE_MS since its claim reads as `unknown`. */
function withUnknown<T extends { state: string; nextAttemptAt: string | null }>(
  row: T,
  now: Date,
): T {
  const stale = row.state === 'sending' && (row.nextAttemptAt ?? '') <= staleBefore(now);
  return stale ? { ...row, state: 'unknown' } : row;
}

function toOutgoing(row: {
  id: number;
  ticketId: number;
  messageId: string;
  toAddress: string;
  subject: string;
  state: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  automatic: string | null;
}): OutgoingMail {
  return OutgoingMailSchema.parse({
    id: row.id,
    ticketId: row.ticketId,
    messageId: row.messageId,
    to: row.toAddress,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    automatic: row.automatic,
  });
}

/** A ticket's outgoing messages with their delivery state, oldest first. */
export async function outboxOf(deps: WorkflowDeps, ticketId: number): Promise<OutgoingMail[]> {
  const rows = await deps.store.db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map((row) => toOutgoing(withUnknown(row, deps.now())));
}

/**
 * Queues a message again that failed, or whose sending stopped with the console that claimed
 * it (`unknown`: the requester may get it twice). One update decides, so two analysts asking
 * at once queue it once; a message that was sent, or is queued or being sent, is refused.
 */
export async function resend(deps: WorkflowDeps, id: number): Promise<OutgoingMail> {
  const now = deps.now();
  return deps.store.write(async (trx, publish) => {
    const updated = await trx
      .updateTable('mailOutbox')
      .set({ state: 'queued', attempts: 0, nextAttemptAt: now.toISOString(), lastError: null })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('state', '=', 'failed'),
          eb.and([eb('state', '=', 'sending'), eb('nextAttemptAt', '<=', staleBefore(now))]),
        ]),
      )
      .returningAll()
      .executeTakeFirst();
    if (updated) {
      publish({ type: 'ticket.changed', ticketId: updated.ticketId, at: now.toISOString() });
      return toOutgoing(updated);
    }
    const row = await trx
      .selectFrom('mailOutbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', `There is no outgoing message ${id}`);
    const refusals: Record<string, string> = {
      sent: `Message ${id} was sent${row.sentAt ? ` at ${row.sentAt}` : ''}; it is not sent again`,
      queued: `Message ${id} is already queued; it goes out with the next sending`,
      sending: `Message ${id} is being sent right now; if it is still not sent in 10 minutes, send it again`,
    };
    throw new DesksideError(
      'conflict',
      refusals[row.state] ?? `Message ${id} cannot be sent again`,
    );
  });
}

/** Records how sending went, and tells every console the ticket changed. */
function settle(
  deps: WorkflowDeps,
  row: { id: number; ticketId: number },
  set: Updateable<MailOutboxTable>,
): Promise<void> {
  return deps.store.write(async (trx, publish) => {
    await trx.updateTable('mailOutbox').set(set).where('id', '=', row.id).execute();
    publish({ type: 'ticket.changed', ticketId: row.ticketId, at: deps.now().toISOString() });
  });
}

/** Sends what is due, once each; returns how many it handed to the server. */
export async function sendDue(
  deps: WorkflowDeps,
  account: SmtpAccount,
  logger: Logger,
): Promise<number> {
  const now = deps.now().toISOString();
  const due = await deps.store.db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('state', '=', 'queued')
    .where('nextAttemptAt', '<=', now)
    .orderBy('id')
    .limit(50)
    .execute();
  if (due.length === 0) return 0;
  const transport = smtpTransport(account);
  let sent = 0;
  try {
    for (const row of due) {
      // Claimed first: another console, or this one after a restart, never sends it again.
      const claimed = await deps.store.db
        .updateTable('mailOutbox')
        // The claim's time, for telling a send under way from one a stopped console left.
        .set({
          state: 'sending',
          attempts: row.attempts + 1,
          nextAttemptAt: deps.now().toISOString(),
        })
        .where('id', '=', row.id)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      try {
        await transport.sendMail({
          from: account.from,
          to: row.toAddress,
          subject: row.subject,
          text: row.body,
          messageId: row.messageId,
          ...(row.inReplyTo ? { inReplyTo: row.inReplyTo, references: [row.inReplyTo] } : {}),
          // RFC 3834: an automatic message says so, and no auto-responder answers it.
          headers: { 'Auto-Submitted': row.automatic ? 'auto-generated' : 'no' },
        });
        await settle(deps, row, {
          state: 'sent',
          sentAt: deps.now().toISOString(),
          lastError: null,
        });
        sent += 1;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const permanent = code !== undefined && code >= 500;
        const delay = RETRY_DELAYS_MS[row.attempts];
        const retryAt = permanent || delay === undefined ? null : Date.now() + delay;
        const failed = retryAt === null;
        logger.warn({ err: error, outboxId: row.id, failed }, 'mail: a message was refused');
        await settle(deps, row, {
          state: failed ? 'failed' : 'queued',
          lastError: (error as Error).message.slice(0, 1000),
          nextAttemptAt: retryAt === null ? null : new Date(retryAt).toISOString(),
        });
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
