/**
 * What the desk does with one message from its mailbox, in one transaction with the row that
 * records it was taken (`mail_messages`, unique by Message-ID): a new ticket, an entry on the
 * ticket it answers (reopening a closed one within the reopen window), or nothing for mail a
 * machine sent. A reply from the requester that answers the desk's question (core's
 * `replyAnswer`: "it works", "still not working", a rating) verifies a resolved ticket or
 * records the rating, through the same workflow steps as the analyst's actions and the help
 * page. The record and the change commit together, so a message is taken once however
 * many consoles read the mailbox, and a console that crashed before it marked the message
 * in the mailbox finds it taken when it reads it again.
 */
import {
  DesksideError,
  assertTransition,
  plainSubject,
  reopenWindowOpen,
  replyAnswer,
  type ReplyAnswer,
  type TicketStatus,
} from '@deskside/core';
import type { Db } from '../database/open';
import type { Publish } from '../database/store';
import { insertMailAttachment } from '../tickets/evidence';
import { awaitsFeedback, recordFeedback, verificationPlan } from '../tickets/lifecycle-service';
import type { TicketRow } from '../tickets/rows';
import { insertTickets } from '../tickets/new-tickets';
import { appendEntries } from '../tickets/timeline';
import {
  editTicket,
  loadTicketRow,
  noteOnTicket,
  type WorkflowDeps,
} from '../tickets/ticket-writer';
import { answeredTicket, fromRequester, personByAddress } from './mail-threads';
import type { IncomingMail } from './parse-mail';

/** Who the timeline names for what arrived by mail. */
export const MAIL_ACTOR = 'mail';

export type IntakeOutcome =
  | { kind: 'created'; ticketId: number }
  /** On the timeline; `otherAddress`: not from the requester, so it changed nothing else. */
  | { kind: 'added'; ticketId: number; otherAddress?: true }
  | { kind: 'reopened'; ticketId: number }
  /** The requester's "it works" closed the resolved ticket. */
  | { kind: 'confirmed'; ticketId: number }
  /** The requester's "still not working" sent the resolved ticket back to work. */
  | { kind: 'not-confirmed'; ticketId: number }
  /** The requester's rating was recorded as the ticket's feedback. */
  | { kind: 'rated'; ticketId: number; score: number }
  | { kind: 'ignored'; reason: string }
  /** Another console, or this one before a crash, took it already. */
  | { kind: 'taken-before' };

const SUMMARY_MAX = 200;
const DESCRIPTION_MAX = 20_000;
const STALE_RETRIES = 3;
/** A rating answers the satisfaction question asked at closing: read as one for this long. */
export const FEEDBACK_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** How `mail_messages.outcome` records an outcome. */
function outcomeText(outcome: IntakeOutcome): string {
  if (outcome.kind === 'ignored') return `ignored:${outcome.reason}`;
  if (outcome.kind === 'added' && outcome.otherAddress) return 'added:other-address';
  return outcome.kind;
}

