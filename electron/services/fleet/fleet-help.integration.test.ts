/**
 * Help from an employee's computer end to end: a real nats-server on 127.0.0.1, the real
 * built agent serving in fleet mode with its help page, and consoles linked through their
 * settings. The employee asks on the page; the desk makes one ticket (channel agent, the
 * requester, the machine, the inventory and the checks as evidence); messages go both ways,
 * also while the agent is away; "it works now" and feedback land on the ticket. On PostgreSQL
 * two consoles take the same request and make one ticket.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, credsAuthenticator, headers } from '@nats-io/transport-node';
import {
  announcedChanges,
  fleetInboxPrefix,
  fleetSubjects,
  type HelpRequestMessage,
  type TicketDetail,
} from '@deskside/core';
import { connectFleet } from '../../../agent/src/fleet/connect';
import { writeFleetCredentials } from '../../../agent/src/fleet/credentials';
import { AGENT_BUNDLE, startAgent, stopAllAgents } from '#test/helpers/agent-process';
import { newPostgresDatabase, openConsoleOn } from '#test/helpers/stores';
import { deskAnalyst, deskWithAnalysts, signedInAs, tryAs } from '#test/helpers/desk';
import type { TestConsole } from '#test/helpers/console';
import { eventually } from '#test/helpers/eventually';
import { addFleetMachine, fleetAgentFiles as fleetAgentFilesIn } from '#test/helpers/fleet-agent';
import { connectTestConsole, startNatsServer, type TestNatsServer } from '#test/helpers/nats';
import { LifecycleService } from '../tickets/lifecycle-service';
import { WorkflowConfigService } from '../workflow/config-service';
import { FleetAuthority } from './fleet-authority';
import { FleetHelp } from './fleet-help';
import { ensureFleetStorage } from './fleet-storage';

const run = promisify(execFile);
let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;

async function linkedConsole(desk: TestConsole, consoleId: string): Promise<void> {
  const analyst = await authority.issueConsole(consoleId, 'analyst');
  const credentialsFile = path.join(dir, `${consoleId}.creds`);
  await writeFile(credentialsFile, analyst.creds, { mode: 0o600 });
  await desk.call('settings.update', { fleet: { servers: [server.url], credentialsFile } });
}

async function addMachine(desk: TestConsole, id: string, name: string): Promise<void> {
  await addFleetMachine(desk.db, id, name);
}

function fleetAgentFiles(agentId: string) {
  return fleetAgentFilesIn(server, authority, dir, agentId, { helpPollSeconds: 1 });
}

async function startFleetAgent(files: { dataDir: string; config: string }) {
  const agent = await startAgent({
    dataDir: files.dataDir,
    extraEnv: { DESKSIDE_AGENT_CONFIG: files.config },
  });
  const line = await eventually(
    () => /Help page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(agent.stdout()),
    (match) => match !== null,
    'the agent prints its help page',
    10_000,
  );
  return { agent, page: line![1]! };
}

/** The page's HTML and its form token. */
async function openPage(page: string, language = 'fr') {
  const response = await fetch(page, { headers: { 'Accept-Language': `${language},en;q=0.5` } });
  const html = await response.text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { response, html, token };
}

async function post(page: string, action: string, fields: Record<string, string>) {
  return fetch(new URL(action, page), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

const agentTickets = async (desk: TestConsole) =>
  (await desk.call('tickets.list', {})).filter((ticket) => ticket.channel === 'agent');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-fleet-help-'));
  authority = FleetAuthority.create('help-desk');
  server = await startNatsServer(authority);
  const adminNc = await connectTestConsole(server, authority, 'admin', 'admin-console');
  expect(await ensureFleetStorage(adminNc)).toContain('DESKSIDE_HELP_QUEUE');
  await adminNc.close();
}, 60_000);

