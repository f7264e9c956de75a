/**
 * The desk's automatic messages against a real SMTP server delivering into a real Dovecot on
 * 127.0.0.1: a ticket received, waiting, resolved and closed reaches its requester in her own
 * language, once each; an escalation reaches the receiving group; a switched-off event, a
 * requester without an address and a group without one send nothing; two consoles on one
 * PostgreSQL desk and a restarted sending console send nothing twice; and on a desk with roles
 * the database lets leads, not analysts, change the templates.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW_CONFIG } from '@deskside/core';
import { callError, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import { eventually } from '#test/helpers/eventually';
import {
  deskMailSettings,
  startMailServers,
  takeParsedMail,
  type MailServers,
} from '#test/helpers/mail-servers';
import { newPostgresDatabase, openConsoleOn, STORE_KINDS } from '#test/helpers/stores';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { WorkflowConfigService } from '../workflow/config-service';
import { queueAutomatic } from './mail-automatic';
import { MailIntake } from './mail-intake';
import { sendDue, type SmtpAccount } from './mail-outbox';
import { parseMail } from './parse-mail';

const DESK = { address: 'desk@desk.test', password: 'desk-secret' };
const MARIE = { address: 'marie@desk.test', password: 'marie-secret' };
const ANN = { address: 'ann@desk.test', password: 'ann-secret' };
const NETWORK = { address: 'network@desk.test', password: 'network-secret' };
const logger = pino({ level: 'silent' });

let servers: MailServers;
beforeAll(async () => {
  servers = await startMailServers([DESK, MARIE, ANN, NETWORK]);
});
afterAll(async () => {
  await servers.stop();
});
const opened: TestConsole[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const desk of opened.splice(0)) await desk.dispose();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const account = (): SmtpAccount => ({
  host: '127.0.0.1',
  port: servers.smtpPort,
  security: 'none',
  user: '',
  password: '',
  from: DESK.address,
});

const depsOf = (desk: TestConsole): WorkflowDeps => ({
  store: desk.store,
  config: new WorkflowConfigService(desk.store),
  now: () => new Date(),
});

/** What the sending console does on each turn: queue what the timeline calls for, send it. */
async function sendingTurn(deps: WorkflowDeps, consoleName = 'console-a'): Promise<number> {
  await queueAutomatic(deps, { from: DESK.address, consoleName, logger });
  return sendDue(deps, account(), logger);
}

async function open(kind: (typeof STORE_KINDS)[number], databaseUrl?: string, dataDir?: string) {
  const desk = await openConsoleOn(kind, {
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(dataDir ? { dataDir } : {}),
  });
  opened.push(desk);
  return desk;
}

const marie = (desk: TestConsole) =>
  desk.call('people.create', { name: 'Marie Dubois', email: MARIE.address, language: 'fr' });

