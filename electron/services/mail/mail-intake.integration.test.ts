/**
 * The desk's mailbox becoming tickets, against a real Dovecot (IMAP) fed by a real SMTP
 * server on 127.0.0.1 (test/helpers/mail-servers.ts), on the SQLite file and on PostgreSQL:
 * a message with an attachment becomes a ticket with its evidence, replies land on their
 * ticket (and reopen a closed one), machine-sent mail starts nothing, and two consoles on one
 * PostgreSQL desk take each message once.
 */
import { createHash } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SaveMailSettingsInput } from '@deskside/core';
import {
  deskMailSettings,
  imapClient as imapClientOf,
  startMailServers,
  type MailServers,
  type MailUser,
  ANN_MAILBOX,
  DESK_MAILBOX,
} from '#test/helpers/mail-servers';
import {
  openConsoleOn,
  newPostgresDatabase,
  STORE_KINDS,
  type StoreKind,
} from '#test/helpers/stores';
import type { TestConsole } from '#test/helpers/console';
import { LifecycleService } from '../tickets/lifecycle-service';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { WorkflowConfigService } from '../workflow/config-service';
import { createKeyFileSecretBox } from '../secrets/secret-box';
import type { IntakeOutcome } from './mail-intake';
import { MailService } from './mail-service';
import { parseMail } from './parse-mail';
import { MailIntake } from './mail-intake';

const [DESK, ANN] = [DESK_MAILBOX, ANN_MAILBOX];

let servers: MailServers;
beforeAll(async () => {
  servers = await startMailServers([DESK, ANN]);
});
afterAll(async () => {
  await servers.stop();
});

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

/** Every message arrives in a fresh folder, so one test never reads another's. */
let folderCount = 0;
async function freshFolder(): Promise<string> {
  folderCount += 1;
  const folder = `Desk${folderCount}`;
  const client = imapClient(DESK);
  await client.connect();
  await client.mailboxCreate(folder);
  await client.mailboxCreate(`${folder}Done`);
  await client.logout();
  return folder;
}

const imapClient = (user: MailUser) => imapClientOf(servers, user);

/** Puts a message in the desk's folder: sent by SMTP to the desk, then moved there. */
async function deliver(folder: string, message: SendMailOptions) {
  const smtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: servers.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  await smtp.sendMail({ to: DESK.address, ...message });
  const client = imapClient(DESK);
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    await client.messageMove('1:*', folder);
  } finally {
    lock.release();
    await client.logout();
  }
}

async function consoleOn(kind: StoreKind, databaseUrl?: string) {
  const desk = await openConsoleOn(kind, databaseUrl ? { databaseUrl } : {});
  opened.push({ close: () => desk.dispose() });
  return desk;
}

function depsOf(desk: TestConsole): WorkflowDeps {
  return {
    store: desk.store,
    config: new WorkflowConfigService(desk.store),
    now: () => new Date(),
  };
}

function settingsFor(folder: string, afterIntake: SaveMailSettingsInput['imap']['afterIntake']) {
  return deskMailSettings(servers, DESK, { folder, afterIntake });
}

function mailService(
  desk: TestConsole,
  kind: StoreKind,
  databaseUrl: string | undefined,
  name: string,
) {
  const outcomes: IntakeOutcome[] = [];
  const service = new MailService({
    dataDir: desk.dataDir,
    secrets: createKeyFileSecretBox(desk.dataDir),
    deps: depsOf(desk),
    target: kind === 'postgres' ? { kind, url: databaseUrl! } : { kind, file: 'unused' },
    consoleName: name,
    logger: pino({ level: 'silent' }),
    lockRetryMs: 200,
    backoffMs: 200,
    rereadEveryMs: 500,
    onTaken: (outcome) => outcomes.push(outcome),
  });
  opened.push(service);
  return { service, outcomes };
}