class TakenBefore extends Error {}

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
        outcome: outcomeText(outcome),
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

  /**
   * The message's text and attachments on a ticket's timeline, in the caller's transaction;
   * `answer` is what it was read as, when the desk acted on it, `otherAddress` flags a reply
   * that did not come from the requester.
   */
  private async addMessage(
    trx: Db,
    ticketId: number,
    mail: IncomingMail,
    now: string,
    flags: { answer?: ReplyAnswer['kind']; otherAddress?: boolean } = {},
  ) {
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
          ...(flags.answer ? { answer: flags.answer } : {}),
          ...(flags.otherAddress ? { fromOtherAddress: true } : {}),
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
   * A reply: on its ticket's timeline. From the requester, an answer the desk understands acts
   * on the ticket (`act`); otherwise a closed ticket reopens when the workflow's reopen window
   * allows it, and after that the reply starts a new ticket that names the old one. A reply
   * from another address changes nothing but the timeline (see `fromRequester`).
   */
  private async addToTicket(ticketId: number, mail: IncomingMail): Promise<IntakeOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      const row = await loadTicketRow(this.deps.store.db, ticketId);
      const config = await this.deps.config.get();
      const now = this.deps.now().toISOString();
      const status = row.status as TicketStatus;
      const requester = await fromRequester(this.deps.store.db, row, mail.fromAddress);
      const answer = requester ? replyAnswer(mail.text) : null;
      const reopenable =
        status === 'closed' &&
        row.closedAt !== null &&
        reopenWindowOpen(row.closedAt, now, config.closure);
      if (status === 'closed' && !reopenable && !this.ratingInWindow(row, answer, now)) {
        return this.newTicket(mail, ticketId);
      }
      try {
        if (!requester) return await this.note(ticketId, mail, now, { otherAddress: true });
        const acted = await this.act(row, mail, answer);
        if (acted) return acted;
        if (status === 'closed') {
          return await this.reopen(row, mail);
        }
        return await this.note(ticketId, mail, now, {});
      } catch (error) {
        const stale = error instanceof DesksideError && error.code === 'stale_version';
        if (stale && attempt < STALE_RETRIES) continue;
        throw error;
      }
    }
  }

  /** Whether `answer` is a rating a closed ticket still takes (no reopening for a rating). */
  private ratingInWindow(row: TicketRow, answer: ReplyAnswer | null, now: string): boolean {
    if (answer?.kind !== 'rating' || row.status !== 'closed' || !row.closedAt) return false;
    return Date.parse(now) - Date.parse(row.closedAt) <= FEEDBACK_WINDOW_DAYS * DAY_MS;
  }

  /**
   * The requester's answer, where the ticket's state gives it a meaning: "it works" or "still
   * not working" on a resolved ticket is its verification (closed, or back to work); a rating
   * on a resolved or closed ticket without feedback is its feedback. "It works" or a second
   * rating on a closed ticket needs nothing more than the timeline. Null: act as on any reply.
   */
  private async act(
    row: TicketRow,
    mail: IncomingMail,
    answer: ReplyAnswer | null,
  ): Promise<IntakeOutcome | null> {
    const ticketId = row.id;
    const now = this.deps.now().toISOString();
    if (answer === null) return null;
    if (answer.kind === 'rating') {
      if (!awaitsFeedback(row)) {
        return row.status === 'closed' ? this.note(ticketId, mail, now, {}) : null;
      }
      return this.deps.store.write(async (trx, publish) => {
        const outcome = { kind: 'rated', ticketId, score: answer.score } as const;
        await this.claim(trx, mail, ticketId, outcome, now);
        await this.addMessage(trx, ticketId, mail, now, { answer: answer.kind });
        await recordFeedback(
          this.deps,
          trx,
          publish,
          { id: ticketId, rating: answer.score, comment: (answer.comment ?? '').slice(0, 2000) },
          MAIL_ACTOR,
          now,
        );
        return outcome;
      });
    }
    if (answer.kind === 'works' && row.status === 'closed')
      return this.note(ticketId, mail, now, {});
    if (row.status !== 'resolved') return null;
    const outcome =
      answer.kind === 'works'
        ? ({ kind: 'confirmed', ticketId } as const)
        : ({ kind: 'not-confirmed', ticketId } as const);
    await editTicket(
      this.deps,
      { id: ticketId, expectedVersion: row.version, actor: MAIL_ACTOR },
      async (current, config, at, trx) => {
        await this.claim(trx, mail, ticketId, outcome, at);
        await this.addMessage(trx, ticketId, mail, at, { answer: answer.kind });
        return verificationPlan(current, config, at, {
          outcome: answer.kind === 'works' ? 'confirmed' : 'not_confirmed',
          comment: 'The requester answered by e-mail.',
        });
      },
    );
    return outcome;
  }

  /** A closed ticket reopened by the requester's reply (within the reopen window). */
  private async reopen(row: TicketRow, mail: IncomingMail): Promise<IntakeOutcome> {
    const ticketId = row.id;
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
  }

  /** The reply on the ticket's timeline, and nothing else. */
  private note(
    ticketId: number,
    mail: IncomingMail,
    now: string,
    flags: { otherAddress?: boolean },
  ): Promise<IntakeOutcome> {
    const outcome: IntakeOutcome = flags.otherAddress
      ? { kind: 'added', ticketId, otherAddress: true }
      : { kind: 'added', ticketId };
    return this.deps.store.write(async (trx, publish) => {
      await this.claim(trx, mail, ticketId, outcome, now);
      await this.addMessage(trx, ticketId, mail, now, flags);
      await noteOnTicket(this.deps, trx, ticketId, { now });
      publish({ type: 'ticket.changed', ticketId, at: now });
      return outcome;
    });
  }
}