describe.each(STORE_KINDS)('automatic messages on %s', (kind) => {
  it('writes to the requester in her language when her ticket is received, waits, is resolved and closed', async () => {
    const desk = await open(kind);
    const deps = depsOf(desk);
    const person = await marie(desk);
    // The first turn starts reading the timeline here: the desk does not mail about its past.
    expect(await sendingTurn(deps)).toBe(0);

    const ticket = await desk.call('tickets.create', {
      requesterId: person.id,
      channel: 'phone',
      summary: 'Imprimante bloquée',
    });
    expect(await sendingTurn(deps)).toBe(1);
    expect(await sendingTurn(deps)).toBe(0);
    const [received, ...more] = await takeParsedMail(servers, MARIE);
    expect(more).toEqual([]);
    expect(received?.subject).toBe(
      `[#${ticket.id}] Nous avons reçu votre demande : Imprimante bloquée`,
    );
    expect(received?.text).toContain('Bonjour Marie Dubois');
    expect(received?.text).toContain(`ticket #${ticket.id}`);
    expect(received?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(received?.html).toBe(false);

    const waiting = await desk.call('tickets.setStatus', {
      id: ticket.id,
      expectedVersion: ticket.version,
      status: 'waiting_on_user',
    });
    expect(await sendingTurn(deps)).toBe(1);
    expect((await takeParsedMail(servers, MARIE)).map((m) => m.subject)).toEqual([
      `[#${ticket.id}] Nous attendons votre réponse : Imprimante bloquée`,
    ]);

    const resolved = await desk.call('tickets.resolve', {
      id: ticket.id,
      expectedVersion: waiting.version,
      resolutionCode: 'fixed',
      resolutionNotes: 'Le bac à papier a été remplacé.',
    });
    expect(await sendingTurn(deps)).toBe(1);
    const [confirm] = await takeParsedMail(servers, MARIE);
    expect(confirm?.subject).toBe(`[#${ticket.id}] Résolu : Imprimante bloquée`);
    expect(confirm?.text).toContain('Le bac à papier a été remplacé.');
    expect(confirm?.text).toContain('« oui, ça marche » ou « non »');

    await desk.call('tickets.verify', {
      id: ticket.id,
      expectedVersion: resolved.version,
      outcome: 'confirmed',
    });
    expect(await sendingTurn(deps)).toBe(1);
    const [survey] = await takeParsedMail(servers, MARIE);
    expect(survey?.subject).toBe(`[#${ticket.id}] Clôturé : Imprimante bloquée`);
    expect(survey?.text).toContain('chiffre de 1 à 5');

    const outbox = await desk.call('mail.outbox', { ticketId: ticket.id });
    expect(outbox.map((m) => [m.automatic, m.state])).toEqual([
      ['received', 'sent'],
      ['waiting', 'sent'],
      ['resolved', 'sent'],
      ['closed', 'sent'],
    ]);
  });

  it('sends nothing for a switched-off event or a requester without an address, and uses the desk’s own text', async () => {
    const desk = await open(kind);
    const deps = depsOf(desk);
    await sendingTurn(deps);
    const ann = await desk.call('people.create', { name: 'Ann de Vries', email: ANN.address });
    await desk.call('mail.saveTemplate', {
      event: 'received',
      language: 'en',
      enabled: false,
      subject: 'Received',
      body: 'Received {{ticket}}.',
    });
    const refused = await callError(
      desk.call('mail.saveTemplate', {
        event: 'resolved',
        language: 'en',
        enabled: true,
        subject: 'Done',
        body: 'Dear {{name}}',
      }),
    );
    expect(refused.code).toBe('validation');
    expect(refused.message).toMatch(/Unknown placeholder \{\{name\}\}/);
    await desk.call('mail.saveTemplate', {
      event: 'resolved',
      language: 'en',
      enabled: true,
      subject: 'Fixed: {{summary}}',
      body: '{{requester}}, {{ticket}} is {{status}}: {{resolution}} Works? yes / no',
    });

    const annsTicket = await desk.call('tickets.create', {
      requesterId: ann.id,
      channel: 'email',
      summary: 'VPN drops',
    });
    const walkIn = await desk.call('tickets.create', {
      requester: 'A visitor',
      channel: 'walk-in',
      summary: 'Guest Wi-Fi',
    });
    // Mail to the desk's own address (or a mailer daemon) would answer itself: never sent.
    const itself = await desk.call('people.create', { name: 'Desk', email: DESK.address });
    const loop = await desk.call('tickets.create', {
      requesterId: itself.id,
      channel: 'email',
      summary: 'Out of office',
    });
    expect(await sendingTurn(deps)).toBe(0);
    expect(await takeParsedMail(servers, ANN)).toEqual([]);
    await desk.call('tickets.resolve', {
      id: walkIn.id,
      expectedVersion: walkIn.version,
      resolutionCode: 'advice-given',
      resolutionNotes: 'Gave the guest password.',
    });
    await desk.call('tickets.resolve', {
      id: loop.id,
      expectedVersion: loop.version,
      resolutionCode: 'no-fault-found',
      resolutionNotes: 'An automatic reply.',
    });
    await desk.call('tickets.resolve', {
      id: annsTicket.id,
      expectedVersion: annsTicket.version,
      resolutionCode: 'fixed',
      resolutionNotes: 'New VPN profile.',
    });
    expect(await sendingTurn(deps)).toBe(1);
    const [fixed, ...more] = await takeParsedMail(servers, ANN);
    expect(more).toEqual([]);
    expect(fixed?.subject).toBe(`[#${annsTicket.id}] Fixed: VPN drops`);
    expect(fixed?.text?.trim()).toBe(
      `Ann de Vries, #${annsTicket.id} is resolved: New VPN profile. Works? yes / no`,
    );
    const decisions = await desk.db
      .selectFrom('mailAutomatic')
      .select(['ticketId', 'event', 'outcome'])
      .orderBy('entryId')
      .execute();
    expect(decisions).toEqual([
      { ticketId: annsTicket.id, event: 'received', outcome: 'disabled' },
      { ticketId: walkIn.id, event: 'received', outcome: 'disabled' },
      { ticketId: loop.id, event: 'received', outcome: 'disabled' },
      { ticketId: walkIn.id, event: 'resolved', outcome: 'no-address' },
      { ticketId: loop.id, event: 'resolved', outcome: 'automatic-origin' },
      { ticketId: annsTicket.id, event: 'resolved', outcome: 'queued' },
    ]);
    const templates = await desk.call('mail.templates', {});
    expect(templates).toHaveLength(24);
    expect(templates.find((t) => t.event === 'received' && t.language === 'en')).toMatchObject({
      enabled: false,
      isDefault: false,
    });
    const preview = await desk.call('mail.previewTemplate', {
      event: 'resolved',
      language: 'fr',
      subject: 'Résolu : {{summary}}',
      body: 'Bonjour {{requester}}',
      ticketId: annsTicket.id,
    });
    expect(preview).toEqual({
      subject: `[#${annsTicket.id}] Résolu : VPN drops`,
      body: 'Bonjour Ann de Vries',
    });
  });

  it('tells the requester and the receiving group of an escalation, and records a group without an address', async () => {
    const desk = await open(kind);
    const deps = depsOf(desk);
    await sendingTurn(deps);
    const person = await marie(desk);
    await desk.call('workflow.configure', {
      groups: DEFAULT_WORKFLOW_CONFIG.groups.map((group) =>
        group.id === 'network' ? { ...group, email: NETWORK.address } : group,
      ),
    });
    const first = await desk.call('tickets.create', {
      requesterId: person.id,
      channel: 'email',
      summary: 'Wi-Fi au 2e étage',
    });
    const second = await desk.call('tickets.create', {
      requesterId: person.id,
      channel: 'email',
      summary: 'Mot de passe',
    });
    expect(await sendingTurn(deps)).toBe(2);
    await takeParsedMail(servers, MARIE);
    await desk.call('tickets.escalate', {
      id: first.id,
      expectedVersion: first.version,
      tier: 'specialist',
      groupId: 'network',
      reason: 'Access points on floor 2',
    });
    await desk.call('tickets.escalate', {
      id: second.id,
      expectedVersion: second.version,
      tier: 'specialist',
      groupId: 'identity',
      reason: 'Account locked in the directory',
    });
    expect(await sendingTurn(deps)).toBe(3);
    const toMarie = (await takeParsedMail(servers, MARIE)).map((m) => m.subject).sort();
    expect(toMarie).toEqual(
      [
        `[#${first.id}] Votre demande est prise en charge : Wi-Fi au 2e étage`,
        `[#${second.id}] Votre demande est prise en charge : Mot de passe`,
      ].sort(),
    );
    const [group, ...more] = await takeParsedMail(servers, NETWORK);
    expect(more).toEqual([]);
    expect(group?.subject).toBe(`[#${first.id}] Escalated to Network team: Wi-Fi au 2e étage`);
    expect(group?.text).toContain('from Marie Dubois was escalated to Network team');
    const skipped = await desk.db
      .selectFrom('mailAutomatic')
      .select(['ticketId', 'outcome'])
      .where('event', '=', 'escalated')
      .orderBy('ticketId')
      .execute();
    expect(skipped).toEqual([
      { ticketId: first.id, outcome: 'queued' },
      { ticketId: second.id, outcome: 'no-address' },
    ]);
  });

  it('answers a ticket that came by e-mail under the message it came from, in English for a sender not in the directory', async () => {
    const desk = await open(kind);
    const deps = depsOf(desk);
    await sendingTurn(deps);
    const raw = Buffer.from(
      'From: Ann <ann@desk.test>\r\nTo: desk@desk.test\r\nSubject: Re: Monitor flickers\r\n' +
        'Message-ID: <flicker@ann.desk.test>\r\n\r\nIt flickers every few seconds.\r\n',
    );
    const taken = await new MailIntake(deps, 'console-a').take(await parseMail(raw));
    if (taken.kind !== 'created') throw new Error(`not a new ticket: ${taken.kind}`);
    expect(await sendingTurn(deps)).toBe(1);
    const [ack] = await takeParsedMail(servers, ANN);
    expect(ack?.subject).toBe(`[#${taken.ticketId}] We received your request: Monitor flickers`);
    expect(ack?.inReplyTo).toBe('<flicker@ann.desk.test>');
    expect(ack?.text).toContain('Dear Ann,');
  });

  it('records an event it cannot make into a message as failed, and goes on with the next', async () => {
    const desk = await open(kind);
    const deps = depsOf(desk);
    await sendingTurn(deps);
    const person = await marie(desk);
    // A row no console would write: its time cannot be read.
    await desk.db
      .insertInto('mailTemplates')
      .values({
        event: 'received',
        language: 'fr',
        enabled: 1,
        subject: 'Reçu',
        body: 'Reçu.',
        updatedBy: 'someone',
        updatedAt: 'yesterday',
      })
      .execute();
    const ticket = await desk.call('tickets.create', {
      requesterId: person.id,
      channel: 'phone',
      summary: 'Clé USB',
    });
    expect(await sendingTurn(deps)).toBe(0);
    await desk.call('tickets.resolve', {
      id: ticket.id,
      expectedVersion: ticket.version,
      resolutionCode: 'fixed',
      resolutionNotes: 'Formatée en exFAT.',
    });
    expect(await sendingTurn(deps)).toBe(1);
    expect((await takeParsedMail(servers, MARIE)).map((m) => m.subject)).toEqual([
      `[#${ticket.id}] Résolu : Clé USB`,
    ]);
    const decisions = await desk.db
      .selectFrom('mailAutomatic')
      .select(['event', 'outcome'])
      .orderBy('entryId')
      .execute();
    expect(decisions).toEqual([
      { event: 'received', outcome: 'failed' },
      { event: 'resolved', outcome: 'queued' },
    ]);
  });

  it('sends nothing twice when the sending console restarts', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-mail-auto-'));
    folders.push(dataDir);
    const databaseUrl = kind === 'postgres' ? await newPostgresDatabase() : undefined;
    const first = await open(kind, databaseUrl, dataDir);
    const person = await marie(first);
    await first.call('mail.saveSettings', deskMailSettings(servers, DESK, { sending: true }));
    // The console reading the mailbox sends, and starts reading the timeline at once.
    await eventually(
      () => first.db.selectFrom('mailAutomaticCursor').selectAll().execute(),
      (rows) => rows.length === 1,
      'the sending console read the timeline',
    );
    const ticket = await first.call('tickets.create', {
      requesterId: person.id,
      channel: 'phone',
      summary: 'Écran noir',
    });
    first.mail.sendNow();
    const arrived = await eventually(
      () => takeParsedMail(servers, MARIE),
      (mails) => mails.length > 0,
      'the received message arrived',
    );
    expect(arrived.map((m) => m.subject)).toEqual([
      `[#${ticket.id}] Nous avons reçu votre demande : Écran noir`,
    ]);

    await first.dispose();
    opened.splice(opened.indexOf(first), 1);
    const again = await open(kind, databaseUrl, dataDir);
    await eventually(
      () => again.mail.reading,
      (reading) => reading,
      'the restarted console reads the mailbox',
    );
    const resolved = await again.call('tickets.resolve', {
      id: ticket.id,
      expectedVersion: (await again.call('tickets.get', { id: ticket.id })).ticket.version,
      resolutionCode: 'fixed',
      resolutionNotes: 'Câble vidéo remplacé.',
    });
    expect(resolved.status).toBe('resolved');
    again.mail.sendNow();
    await eventually(
      () => again.call('mail.outbox', { ticketId: ticket.id }),
      (outbox) => outbox.length === 2 && outbox.every((m) => m.state === 'sent'),
      'the resolution message was sent',
    );
    // Another turn, then whatever reached Marie since the restart: the resolution alone.
    again.mail.sendNow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await takeParsedMail(servers, MARIE)).map((m) => m.subject)).toEqual([
      `[#${ticket.id}] Résolu : Écran noir`,
    ]);
  });
});