afterAll(async () => {
  await stopAllAgents();
  await (server as TestNatsServer | undefined)?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('help from an employee’s agent over a real nats-server', () => {
  it('makes a ticket from the page, carries messages both ways and records the verification', async () => {
    const desk = await openConsoleOn('sqlite');
    try {
      await linkedConsole(desk, 'help-console');
      const machineId = randomUUID();
      await addMachine(desk, machineId, 'PC-HELP');
      const person = await desk.call('people.create', {
        name: 'Chloé Martin',
        email: 'chloe.martin@example.org',
      });
      const files = await fleetAgentFiles(machineId);
      const { agent, page } = await startFleetAgent(files);

      // The page: French from Accept-Language, strict headers, loopback only.
      const first = await openPage(page, 'fr');
      expect(first.html).toContain('<html lang="fr">');
      expect(first.html).toContain('Demander de l’aide');
      expect(first.response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(first.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

      const sent = await post(page, '/request', {
        token: first.token,
        lang: 'fr',
        name: 'Chloé Martin',
        email: 'Chloe.Martin@example.org',
        summary: 'Imprimante hors ligne',
        description: 'Le bureau ne peut plus imprimer depuis ce matin.',
      });
      expect(sent.status).toBe(303);

      const [ticket] = await eventually(
        () => agentTickets(desk),
        (list) => list.length === 1,
        'the help request becomes a ticket',
        60_000,
      );
      expect(ticket).toMatchObject({
        channel: 'agent',
        summary: 'Imprimante hors ligne',
        description: 'Le bureau ne peut plus imprimer depuis ce matin.',
        requesterId: person.id,
        machineId,
      });
      const detail = await desk.call('tickets.get', { id: ticket!.id });
      const fromMachines = detail.evidence.map((e) =>
        e.kind === 'mail-attachment' ? [e.kind] : [e.kind, e.transport, e.machineName],
      );
      expect(fromMachines.sort()).toEqual([
        ['checks', 'nats', 'PC-HELP'],
        ['inventory', 'nats', 'PC-HELP'],
      ]);
      for (const evidence of detail.evidence) expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
      const checks = detail.evidence.find((e) => e.kind === 'checks');
      expect(checks?.kind === 'checks' ? checks.content.results.map((r) => r.checkId) : []).toEqual(
        expect.arrayContaining(['disk.free', 'network.interfaces']),
      );

      // The page learns its ticket number; the analyst writes; the page shows it.
      await eventually(
        async () => (await openPage(page)).html,
        (html) => html.includes(`#${ticket!.id}`),
        'the page shows the ticket number',
      );
      const events: string[] = [];
      const stopListening = desk.events.subscribe((event) => events.push(event.type));
      await desk.call('tickets.messageAgent', {
        ticketId: ticket!.id,
        body: 'Pouvez-vous redémarrer l’imprimante ?',
      });
      stopListening();
      // What the method announces (core/src/api-changes.ts) is what it publishes.
      expect([...new Set(events)]).toEqual(announcedChanges('tickets.messageAgent'));
      const withMessage = await eventually(
        async () => (await openPage(page)).html,
        (html) => html.includes('Pouvez-vous redémarrer l’imprimante ?'),
        'the analyst’s message reaches the page',
      );
      const requestId = /name="requestId" value="([^"]+)"/.exec(withMessage)?.[1] ?? '';

      // The employee answers; the answer lands on the timeline.
      const { token } = await openPage(page);
      await post(page, '/reply', { token, lang: 'fr', requestId, body: 'C’est fait, merci.' });
      const answered = await eventually(
        () => desk.call('tickets.get', { id: ticket!.id }),
        (d: TicketDetail) => d.timeline.some((e) => e.body === 'C’est fait, merci.'),
        'the answer is on the timeline',
      );
      expect(answered.timeline.filter((e) => e.kind === 'chat').map((e) => e.data)).toEqual([
        expect.objectContaining({ direction: 'outbound', channel: 'agent' }),
        expect.objectContaining({ direction: 'inbound', channel: 'agent' }),
      ]);

      // Resolved by the analyst, "it works now" and feedback from the page close it.
      const resolved = await desk.call('tickets.resolve', {
        id: ticket!.id,
        expectedVersion: answered.ticket.version,
        resolutionCode: 'fixed',
        resolutionNotes: 'Printer restarted by the user.',
      });
      expect(resolved.status).toBe('resolved');
      await post(page, '/works', { token, lang: 'fr', requestId });
      await post(page, '/feedback', {
        token,
        lang: 'fr',
        requestId,
        rating: '4',
        comment: 'Rapide',
      });
      const closed = await eventually(
        () => desk.call('tickets.get', { id: ticket!.id }),
        (d: TicketDetail) => d.ticket.feedbackRating === 4,
        'the verification and feedback are recorded',
      );
      expect(closed.ticket).toMatchObject({
        status: 'closed',
        verification: 'confirmed',
        feedbackRating: 4,
        feedbackComment: 'Rapide',
      });
      expect(closed.timeline.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['verification', 'feedback']),
      );

      // Away: a message sent while the agent is stopped waits for it; a request made with
      // `request-help` while it is stopped is sent once it serves again.
      await agent.stop();
      await desk.call('tickets.messageAgent', { ticketId: ticket!.id, body: 'Message hors ligne' });
      const cli = await run(
        process.execPath,
        [
          AGENT_BUNDLE,
          'request-help',
          '--data-dir',
          files.dataDir,
          '--name',
          'Chloé Martin',
          '--email',
          'chloe.martin@example.org',
          '--summary',
          'Écran noir',
          '--description',
          'Depuis la mise à jour',
        ],
        { env: { ...process.env, DESKSIDE_AGENT_CONFIG: files.config } },
      );
      expect(cli.stdout).toMatch(/saved/i);
      const again = await startFleetAgent(files);
      await eventually(
        () => agentTickets(desk),
        (list) => list.some((t) => t.summary === 'Écran noir'),
        'the request made while away becomes a ticket',
        60_000,
      );
      await eventually(
        async () => (await openPage(again.page)).html,
        (html) => html.includes('Message hors ligne'),
        'the message sent while away reaches the page',
      );
      const messages = await run(
        process.execPath,
        [AGENT_BUNDLE, 'help-messages', '--data-dir', files.dataDir],
        { env: { ...process.env, DESKSIDE_AGENT_CONFIG: files.config } },
      );
      expect(messages.stdout).toContain('Message hors ligne');
      expect(messages.stdout).toContain('Écran noir');
      expect((await agentTickets(desk)).length).toBe(2);
      await again.agent.stop();
    } finally {
      await desk.dispose();
    }
  }, 180_000);

  it('refuses other hosts, cross-site posts and posts without the page’s token', async () => {
    const files = await fleetAgentFiles(randomUUID());
    const { page } = await startFleetAgent(files);
    const port = new URL(page).port;
    const { token } = await openPage(page);
    // DNS rebinding: a name of someone else's resolving to 127.0.0.1 carries its own Host.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(421);
    const fields = { token, lang: 'en', name: 'X', email: 'x@example.org', summary: 'Y' };
    const crossSite = await fetch(new URL('/request', page), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: new URLSearchParams(fields).toString(),
    });
    expect(crossSite.status).toBe(403);
    const noToken = await post(page, '/request', { ...fields, token: 'wrong' });
    expect(noToken.headers.get('location')).toContain('note=expired');
    const big = await post(page, '/request', { ...fields, description: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const invalid = await post(page, '/request', { ...fields, email: 'not an address' });
    expect(invalid.headers.get('location')).toContain('note=invalid');
    expect((await openPage(page)).html).not.toContain('name="requestId"');
  }, 60_000);
});

const helpRequest = (summary: string): HelpRequestMessage => ({
  type: 'request',
  requestId: randomUUID(),
  sentAt: new Date().toISOString(),
  form: { name: 'Nikos P.', email: 'nikos@example.org', summary, description: '' },
  language: 'el',
  inventory: null,
  checks: [],
});

describe('two consoles of a PostgreSQL desk', () => {
  it('two analysts’ consoles taking the same request at once make one ticket; nobody changes the rows', async () => {
    const tag = `${process.pid}_${Date.now() % 100_000}`;
    const ada = deskAnalyst(`ada_help${tag}`, 'admin');
    const bram = deskAnalyst(`bram_help${tag}`, 'analyst');
    const cora = deskAnalyst(`cora_help${tag}`, 'analyst');
    const { ownerUrl, owner } = await deskWithAnalysts(ada, [bram, cora]);
    const asBram = await openConsoleOn('postgres', { databaseUrl: signedInAs(ownerUrl, bram) });
    const asCora = await openConsoleOn('postgres', { databaseUrl: signedInAs(ownerUrl, cora) });
    const consoleNc = await connect({
      servers: server.url,
      authenticator: credsAuthenticator(
        new TextEncoder().encode((await authority.issueConsole('pg-direct', 'analyst')).creds),
      ),
      inboxPrefix: fleetInboxPrefix('console', 'pg-direct'),
      reconnect: false,
    });
    try {
      const helpOf = (desk: TestConsole) => {
        const deps = {
          store: desk.store,
          config: new WorkflowConfigService(desk.store),
          now: () => new Date(),
        };
        return new FleetHelp({
          connection: consoleNc,
          deps,
          tickets: desk.tickets,
          lifecycle: new LifecycleService(deps),
        });
      };
      const machineId = randomUUID();
      const direct = helpRequest('Δεν συνδέεται στο δίκτυο');
      const outcomes = await Promise.all([
        helpOf(asBram).handle(machineId, direct),
        helpOf(asCora).handle(machineId, direct),
        helpOf(asBram).handle(machineId, direct),
      ]);
      expect(outcomes.filter((o) => o.kind === 'ticket' && o.created)).toHaveLength(1);
      expect(new Set(outcomes.map((o) => (o.kind === 'ticket' ? o.ticketId : 0))).size).toBe(1);
      expect(await agentTickets(asCora)).toHaveLength(1);
      expect(await tryAs(signedInAs(ownerUrl, cora), 'DELETE FROM agent_help_requests')).toMatch(
        /permission denied/,
      );
      expect(
        await tryAs(signedInAs(ownerUrl, cora), "UPDATE agent_help_requests SET language = 'en'"),
      ).toMatch(/permission denied/);
    } finally {
      await consoleNc.close();
      await asBram.dispose();
      await asCora.dispose();
      await owner.destroy();
    }
  }, 120_000);

  it('make one ticket of a request, however often it arrives and whoever takes it', async () => {
    const databaseUrl = await newPostgresDatabase();
    const one = await openConsoleOn('postgres', { databaseUrl });
    const two = await openConsoleOn('postgres', { databaseUrl });
    const machineId = randomUUID();
    const agentCreds = path.join(dir, 'pg-agent.creds');
    await writeFleetCredentials(agentCreds, (await authority.issueAgent(machineId)).creds);
    const { connection } = await connectFleet({
      servers: [server.url],
      credentialsFile: agentCreds,
      reconnect: false,
    });
    try {
      // Over NATS, both consoles linked: the same request published three times.
      await linkedConsole(one, 'pg-one');
      await linkedConsole(two, 'pg-two');
      const repeated = helpRequest('Το Outlook κολλάει');
      for (let i = 0; i < 3; i++) {
        const h = headers();
        h.set('Nats-Msg-Id', randomUUID());
        await connection.request(
          fleetSubjects.help(machineId),
          new TextEncoder().encode(JSON.stringify(repeated)),
          { timeout: 5_000, headers: h },
        );
      }
      const made = await eventually(
        () => agentTickets(one),
        (list) => list.some((t) => t.summary === 'Το Outlook κολλάει'),
        'the request becomes a ticket',
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(
        (await agentTickets(two)).filter((t) => t.summary === 'Το Outlook κολλάει'),
      ).toHaveLength(1);
      expect(made.filter((t) => t.channel === 'agent')).toHaveLength(1);
      const people = await one.call('people.list', { search: 'nikos' });
      expect(people).toHaveLength(1);
    } finally {
      await connection.close();
      await one.dispose();
      await two.dispose();
    }
  }, 120_000);
});
