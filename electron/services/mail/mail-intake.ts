/**
 * What the desk does with one message from its mailbox, in one transaction with the row that
 * records it was taken (`mail_messages`, unique by Message-ID): a new ticket, an entry on the
 * ticket it answers (reopening a closed one within the reopen window), or nothing for mail a
 * machine sent. The record and the change commit together, so a message is taken once however
 * many consoles read the mailbox, and a console that crashed before it marked the message
 * in the mailbox finds it taken when it reads it again.
 */
import { sql } from 'kysely';
import {
  DesksideError,
  assertTransition,
  plainSubject,
  reopenWindowOpen,
  referencedTicket,
  type TicketStatus,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Publish } from '../database/store';
import { insertMailAttachment } from '../tickets/evidence';
import { insertTickets } from '../tickets/new-tickets';
import { appendEntries } from '../tickets/timeline';
import {
  editTicket,
  loadTicketRow,
  noteOnTicket,
  type WorkflowDeps,
} from '../tickets/ticket-writer';
import type { IncomingMail } from './parse-mail';

/** Who the timeline names for what arrived by mail. */
export const MAIL_ACTOR = 'mail';

export type IntakeOutcome =
  | { kind: 'created'; ticketId: number }
  | { kind: 'added'; ticketId: number }
  | { kind: 'reopened'; ticketId: number }
  | { kind: 'ignored'; reason: string }
  /** Another console, or this one before a crash, took it already. */
  | { kind: 'taken-before' };

const SUMMARY_MAX = 200;
const DESCRIPTION_MAX = 20_000;
const STALE_RETRIES = 3;

class TakenBefore extends Error {}

