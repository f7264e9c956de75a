/**
 * The requester answering the desk by e-mail, against a real SMTP server delivering into a
 * real Dovecot on 127.0.0.1, on the SQLite file and on PostgreSQL: "it works" closes a resolved
 * ticket with its verification, "still not working" sends it back to work, a rating on a closed
 * ticket is its feedback, the same words from another address change nothing but the timeline,
 * and a message a console stopped sending shows as unknown and can be sent again, once.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendMailOptions } from 'nodemailer';
import { callError, type TestConsole } from '#test/helpers/console';
import {
  mailServersForFile,
  sendMail,
  smtpAccountOf,
  takeMail,
  takeParsedMail,
  ANN_MAILBOX,
  DESK_MAILBOX,
} from '#test/helpers/mail-servers';
import {
  consolesOnStores,
  newPostgresDatabase,
  STORE_KINDS,
  type StoreKind,
} from '#test/helpers/stores';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { WorkflowConfigService } from '../workflow/config-service';
import { MailIntake, type IntakeOutcome } from './mail-intake';
import { queueReply, sendDue } from './mail-outbox';
import { parseMail } from './parse-mail';

const [DESK, ANN] = [DESK_MAILBOX, ANN_MAILBOX];
const logger = pino({ level: 'silent' });
const mailServers = mailServersForFile([DESK, ANN]);
const consoles = consolesOnStores();
afterEach(() => consoles.disposeAll());

const depsOf = (desk: TestConsole): WorkflowDeps => ({
  store: desk.store,
  config: new WorkflowConfigService(desk.store),
  now: () => new Date(),
});

/**
 * Sends `message` to the desk through the SMTP server, reads it back from the desk's mailbox
 * over IMAP and has `intake` take it, as the mailbox reader does.
 */
async function mailToDesk(intake: MailIntake, message: SendMailOptions): Promise<IntakeOutcome> {
  await sendMail(mailServers.get(), DESK, message);
  const [raw, ...more] = await takeMail(mailServers.get(), DESK);
  expect(more).toEqual([]);
  return intake.take(await parseMail(raw!));
}

/** What `mail_messages` recorded of each message taken, in order. */
async function recordedOutcomes(desk: TestConsole): Promise<string[]> {
  const rows = await desk.db.selectFrom('mailMessages').select('outcome').orderBy('id').execute();
  return rows.map((row) => row.outcome);
}

/** The analyst resolves the ticket: it awaits the requester's confirmation. */
async function resolve(desk: TestConsole, ticketId: number, resolutionNotes: string) {
  const { ticket } = await desk.call('tickets.get', { id: ticketId });
  await desk.call('tickets.resolve', {
    id: ticketId,
    expectedVersion: ticket.version,
    resolutionCode: 'fixed',
    resolutionNotes,
  });
}

