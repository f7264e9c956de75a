/**
 * The analyst writing to the requester, against a real SMTP server delivering into a real
 * Dovecot on 127.0.0.1: the message arrives in the requester's mailbox with the ticket's
 * reference and threading headers, is on the ticket's timeline with its delivery state, is
 * sent once however often sending runs, and a refusal is retried or, when final, shown failed.
 * The requester's answer to it lands on the same ticket.
 */
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMailServers, takeInbox, type MailServers } from '#test/helpers/mail-servers';
import { freePort } from '#test/helpers/free-port';
import { openConsoleOn, STORE_KINDS } from '#test/helpers/stores';
import type { TestConsole } from '#test/helpers/console';
import { WorkflowConfigService } from '../workflow/config-service';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { MailIntake } from './mail-intake';
import { queueReply, sendDue, type SmtpAccount } from './mail-outbox';
import { parseMail } from './parse-mail';

const DESK = { address: 'desk@desk.test', password: 'desk-secret' };
const ANN = { address: 'ann@desk.test', password: 'ann-secret' };
const logger = pino({ level: 'silent' });

let servers: MailServers;
beforeAll(async () => {
  servers = await startMailServers([DESK, ANN]);
});
afterAll(async () => {
  await servers.stop();
});
const opened: TestConsole[] = [];
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.dispose();
});

const account = (): SmtpAccount => ({
  host: '127.0.0.1',
  port: servers.smtpPort,
  security: 'none',
  user: '',
  password: '',
  from: DESK.address,
});

describe.each(STORE_KINDS)('mail out on %s', (kind) => {
  async function deskWithTicket() {
    const desk = await openConsoleOn(kind);
    opened.push(desk);
    const deps: WorkflowDeps = {
      store: desk.store,
      config: new WorkflowConfigService(desk.store),
      now: () => new Date(),
    };
    const raw = Buffer.from(
      'From: Ann <ann@desk.test>\r\nTo: desk@desk.test\r\nSubject: Laptop will not charge\r\n' +
        'Message-ID: <charge@ann.desk.test>\r\n\r\nThe light stays off.\r\n',
    );
    const created = await new MailIntake(deps, 'console-a').take(await parseMail(raw));
    if (created.kind !== 'created') throw new Error('no ticket');
    return { desk, deps, ticketId: created.ticketId };
  }

  it('sends the analyst’s message once, threaded, and takes the answer onto the ticket', async () => {
    const { desk, deps, ticketId } = await deskWithTicket();
    const queued = await queueReply(
      deps,
      { ticketId, body: 'Please try another power adapter.' },
      'ana.lyst',
      'desk.test',
    );
    expect(queued).toMatchObject({ state: 'queued', to: 'ann@desk.test', attempts: 0 });
    // Two consoles (or two timers) sending at once: the message goes out once.
    const counts = await Promise.all([
      sendDue(deps, account(), logger),
      sendDue(deps, account(), logger),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sendDue(deps, account(), logger)).toBe(0);

    const received = await takeInbox(servers, ANN);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.subject).toBe(`[#${ticketId}] Laptop will not charge`);
    expect(mail?.messageId).toBe(queued.messageId);
    expect(mail?.inReplyTo).toBe('<charge@ann.desk.test>');
    expect(mail?.text?.trim()).toBe('Please try another power adapter.');

    const outbox = await desk.call('mail.outbox', { ticketId });
    expect(outbox).toMatchObject([{ state: 'sent', attempts: 1, lastError: null }]);
    const detail = await desk.call('tickets.get', { id: ticketId });
    expect(detail.ticket.firstRespondedAt).not.toBeNull();
    expect(detail.timeline.filter((e) => e.kind === 'email').map((e) => e.data.direction)).toEqual([
      'inbound',
      'outbound',
    ]);

    // Ann answers the desk's message (its Message-ID alone threads it).
    const answer = Buffer.from(
      `From: ann@desk.test\r\nTo: desk@desk.test\r\nSubject: Re: charger\r\n` +
        `Message-ID: <answer@ann.desk.test>\r\nIn-Reply-To: ${queued.messageId}\r\n\r\nThat worked.\r\n`,
    );
    expect(await new MailIntake(deps, 'console-a').take(await parseMail(answer))).toEqual({
      kind: 'added',
      ticketId,
    });
  });

  it('retries when the server cannot be reached, and fails for good when it refuses', async () => {
    const { desk, deps, ticketId } = await deskWithTicket();
    await queueReply(deps, { ticketId, body: 'First try.' }, 'ana.lyst', 'desk.test');
    const nobody = { ...account(), port: await freePort() };
    expect(await sendDue(deps, nobody, logger)).toBe(0);
    const [waiting] = await desk.call('mail.outbox', { ticketId });
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 });
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due again until its back-off has passed.
    expect(await sendDue(deps, account(), logger)).toBe(0);

    // A recipient the server refuses (550) is not retried.
    const person = await desk.call('people.create', { name: 'Nobody', email: 'nobody@desk.test' });
    await desk.db
      .updateTable('tickets')
      .set({ requesterId: person.id })
      .where('id', '=', ticketId)
      .execute();
    await queueReply(deps, { ticketId, body: 'Second.' }, 'ana.lyst', 'desk.test');
    expect(await sendDue(deps, account(), logger)).toBe(0);
    const outbox = await desk.call('mail.outbox', { ticketId });
    expect(outbox[1]).toMatchObject({ state: 'failed', attempts: 1, to: 'nobody@desk.test' });
    expect(outbox[1]?.lastError).toMatch(/550|No mailbox/);
    expect(await takeInbox(servers, ANN)).toEqual([]);
  });
});
