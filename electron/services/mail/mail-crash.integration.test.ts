/**
 * Two consoles of one PostgreSQL desk and a kill in the middle, against a real Dovecot and SMTP
 * server on 127.0.0.1: console A runs in a child process (test/helpers/mail-crash-child.ts)
 * and is SIGKILLed while it takes the mailbox, or while it sends; console B takes over. No
 * message becomes two tickets or none, and no message is sent twice. The child pauses at the
 * point where the kill is meant to land (after a commit, before the mailbox or the outbox
 * row says so), and the test kills it right after it says it has reached that point.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deskMailSettings,
  imapClient,
  mailServersForFile,
  smtpAccountOf,
  takeParsedMail,
  ANN_MAILBOX,
  DESK_MAILBOX,
} from '#test/helpers/mail-servers';
import { eventually } from '#test/helpers/eventually';
import { ManagedProcess } from '#test/helpers/managed-process';
import { newPostgresDatabase, openConsoleOn } from '#test/helpers/stores';
import type { TestConsole } from '#test/helpers/console';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { WorkflowConfigService } from '../workflow/config-service';
import { createKeyFileSecretBox } from '../secrets/secret-box';
import type { IntakeOutcome } from './mail-intake';
import { MailService } from './mail-service';
import { outboxOf, queueReply, sendDue } from './mail-outbox';

const CHILD = fileURLToPath(new URL('../../../test/helpers/mail-crash-child.ts', import.meta.url));
const [DESK, ANN] = [DESK_MAILBOX, ANN_MAILBOX];
const MESSAGES = 30;
const KILL_AFTER_TAKEN = 10;
const OUTGOING = 10;
const KILL_AT_SETTLING = 4;
const logger = pino({ level: 'silent' });

const mailServers = mailServersForFile([DESK, ANN]);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Console A in a child process; the caller kills it. */
async function startConsoleA(mode: 'intake' | 'send', databaseUrl: string) {
  const servers = mailServers.get();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-mail-crash-'));
  const child = await ManagedProcess.start(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      ...['--mode', mode, '--data-dir', dataDir, '--database-url', databaseUrl],
      ...['--imap-port', String(servers.imapPort), '--smtp-port', String(servers.smtpPort)],
      ...['--user', DESK.address, '--password', DESK.password, '--pause-ms', '1000'],
    ],
    { label: `console A (${mode})`, env: { NODE_OPTIONS: '' } },
  );
  cleanup.push(async () => {
    await child.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return child;
}

async function kill(child: ManagedProcess) {
  process.kill(child.pid, 'SIGKILL');
  expect((await child.waitForExit(10_000)).signal).toBe('SIGKILL');
}

const lines = (output: string, pattern: RegExp) =>
  output.split('\n').filter((line) => pattern.test(line));

function depsOf(desk: TestConsole): WorkflowDeps {
  return {
    store: desk.store,
    config: new WorkflowConfigService(desk.store),
    now: () => new Date(),
  };
}

/** Console B: an in-process console of the same desk, its mail service reading when it may. */
async function consoleB(databaseUrl: string) {
  const desk = await openConsoleOn('postgres', { databaseUrl, readMailbox: false });
  cleanup.push(() => desk.dispose());
  const outcomes: IntakeOutcome[] = [];
  const service = new MailService({
    dataDir: desk.dataDir,
    secrets: createKeyFileSecretBox(desk.dataDir),
    deps: depsOf(desk),
    target: { kind: 'postgres', url: databaseUrl },
    consoleName: 'console-b',
    logger,
    lockRetryMs: 200,
    backoffMs: 200,
    rereadEveryMs: 500,
    onTaken: (outcome) => outcomes.push(outcome),
  });
  cleanup.push(() => service.close());
  return { desk, service, outcomes };
}

async function deskInbox() {
  const client = imapClient(mailServers.get(), DESK);
  await client.connect();
  try {
    return await client.status('INBOX', { messages: true, unseen: true });
  } finally {
    await client.logout();
  }
}

describe('two consoles of a PostgreSQL desk and a kill in the middle', () => {
  it('never take a message twice or send one twice', async () => {
    const servers = mailServers.get();
    const databaseUrl = await newPostgresDatabase();
    const b = await consoleB(databaseUrl);

    const smtp = nodemailer.createTransport({
      host: servers.host,
      port: servers.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const subjects = Array.from({ length: MESSAGES }, (_, i) => `Crash message ${i + 1}`);
    for (const [i, subject] of subjects.entries()) {
      await smtp.sendMail({
        from: ANN.address,
        to: DESK.address,
        subject,
        messageId: `<crash-${i + 1}@ann.desk.test>`,
        text: `Message ${i + 1} of ${MESSAGES}.`,
      });
    }
    smtp.close();
    expect(await deskInbox()).toMatchObject({ messages: MESSAGES, unseen: MESSAGES });

    // Console A reads the mailbox; B, set up the same way, waits for the lock.
    const a = await startConsoleA('intake', databaseUrl);
    await a.waitForLine(/^locked$/, 30_000);
    await b.service.save(deskMailSettings(servers, DESK));
    await eventually(
      () => lines(a.stdout(), /^committed /).length,
      (count) => count >= KILL_AFTER_TAKEN,
      `console A to take ${KILL_AFTER_TAKEN} messages`,
      30_000,
    );
    // A is in its pause: the last message is committed but not yet marked seen. B never read
    // while A held the lock.
    expect(await deskInbox()).toMatchObject({ unseen: MESSAGES - KILL_AFTER_TAKEN + 1 });
    expect(b.outcomes).toEqual([]);
    expect(b.service.reading).toBe(false);
    await kill(a);
    const takenByA = lines(a.stdout(), /^committed /);
    expect(takenByA).toHaveLength(KILL_AFTER_TAKEN);
    expect(takenByA.every((line) => line.startsWith('committed created '))).toBe(true);

    // A's connection died with it, and so did its lock: B takes over and takes the rest.
    await eventually(() => b.service.reading, Boolean, 'console B to read the mailbox');
    await eventually(
      () => b.outcomes.length,
      (count) => count === MESSAGES - KILL_AFTER_TAKEN + 1,
      'console B to take every message left',
      30_000,
    );
    const kinds = b.outcomes.map((outcome) => outcome.kind);
    expect(kinds.filter((kind) => kind === 'created')).toHaveLength(MESSAGES - KILL_AFTER_TAKEN);
    // The message A committed but never marked seen: found taken, only marked seen now.
    expect(kinds.filter((kind) => kind === 'taken-before')).toHaveLength(1);

    const db = b.desk.db;
    const tickets = await db.selectFrom('tickets').select(['id', 'summary', 'channel']).execute();
    expect(tickets.map((ticket) => ticket.summary).sort()).toEqual([...subjects].sort());
    expect(new Set(tickets.map((ticket) => ticket.channel))).toEqual(new Set(['email']));
    const taken = await db
      .selectFrom('mailMessages')
      .select(['messageId', 'ticketId', 'takenBy', 'outcome'])
      .execute();
    expect(taken).toHaveLength(MESSAGES);
    expect(new Set(taken.map((row) => row.messageId)).size).toBe(MESSAGES);
    expect(new Set(taken.map((row) => row.ticketId)).size).toBe(MESSAGES);
    expect(taken.filter((row) => row.takenBy === 'console-a')).toHaveLength(KILL_AFTER_TAKEN);
    expect(taken.filter((row) => row.takenBy === 'console-b')).toHaveLength(
      MESSAGES - KILL_AFTER_TAKEN,
    );
    // Each message's text is on its ticket's timeline once.
    const inbound = await db
      .selectFrom('timeline')
      .select('ticketId')
      .where('kind', '=', 'email')
      .execute();
    expect(inbound.map((entry) => entry.ticketId).sort()).toEqual(
      tickets.map((ticket) => ticket.id).sort(),
    );
    expect(await deskInbox()).toMatchObject({ messages: MESSAGES, unseen: 0 });
    await b.service.close();

    // Sending: ten messages queued to the requester, A killed while sending them.
    const deps = depsOf(b.desk);
    const queued = [];
    for (const ticket of tickets.slice(0, OUTGOING)) {
      queued.push(
        await queueReply(
          deps,
          { ticketId: ticket.id, body: `About ${ticket.summary}` },
          'ana.lyst',
          'desk.test',
        ),
      );
    }
    const sender = await startConsoleA('send', databaseUrl);
    await sender.waitForLine(/^ready$/, 30_000);
    await eventually(
      () => lines(sender.stdout(), /^settling$/).length,
      (count) => count >= KILL_AT_SETTLING,
      `console A to hand ${KILL_AT_SETTLING} messages to the server`,
      30_000,
    );
    // Killed between the server's acceptance of a message and its `sent` update.
    await kill(sender);
    expect(lines(sender.stdout(), /^settling$/)).toHaveLength(KILL_AT_SETTLING);

    const states = async () =>
      (await db.selectFrom('mailOutbox').select(['messageId', 'state']).orderBy('id').execute())
        .map((row) => row.state)
        .join(',');
    const rest = (state: string) => Array.from({ length: OUTGOING - 4 }, () => state);
    const before = ['sent', 'sent', 'sent', 'sending', ...rest('queued')];
    expect(await states()).toBe(before.join(','));

    // B sends what is still queued, and never the message A left `sending`.
    expect(await sendDue(deps, smtpAccountOf(servers, DESK.address), logger)).toBe(OUTGOING - 4);
    expect(await sendDue(deps, smtpAccountOf(servers, DESK.address), logger)).toBe(0);
    const after = ['sent', 'sent', 'sent', 'sending', ...rest('sent')];
    expect(await states()).toBe(after.join(','));

    // Every message arrived once, the one cut off too (the server had accepted it).
    const received = await takeParsedMail(servers, ANN);
    expect(received.map((mail) => mail.messageId).sort()).toEqual(
      queued.map((mail) => mail.messageId).sort(),
    );
    const cutOff = queued[3]!;
    expect(received.find((mail) => mail.messageId === cutOff.messageId)?.subject).toBe(
      cutOff.subject,
    );
    // The analyst sees it as handed over, and as unknown once a live send would have ended.
    const [shown] = await outboxOf(deps, cutOff.ticketId);
    expect(shown?.state).toBe('sending');
    const later = { ...deps, now: () => new Date(Date.now() + 11 * 60_000) };
    const [shownLater] = await outboxOf(later, cutOff.ticketId);
    expect(shownLater?.state).toBe('unknown');
  }, 120_000);
});