describe('automatic messages on one PostgreSQL desk with two consoles', () => {
  it('queues and sends each message once when both consoles work at the same time', async () => {
    const databaseUrl = await newPostgresDatabase();
    const a = await open('postgres', databaseUrl);
    const b = await open('postgres', databaseUrl);
    const [depsA, depsB] = [depsOf(a), depsOf(b)];
    await sendingTurn(depsA, 'console-a');
    const person = await marie(a);
    const tickets = [];
    for (const summary of ['Clavier', 'Souris', 'Casque']) {
      tickets.push(
        await (summary === 'Souris' ? b : a).call('tickets.create', {
          requesterId: person.id,
          channel: 'phone',
          summary,
        }),
      );
    }
    await Promise.all([
      queueAutomatic(depsA, { from: DESK.address, consoleName: 'console-a', logger }),
      queueAutomatic(depsB, { from: DESK.address, consoleName: 'console-b', logger }),
    ]);
    const sent = await Promise.all([
      sendDue(depsA, account(), logger),
      sendDue(depsB, account(), logger),
    ]);
    expect(sent[0] + sent[1]).toBe(3);
    expect(await sendingTurn(depsB, 'console-b')).toBe(0);
    const subjects = (await takeParsedMail(servers, MARIE)).map((m) => m.subject).sort();
    expect(subjects).toEqual(
      tickets.map((t) => `[#${t.id}] Nous avons reçu votre demande : ${t.summary}`).sort(),
    );
  });
});