describe.each(STORE_KINDS)('answers by e-mail on %s', (kind: StoreKind) => {
  /** Ann (in the directory, her address in another case) mails the desk; an analyst resolves. */
  async function resolvedTicket() {
    const desk = await consoles.open(kind);
    const deps = depsOf(desk);
    const intake = new MailIntake(deps, 'console-a');
    await desk.call('people.create', { name: 'Ann de Vries', email: 'Ann@Desk.test' });
    const created = await mailToDesk(intake, {
      from: 'Ann de Vries <ann@desk.test>',
      subject: 'Printer on floor 2 prints blank pages',
      messageId: '<printer@ann.desk.test>',
      text: 'Every page is blank.',
    });
    if (created.kind !== 'created') throw new Error(`no ticket: ${created.kind}`);
    const ticketId = created.ticketId;
    await resolve(desk, ticketId, 'New toner cartridge');
    const reply = (from: string, text: string) =>
      mailToDesk(intake, {
        from,
        subject: `Re: [#${ticketId}] Printer on floor 2 prints blank pages`,
        inReplyTo: '<printer@ann.desk.test>',
        text,
      });
    return { desk, deps, intake, ticketId, reply };
  }

  const inboundMail = async (desk: TestConsole, ticketId: number) =>
    (await desk.call('tickets.get', { id: ticketId })).timeline.filter(
      (entry) => entry.kind === 'email' && entry.data.direction === 'inbound',
    );

  it('closes a resolved ticket when the requester answers "Oui, ça marche"', async () => {
    const { desk, ticketId, reply } = await resolvedTicket();
    const outcome = await reply(
      'Ann <ANN@desk.test>',
      'Oui, ça marche !\n\nLe 2 déc. 2026 à 10:00, Service desk a écrit :\n> Est-ce que ça fonctionne ?',
    );
    expect(outcome).toEqual({ kind: 'confirmed', ticketId });
    const detail = await desk.call('tickets.get', { id: ticketId });
    expect(detail.ticket).toMatchObject({ status: 'closed', verification: 'confirmed' });
    expect(detail.ticket.closedAt).not.toBeNull();
    const verification = detail.timeline.filter((entry) => entry.kind === 'verification');
    expect(verification).toHaveLength(1);
    expect(verification[0]?.data).toMatchObject({
      from: 'resolved',
      to: 'closed',
      outcome: 'confirmed',
    });
    const mails = await inboundMail(desk, ticketId);
    expect(mails.map((entry) => [entry.body, entry.data.answer])).toEqual([
      ['Every page is blank.', undefined],
      ['Oui, ça marche !', 'works'],
    ]);
    expect(await recordedOutcomes(desk)).toEqual(['created', 'confirmed']);
  });

  it('sends a resolved ticket back to work on "nee, werkt nog steeds niet"', async () => {
    const { desk, ticketId, reply } = await resolvedTicket();
    expect(await reply('ann@desk.test', 'nee, werkt nog steeds niet')).toEqual({
      kind: 'not-confirmed',
      ticketId,
    });
    const detail = await desk.call('tickets.get', { id: ticketId });
    expect(detail.ticket).toMatchObject({
      status: 'in_progress',
      verification: 'not_confirmed',
      resolvedAt: null,
    });
    expect(detail.timeline.find((entry) => entry.kind === 'verification')?.data).toMatchObject({
      from: 'resolved',
      to: 'in_progress',
      outcome: 'not_confirmed',
    });
    expect((await inboundMail(desk, ticketId)).at(-1)).toMatchObject({
      body: 'nee, werkt nog steeds niet',
      data: { answer: 'not-working' },
    });
  });

  it('records "4" on a closed ticket as its feedback, and never reopens it for a rating', async () => {
    const { desk, ticketId, reply } = await resolvedTicket();
    const { ticket } = await desk.call('tickets.get', { id: ticketId });
    await desk.call('tickets.verify', {
      id: ticketId,
      expectedVersion: ticket.version,
      outcome: 'confirmed',
      comment: '',
    });
    expect(await reply('ann@desk.test', '4')).toEqual({ kind: 'rated', ticketId, score: 4 });
    const rated = await desk.call('tickets.get', { id: ticketId });
    expect(rated.ticket).toMatchObject({ status: 'closed', feedbackRating: 4 });
    expect(rated.timeline.filter((entry) => entry.kind === 'feedback')).toMatchObject([
      { data: { rating: 4 } },
    ]);
    // A second rating: on the timeline, the first one stays, and the ticket stays closed.
    expect(await reply('ann@desk.test', '5 - quick help')).toEqual({ kind: 'added', ticketId });
    const after = await desk.call('tickets.get', { id: ticketId });
    expect(after.ticket).toMatchObject({ status: 'closed', feedbackRating: 4 });
    expect((await inboundMail(desk, ticketId)).map((entry) => entry.body)).toEqual([
      'Every page is blank.',
      '4',
      '5 - quick help',
    ]);
  });

  it('takes a rating after the reopen window, and "it works" on a closed ticket without reopening it', async () => {
    const { desk, ticketId, reply } = await resolvedTicket();
    const ticket = await desk.call('tickets.verify', {
      id: ticketId,
      expectedVersion: (await desk.call('tickets.get', { id: ticketId })).ticket.version,
      outcome: 'confirmed',
      comment: '',
    });
    expect(await reply('ann@desk.test', 'Ja, het werkt nog steeds, dank je')).toEqual({
      kind: 'added',
      ticketId,
    });
    expect((await desk.call('tickets.get', { id: ticketId })).ticket.status).toBe('closed');
    // Closed 20 days ago: past the 14-day reopen window, within the rating's 30 days.
    await desk.db
      .updateTable('tickets')
      .set({ closedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() })
      .where('id', '=', ticketId)
      .execute();
    expect(await reply('ann@desk.test', '5 - snel geholpen')).toEqual({
      kind: 'rated',
      ticketId,
      score: 5,
    });
    const after = await desk.call('tickets.get', { id: ticketId });
    expect(after.ticket).toMatchObject({
      status: 'closed',
      version: ticket.version,
      feedbackRating: 5,
      feedbackComment: 'snel geholpen',
    });
    expect(await desk.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
  });

  it('changes nothing but the timeline when "yes it works" comes from another address', async () => {
    const { desk, ticketId, reply } = await resolvedTicket();
    const before = await desk.call('tickets.get', { id: ticketId });
    expect(await reply('Eve <eve@elsewhere.test>', 'yes it works')).toEqual({
      kind: 'added',
      ticketId,
      otherAddress: true,
    });
    const after = await desk.call('tickets.get', { id: ticketId });
    expect(after.ticket).toMatchObject({
      status: 'resolved',
      verification: 'pending',
      version: before.ticket.version,
      feedbackRating: null,
    });
    expect(after.timeline.map((entry) => entry.kind)).toEqual([
      ...before.timeline.map((entry) => entry.kind),
      'email',
    ]);
    expect(after.timeline.at(-1)).toMatchObject({
      body: 'yes it works',
      data: { direction: 'inbound', from: 'eve@elsewhere.test', fromOtherAddress: true },
    });
    // Closed: another address's "still broken" does not reopen it either.
    await desk.call('tickets.verify', {
      id: ticketId,
      expectedVersion: after.ticket.version,
      outcome: 'confirmed',
      comment: '',
    });
    expect(await reply('eve@elsewhere.test', 'still broken')).toMatchObject({
      kind: 'added',
      otherAddress: true,
    });
    expect((await desk.call('tickets.get', { id: ticketId })).ticket.status).toBe('closed');
    expect(await recordedOutcomes(desk)).toEqual([
      'created',
      'added:other-address',
      'added:other-address',
    ]);
  });

  it('shows a message a stopped console left sending as unknown, and sends it again once', async () => {
    const { desk, deps, ticketId } = await resolvedTicket();
    const queued = await queueReply(
      deps,
      { ticketId, body: 'Does it print again?' },
      'ana.lyst',
      'desk.test',
    );
    const leftSending = (claimedAgoMs: number) =>
      desk.db
        .updateTable('mailOutbox')
        .set({
          state: 'sending',
          attempts: 1,
          nextAttemptAt: new Date(Date.now() - claimedAgoMs).toISOString(),
        })
        .where('id', '=', queued.id)
        .execute();
    // Claimed a minute ago: perhaps still being sent; not offered again.
    await leftSending(60_000);
    expect(await desk.call('mail.outbox', { ticketId })).toMatchObject([{ state: 'sending' }]);
    const busy = await callError(desk.call('mail.resend', { id: queued.id }));
    expect(busy).toMatchObject({ code: 'conflict' });
    expect(busy.message).toMatch(/being sent right now/);

    // Claimed eleven minutes ago: the console that claimed it stopped.
    await leftSending(11 * 60_000);
    expect(await desk.call('mail.outbox', { ticketId })).toMatchObject([
      { id: queued.id, state: 'unknown' },
    ]);
    // Nothing sends it on its own.
    const account = smtpAccountOf(mailServers.get(), DESK.address);
    expect(await sendDue(deps, account, logger)).toBe(0);

    const again = await Promise.allSettled([
      desk.call('mail.resend', { id: queued.id }),
      desk.call('mail.resend', { id: queued.id }),
    ]);
    expect(again.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await desk.call('mail.outbox', { ticketId })).toMatchObject([
      { state: 'queued', attempts: 0, lastError: null },
    ]);
    const counts = await Promise.all([
      sendDue(deps, account, logger),
      sendDue(deps, account, logger),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const received = await takeParsedMail(mailServers.get(), ANN);
    expect(received.map((mail) => [mail.messageId, mail.text?.trim()])).toEqual([
      [queued.messageId, 'Does it print again?'],
    ]);
    expect(await desk.call('mail.outbox', { ticketId })).toMatchObject([{ state: 'sent' }]);

    // Sent: never again.
    const refused = await callError(desk.call('mail.resend', { id: queued.id }));
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toMatch(new RegExp(`Message ${queued.id} was sent .*not sent again`));
    expect(await sendDue(deps, account, logger)).toBe(0);
    expect(await takeMail(mailServers.get(), ANN)).toEqual([]);
  });
});

describe('two consoles on one PostgreSQL desk', () => {
  it('record the requester’s "it works" once when both take the reply at the same moment', async () => {
    const databaseUrl = await newPostgresDatabase();
    const deskA = await consoles.open('postgres', { databaseUrl });
    const deskB = await consoles.open('postgres', { databaseUrl });
    const intake = new MailIntake(depsOf(deskA), 'console-a');
    const created = await mailToDesk(intake, {
      from: 'ann@desk.test',
      subject: 'VPN drops',
      messageId: '<vpn@ann.desk.test>',
      text: 'The VPN drops every hour.',
    });
    if (created.kind !== 'created') throw new Error('no ticket');
    const ticketId = created.ticketId;
    await resolve(deskA, ticketId, 'New VPN profile');
    await sendMail(mailServers.get(), DESK, {
      from: 'ann@desk.test',
      subject: `Re: [#${ticketId}] VPN drops`,
      messageId: '<works@ann.desk.test>',
      text: 'Yes, it works now. Thanks!',
    });
    const [raw] = await takeMail(mailServers.get(), DESK);
    const mail = await parseMail(raw!);
    const outcomes = await Promise.all([
      new MailIntake(depsOf(deskA), 'console-a').take(mail),
      new MailIntake(depsOf(deskB), 'console-b').take(mail),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['confirmed', 'taken-before']);
    const detail = await deskB.call('tickets.get', { id: ticketId });
    expect(detail.ticket).toMatchObject({ status: 'closed', verification: 'confirmed' });
    expect(detail.timeline.filter((entry) => entry.kind === 'verification')).toHaveLength(1);
    expect(detail.timeline.filter((entry) => entry.kind === 'email')).toHaveLength(2);
    expect(
      await deskB.db
        .selectFrom('mailMessages')
        .select('outcome')
        .where('messageKey', '=', '<works@ann.desk.test>')
        .execute(),
    ).toEqual([{ outcome: 'confirmed' }]);
  });
});