async function until<T>(what: string, read: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe.each(STORE_KINDS)('mail intake on %s', (kind) => {
  it('makes a ticket of a message with its attachment, then threads replies onto it', async () => {
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : undefined;
    const desk = await consoleOn(kind, databaseUrl);
    const person = await desk.call('people.create', {
      name: 'Ann de Vries',
      email: 'Ann@Desk.test',
    });
    const folder = await freshFolder();
    const { service, outcomes } = mailService(desk, kind, databaseUrl, 'console-a');
    await service.save(settingsFor(folder, { kind: 'seen' }));
    await until('the reader', () => service.reading);

    const log = 'ERROR 0x80070005 at 10:02\n'.repeat(20);
    await deliver(folder, {
      from: 'Ann de Vries <ann@desk.test>',
      subject: 'Printer on floor 2 prints blank pages',
      messageId: '<first@ann.desk.test>',
      text: 'Since this morning every page is blank.\n\n-- \nAnn de Vries\nFinance',
      attachments: [{ filename: 'spooler.log', content: log, contentType: 'text/plain' }],
    });
    await until('the ticket', () => outcomes.length === 1);
    expect(outcomes[0]).toMatchObject({ kind: 'created' });
    const ticketId = (outcomes[0] as { ticketId: number }).ticketId;
    const detail = await desk.call('tickets.get', { id: ticketId });
    expect(detail.ticket).toMatchObject({
      channel: 'email',
      requesterId: person.id,
      requester: 'Ann de Vries',
      summary: 'Printer on floor 2 prints blank pages',
      description: 'Since this morning every page is blank.',
      status: 'new',
    });
    const [attachment] = detail.evidence;
    expect(attachment?.kind).toBe('mail-attachment');
    if (attachment?.kind !== 'mail-attachment') throw new Error('no attachment');
    expect(attachment.content).toMatchObject({
      fileName: 'spooler.log',
      size: Buffer.byteLength(log),
      sha256: sha256(log),
      from: 'ann@desk.test',
    });
    expect(Buffer.from(attachment.content.data!, 'base64').toString()).toBe(log);

    // The mailbox is left as configured: the message is marked seen.
    const client = imapClient(DESK);
    await client.connect();
    const status = await client.status(folder, { messages: true, unseen: true });
    await client.logout();
    expect(status).toMatchObject({ messages: 1, unseen: 0 });

    // A reply naming the message it answers lands on the same ticket, quote stripped.
    await deliver(folder, {
      from: 'ann@desk.test',
      subject: 'Re: Printer on floor 2 prints blank pages',
      inReplyTo: '<first@ann.desk.test>',
      references: ['<first@ann.desk.test>'],
      text: 'It also happens on floor 3.\n\nOn Tue, 1 Dec 2026 at 10:00, Ann <ann@desk.test> wrote:\n> Since this morning',
    });
    await until('the reply', () => outcomes.length === 2);
    expect(outcomes[1]).toEqual({ kind: 'added', ticketId });

    // So does one whose subject carries the ticket's reference, even with no headers.
    await deliver(folder, {
      from: 'ann@desk.test',
      subject: `Re: [#${ticketId}] Printer`,
      text: 'Op di 1 dec 2026 schreef de servicedesk:\n> test',
    });
    await until('the second reply', () => outcomes.length === 3);
    expect(outcomes[2]).toEqual({ kind: 'added', ticketId });
    const after = await desk.call('tickets.get', { id: ticketId });
    const emails = after.timeline.filter((entry) => entry.kind === 'email');
    expect(emails.map((entry) => entry.body)).toEqual([
      'Since this morning every page is blank.',
      'It also happens on floor 3.',
      // Nothing but a quote: the text is kept whole rather than emptied.
      'Op di 1 dec 2026 schreef de servicedesk:\n> test',
    ]);
    expect(emails.every((entry) => entry.data.direction === 'inbound')).toBe(true);
    expect(await desk.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
  });

  it('reopens a closed ticket on a reply within the reopen window, and moves mail when told', async () => {
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : undefined;
    const desk = await consoleOn(kind, databaseUrl);
    const folder = await freshFolder();
    const { service, outcomes } = mailService(desk, kind, databaseUrl, 'console-a');
    await service.save(settingsFor(folder, { kind: 'move', folder: `${folder}Done` }));
    await deliver(folder, {
      from: 'Bob <bob@elsewhere.test>',
      subject: 'VPN drops every hour',
      messageId: '<vpn@bob.test>',
      html: '<p>The VPN <b>drops</b>.</p><script>alert(1)</script><img src="https://tracker.test/x.png">',
    });
    await until('the ticket', () => outcomes.length === 1);
    const ticketId = (outcomes[0] as { ticketId: number }).ticketId;
    const detail = await desk.call('tickets.get', { id: ticketId });
    // An unknown sender: the ticket carries the address for the analyst to make a person.
    expect(detail.ticket).toMatchObject({
      requesterId: null,
      requester: 'Bob <bob@elsewhere.test>',
    });
    // HTML alone: its text, no markup, script or remote image.
    expect(detail.ticket.description).toBe('The VPN drops.');

    const lifecycle = new LifecycleService(depsOf(desk));
    const resolved = await lifecycle.resolve(
      {
        id: ticketId,
        expectedVersion: detail.ticket.version,
        resolutionCode: 'fixed',
        resolutionNotes: 'New VPN profile',
      },
      'ana.lyst',
    );
    await lifecycle.verify(
      { id: ticketId, expectedVersion: resolved.version, outcome: 'confirmed', comment: '' },
      'ana.lyst',
    );
    await deliver(folder, {
      from: 'bob@elsewhere.test',
      subject: 'Re: VPN drops every hour',
      references: ['<vpn@bob.test>'],
      text: 'It is back.',
    });
    await until('the reply', () => outcomes.length === 2);
    expect(outcomes[1]).toEqual({ kind: 'reopened', ticketId });
    const reopened = await desk.call('tickets.get', { id: ticketId });
    expect(reopened.ticket.status).toBe('reopened');

    const client = imapClient(DESK);
    await client.connect();
    const left = await client.status(folder, { messages: true });
    const archived = await client.status(`${folder}Done`, { messages: true });
    await client.logout();
    expect(left && left.messages).toBe(0);
    expect(archived && archived.messages).toBe(2);
  });

  it('starts nothing for an auto-reply, a bulk message or a bounce', async () => {
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : undefined;
    const desk = await consoleOn(kind, databaseUrl);
    const folder = await freshFolder();
    const { service, outcomes } = mailService(desk, kind, databaseUrl, 'console-a');
    await service.save(settingsFor(folder, { kind: 'seen' }));
    await deliver(folder, {
      from: 'carol@desk.test',
      subject: 'Out of office',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Monday.',
    });
    await deliver(folder, {
      from: 'news@desk.test',
      subject: 'Newsletter',
      headers: { Precedence: 'bulk' },
      text: 'News',
    });
    await deliver(folder, {
      envelope: { from: '', to: [DESK.address] },
      from: 'MAILER-DAEMON@mx.desk.test',
      subject: 'Undelivered Mail Returned to Sender',
      text: 'This is the mail system.',
    });
    await until('three messages', () => outcomes.length === 3);
    expect(outcomes).toEqual([
      { kind: 'ignored', reason: 'auto-submitted' },
      { kind: 'ignored', reason: 'precedence' },
      { kind: 'ignored', reason: 'bounce' },
    ]);
    expect(await desk.db.selectFrom('tickets').select('id').execute()).toEqual([]);
    const recorded = await desk.db
      .selectFrom('mailMessages')
      .select('outcome')
      .orderBy('id')
      .execute();
    expect(recorded.map((row) => row.outcome)).toEqual([
      'ignored:auto-submitted',
      'ignored:precedence',
      'ignored:bounce',
    ]);
  });
});

describe('two consoles on one PostgreSQL desk', () => {
  it('read the mailbox one at a time and take each message once', async () => {
    const databaseUrl = await newPostgresDatabase();
    const [deskA, deskB] = [
      await consoleOn('postgres', databaseUrl),
      await consoleOn('postgres', databaseUrl),
    ];
    const folder = await freshFolder();
    const a = mailService(deskA, 'postgres', databaseUrl, 'console-a');
    const b = mailService(deskB, 'postgres', databaseUrl, 'console-b');
    await a.service.save(settingsFor(folder, { kind: 'seen' }));
    await b.service.save(settingsFor(folder, { kind: 'seen' }));
    await until('a reader', () => a.service.reading || b.service.reading);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([a.service.reading, b.service.reading].filter(Boolean)).toHaveLength(1);

    for (const n of [1, 2, 3]) {
      await deliver(folder, {
        from: 'ann@desk.test',
        subject: `Request ${n}`,
        text: `Request ${n}`,
      });
    }
    await until('three tickets', () => a.outcomes.length + b.outcomes.length === 3);
    // The reader's console closes: the other takes over the mailbox.
    const [reader, other] = a.service.reading ? [a, b] : [b, a];
    await reader.service.close();
    await until('the other reader', () => other.service.reading);
    await deliver(folder, { from: 'ann@desk.test', subject: 'Request 4', text: 'Request 4' });
    await until(
      'the fourth ticket',
      () => other.outcomes.length >= 1 && a.outcomes.length + b.outcomes.length === 4,
    );
    const tickets = await deskA.db.selectFrom('tickets').select('summary').orderBy('id').execute();
    expect(tickets.map((t) => t.summary)).toEqual([
      'Request 1',
      'Request 2',
      'Request 3',
      'Request 4',
    ]);
  });

  it('take a message once when both try it at the same moment (a crash before it was marked)', async () => {
    const databaseUrl = await newPostgresDatabase();
    const [deskA, deskB] = [
      await consoleOn('postgres', databaseUrl),
      await consoleOn('postgres', databaseUrl),
    ];
    const raw = Buffer.from(
      'From: ann@desk.test\r\nTo: desk@desk.test\r\nSubject: Twice?\r\nMessage-ID: <once@desk.test>\r\n\r\nOnce.\r\n',
    );
    const mail = await parseMail(raw);
    const outcomes = await Promise.all([
      new MailIntake(depsOf(deskA), 'console-a').take(mail),
      new MailIntake(depsOf(deskB), 'console-b').take(mail),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'taken-before']);
    // Read again after a restart: still once.
    expect(await new MailIntake(depsOf(deskA), 'console-a').take(mail)).toEqual({
      kind: 'taken-before',
    });
    expect(await deskB.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
    expect(
      await deskB.db.selectFrom('timeline').select('id').where('kind', '=', 'email').execute(),
    ).toHaveLength(1);
  });
});