describe('mail templates on a desk with roles', () => {
  it('lets a lead change a template and refuses an analyst, in the database', async () => {
    const tag = Date.now().toString(36);
    const ada = deskAnalyst(`ada_t${tag}`, 'admin');
    const lena = deskAnalyst(`lena_t${tag}`, 'lead');
    const bram = deskAnalyst(`bram_t${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [lena, bram]);
    try {
      const bramsUrl = signedInAs(ownerUrl, bram);
      const insert = `INSERT INTO mail_templates (event, language, enabled, subject, body, updated_by, updated_at)
        VALUES ('closed', 'en', 0, 's', 'b', 'x', '2026-12-03T00:00:00.000Z')`;
      expect(await tryAs(bramsUrl, insert)).toMatch(/permission denied/);
      const asBram = await open('postgres', bramsUrl);
      const template = {
        event: 'closed' as const,
        language: 'nl' as const,
        enabled: false,
        subject: 'Gesloten: {{summary}}',
        body: 'Uw verzoek {{ticket}} is gesloten.',
      };
      const refused = await callError(asBram.call('mail.saveTemplate', template));
      expect(refused.message).toMatch(/role on this desk does not allow this/);

      const asLena = await open('postgres', signedInAs(ownerUrl, lena));
      const saved = await asLena.call('mail.saveTemplate', template);
      expect(saved).toMatchObject({ enabled: false, isDefault: false, updatedBy: lena.login });
      // Analysts read what the lead saved; the database signed it with the lead's login.
      const seen = await asBram.call('mail.templates', {});
      expect(seen.find((t) => t.event === 'closed' && t.language === 'nl')).toMatchObject({
        subject: 'Gesloten: {{summary}}',
        enabled: false,
      });
      expect(
        await tryAs(bramsUrl, `UPDATE mail_templates SET enabled = 1 WHERE language = 'nl'`),
      ).toMatch(/permission denied/);
      const [row] = await owner.selectFrom('mailTemplates').selectAll().execute();
      expect(row?.updatedBy).toBe(lena.login);
    } finally {
      await owner.destroy();
    }
  });
});
