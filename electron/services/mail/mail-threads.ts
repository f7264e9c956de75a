/**
 * Who a message from the mailbox is from, as the desk knows people, and which ticket it
 * answers: the reference in its subject, or a message it replies to.
 */
import { sql } from 'kysely';
import { referencedTicket } from '@deskside/core';
import type { Db } from '../database/open';
import type { TicketRow } from '../tickets/rows';
import type { IncomingMail } from './parse-mail';

/** The requester as a ticket names it: the directory's person, or the sender's address. */
export async function personByAddress(db: Db, address: string): Promise<number | null> {
  if (address === '') return null;
  const row = await db
    .selectFrom('people')
    .select('id')
    .where(sql<string>`lower(email)`, '=', address.toLowerCase())
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

const addressIn = (text: string) => (/<([^<>\s]+@[^<>\s]+)>/.exec(text)?.[1] ?? text).trim();

/** The e-mail address the people directory holds for a person, or null. */
export async function directoryAddress(db: Db, personId: number | null): Promise<string | null> {
  if (personId === null) return null;
  const person = await db
    .selectFrom('people')
    .select('email')
    .where('id', '=', personId)
    .executeTakeFirst();
  return person?.email ? person.email : null;
}

/**
 * Whether a reply comes from the ticket's requester: the directory person's address, the
 * address the requester's name holds ("Ann <ann@x>"), or the address that opened the ticket by
 * mail; compared without case. Only the requester may answer for the ticket: anyone can write
 * to the desk's mailbox and put `[#42]` in a subject, so a colleague in copy, an old thread
 * forwarded, or a stranger must not be able to close, reopen or rate somebody else's ticket.
 * Their message is kept on the timeline, flagged, for the analyst to read.
 */
export async function fromRequester(db: Db, ticket: TicketRow, address: string): Promise<boolean> {
  const sender = address.trim().toLowerCase();
  if (sender === '') return false;
  const known = new Set<string>([addressIn(ticket.requester).toLowerCase()]);
  const listed = await directoryAddress(db, ticket.requesterId);
  if (listed) known.add(listed.trim().toLowerCase());
  const opened = await db
    .selectFrom('mailMessages')
    .select('fromAddress')
    .where('ticketId', '=', ticket.id)
    .where('outcome', '=', 'created')
    .execute();
  for (const row of opened) known.add(row.fromAddress.trim().toLowerCase());
  return known.has(sender);
}

/** The ticket a message answers: its reference in the subject, or a message it replies to. */
export async function answeredTicket(db: Db, mail: IncomingMail): Promise<number | null> {
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