/** The requester as a ticket names it: the directory's person, or the sender's address. */
async function personByAddress(db: Db, address: string): Promise<number | null> {
  if (address === '') return null;
  const row = await db
    .selectFrom('people')
    .select('id')
    .where(sql<string>`lower(email)`, '=', address.toLowerCase())
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The ticket a message answers: its reference in the subject, or a message it replies to. */
async function answeredTicket(db: Db, mail: IncomingMail): Promise<number | null> {
  const referenced = referencedTicket(mail.subject);
  if (referenced !== null) {
    const ticket = await db
      .selectFrom('tickets')
      .select('id')
      .where('id', '=', referenced)
      .executeTakeFirst();
    if (ticket) return ticket.id;
  }
  if (mail.answers.length === 0) return null;
  const received = await db
    .selectFrom('mailMessages')
    .select(['ticketId', 'messageId'])
    .where('messageId', 'in', mail.answers)
    .where('ticketId', 'is not', null)
    .execute();
  const sent = await db
    .selectFrom('mailOutbox')
    .select(['ticketId', 'messageId'])
    .where('messageId', 'in', mail.answers)
    .execute();
  const byMessage = new Map([...received, ...sent].map((row) => [row.messageId, row.ticketId]));
  for (const id of mail.answers) {
    const ticketId = byMessage.get(id);
    if (ticketId != null) return ticketId;
  }
  return null;
}

export class MailIntake {
  constructor(
    private readonly deps: WorkflowDeps,
    /** This console, as `mail_messages.taken_by` records it. */
    private readonly consoleName: string,
  ) {}

  /** Takes one message: makes or updates its ticket, or records why it started nothing. */
  async take(mail: IncomingMail): Promise<IntakeOutcome> {
    try {
      if (mail.automatic !== null) {
        return await this.record(mail, { kind: 'ignored', reason: mail.automatic });
      }
      const ticketId = await answeredTicket(this.deps.store.db, mail);
      if (ticketId !== null) return await this.addToTicket(ticketId, mail);
      return await this.newTicket(mail, null);
    } catch (error) {
      if (error instanceof TakenBefore) return { kind: 'taken-before' };
      throw error;
    }
  }

  /** Records a message that starts nothing. */
  private record(mail: IncomingMail, outcome: IntakeOutcome): Promise<IntakeOutcome> {
    return this.deps.store.write(async (trx) => {
      await this.claim(trx, mail, null, outcome, this.deps.now().toISOString());
      return outcome;
    });
  }

  /** The row that says this message was taken; throws TakenBefore when it already was. */
  private async claim(
    trx: Db,
    mail: IncomingMail,
    ticketId: number | null,
    outcome: IntakeOutcome,
    now: string,
  ): Promise<void> {
    const inserted = await trx
      .insertInto('mailMessages')
      .values({
        messageKey: mail.key,
        messageId: mail.messageId,
        ticketId,
        outcome: outcome.kind === 'ignored' ? `ignored:${outcome.reason}` : outcome.kind,
        fromAddress: mail.fromAddress,
        subject: mail.subject.slice(0, 1000),
        sentAt: mail.sentAt,
        takenAt: now,
        takenBy: this.consoleName,
      })
      .onConflict((conflict) => conflict.column('messageKey').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new TakenBefore();
  }

  /** The message's text and attachments on a ticket's timeline, in the caller's transaction. */
  private async addMessage(trx: Db, ticketId: number, mail: IncomingMail, now: string) {
    await appendEntries(trx, this.deps.store.dialect, ticketId, MAIL_ACTOR, now, [
      {
        kind: 'email',
        body: mail.text.slice(0, DESCRIPTION_MAX),
        data: {
          direction: 'inbound',
          from: mail.fromAddress,
          ...(mail.fromName ? { fromName: mail.fromName } : {}),
          subject: mail.subject,
          messageId: mail.messageId,
        },
      },
    ]);
    for (const attachment of mail.attachments) {
      await insertMailAttachment(
        this.deps,
        trx,
        ticketId,
        {
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          size: attachment.size,
          sha256: attachment.sha256,
          messageId: mail.messageId,
          from: mail.fromAddress,
          data: attachment.data === null ? null : attachment.data.toString('base64'),
        },
        MAIL_ACTOR,
        mail.sentAt ?? now,
        now,
      );
    }
  }

  private newTicket(mail: IncomingMail, previous: number | null): Promise<IntakeOutcome> {
    const now = this.deps.now().toISOString();
    return this.deps.store.write(async (trx, publish: Publish) => {
      const requesterId = await personByAddress(trx, mail.fromAddress);
      const requester = (
        mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress || 'unknown'
      ).slice(0, 200);
      const config = await this.deps.config.get(trx);
      const subject = plainSubject(mail.subject) || mail.text.split('\n')[0] || '—';
      const description =
        previous === null
          ? mail.text
          : `${mail.text}\n\n(Reply to ticket #${previous}, closed too long ago to reopen.)`;
      const [row] = await insertTickets(
        trx,
        this.deps.store.dialect,
        config,
        [
          {
            ticket: {
              channel: 'email',
              ...(requesterId === null ? { requester } : { requesterId }),
              summary: subject.slice(0, SUMMARY_MAX),
              description: description.slice(0, DESCRIPTION_MAX),
              createdBy: MAIL_ACTOR,
              createdAt: now,
            },
          },
        ],
        now,
      );
      const ticketId = row!.id;
      await this.claim(trx, mail, ticketId, { kind: 'created', ticketId }, now);
      await this.addMessage(trx, ticketId, mail, now);
      publish({ type: 'ticket.created', ticketId, at: now });
      return { kind: 'created', ticketId } as const;
    });
  }

  /**
   * A reply: on its ticket's timeline. A closed ticket reopens when the workflow's reopen
   * window allows it; after that, the reply starts a new ticket that names the old one.
   */
  private async addToTicket(ticketId: number, mail: IncomingMail): Promise<IntakeOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const row = await loadTicketRow(this.deps.store.db, ticketId);
      const config = await this.deps.config.get();
      const now = this.deps.now().toISOString();
      const status = row.status as TicketStatus;
      if (status === 'closed') {
        if (!row.closedAt || !reopenWindowOpen(row.closedAt, now, config.closure)) {
          return this.newTicket(mail, ticketId);
        }
        try {
          await editTicket(
            this.deps,
            { id: ticketId, expectedVersion: row.version, actor: MAIL_ACTOR },
            async (current, _config, at, trx) => {
              assertTransition(current.status as TicketStatus, 'reopened');
              await this.claim(trx, mail, ticketId, { kind: 'reopened', ticketId }, at);
              await this.addMessage(trx, ticketId, mail, at);
              return {
                set: { status: 'reopened', closedAt: null, resolvedAt: null, verification: null },
                entries: [
                  {
                    kind: 'reopened',
                    body: 'The requester replied by e-mail.',
                    data: { from: current.status, to: 'reopened' },
                  },
                ],
              };
            },
          );
          return { kind: 'reopened', ticketId };
        } catch (error) {
          const stale = error instanceof DesksideError && error.code === 'stale_version';
          if (stale && attempt < STALE_RETRIES) continue;
          throw error;
        }
      }
      return this.deps.store.write(async (trx, publish) => {
        await this.claim(trx, mail, ticketId, { kind: 'added', ticketId }, now);
        await this.addMessage(trx, ticketId, mail, now);
        await noteOnTicket(this.deps, trx, ticketId, { now });
        publish({ type: 'ticket.changed', ticketId, at: now });
        return { kind: 'added', ticketId } as const;
      });
    }
  }
}
