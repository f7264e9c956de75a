/**
 * Help from an employee's own computer, end to end: a real nats-server, the built agent in
 * fleet mode with its help page, the console in browser mode linked to the fleet. The
 * employee asks in French on the page; the analyst sees the ticket (channel agent, with the
 * inventory) and writes; the page shows it; the employee answers, says it works and rates
 * the help; the ticket shows the verification.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect, credsAuthenticator } from '@nats-io/transport-node';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import { HELP_PAGE_TEXT } from '../../agent/src/fleet/help-page-text';
import { writeFleetCredentials } from '../../agent/src/fleet/credentials';
import { fleetInboxPrefix } from '../../core/src/fleet/subjects';
import { FleetAuthority } from '../../electron/services/fleet/fleet-authority';
import { ensureFleetStorage } from '../../electron/services/fleet/fleet-storage';
import { startAgent, type RunningAgent } from '../helpers/agent-process';
import { eventually } from '../helpers/eventually';
import { startNatsServer, type TestNatsServer } from '../helpers/nats';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { addAgentMachine, callApi } from './host-api';

const fr = HELP_PAGE_TEXT.fr;
let authority: FleetAuthority;
let server: TestNatsServer;
let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-help-'));
  authority = FleetAuthority.create('e2e-help-desk');
  server = await startNatsServer(authority);
  const admin = await authority.issueConsole('e2e-admin', 'admin');
  const nc = await connect({
    servers: server.url,
    authenticator: credsAuthenticator(new TextEncoder().encode(admin.creds)),
    inboxPrefix: fleetInboxPrefix('console', 'e2e-admin'),
    reconnect: false,
  });
  await ensureFleetStorage(nc);
  await nc.close();
});

test.afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The agent serving in fleet mode, its help page on a free loopback port. */
async function fleetAgent(dataDir: string, config: string) {
  const agent = await startAgent({ dataDir, extraEnv: { DESKSIDE_AGENT_CONFIG: config } });
  const match = await eventually(
    () => /Help page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(agent.stdout()),
    (m) => m !== null,
    'the agent prints its help page',
  );
  return { agent, page: match![1]! };
}

test('an employee asks for help from their computer in French and the desk answers', async ({
  page,
  desk,
  browser,
}) => {
  test.setTimeout(180_000);
  // The desk's console, linked to the fleet.
  const consoleCreds = path.join(dir, 'console.creds');
  await writeFile(consoleCreds, (await authority.issueConsole('e2e-console', 'analyst')).creds, {
    mode: 0o600,
  });
  await callApi(desk.host, 'settings.update', {
    fleet: { servers: [server.url], credentialsFile: consoleCreds },
  });

  // The employee's computer: paired with the desk, then given its fleet identity.
  const dataDir = await mkdtemp(path.join(dir, 'agent-'));
  const config = path.join(dataDir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      fleet: { servers: [server.url], heartbeatSeconds: 1, helpPort: 0, helpPollSeconds: 1 },
    }),
  );
  let running: RunningAgent = (await fleetAgent(dataDir, config)).agent;
  const machine = await addAgentMachine(desk.host, running, 'PC-Accueil');
  await running.stop();
  await writeFleetCredentials(
    path.join(dataDir, 'fleet.creds'),
    (await authority.issueAgent(machine.id)).creds,
  );
  const started = await fleetAgent(dataDir, config);
  running = started.agent;

  try {
    // The employee's browser speaks French: so does the page.
    const employee = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await employee.goto(started.page);
    await expect(employee.getByRole('heading', { name: fr.title, level: 1 })).toBeVisible();
    await expect(employee.locator('html')).toHaveAttribute('lang', 'fr');
    await expectAccessible(employee, 'help page (fr)');
    await employee.getByLabel(fr.name).fill('Chloé Martin');
    await employee.getByLabel(fr.email).fill('chloe.martin@example.org');
    await employee.getByLabel(fr.summary).fill('Imprimante hors ligne');
    await employee.getByLabel(fr.description).fill('Le bureau ne peut plus imprimer.');
    await employee.getByRole('button', { name: fr.send }).click();
    await expect(employee.getByRole('status')).toContainText(fr.sentNote);

    // The analyst sees the ticket, from the agent, with the machine's inventory.
    const ticket = await eventually(
      async () =>
        (await callApi(desk.host, 'tickets.list', {})).find((t) => t.channel === 'agent') ?? null,
      (t) => t !== null,
      'the request becomes a ticket',
      60_000,
      250,
    );
    await page.goto(desk.host.url);
    await page.goto(`${desk.host.origin}/#/tickets/${ticket!.id}`);
    await expect(page.getByRole('heading', { name: /Imprimante hors ligne/ })).toBeVisible();
    await expect(page.getByText(en.channel.agent).first()).toBeVisible();
    const detail = await callApi(desk.host, 'tickets.get', { id: ticket!.id });
    expect(detail.ticket.machineId).toBe(machine.id);
    expect(detail.evidence.map((e) => e.kind).sort()).toEqual(['checks', 'inventory']);
    await expect(page.getByRole('heading', { name: en.evidence.title })).toBeVisible();
    await expect(page.getByText('PC-Accueil').first()).toBeVisible();

    // The analyst writes to the employee from the ticket.
    const conversation = page.getByRole('region', { name: en.ticket.agentConversation.title });
    await conversation
      .getByLabel(en.ticket.agentConversation.label)
      .fill('Pouvez-vous redémarrer l’imprimante ?');
    await conversation.getByRole('button', { name: en.ticket.agentConversation.send }).click();
    await expect(conversation.getByText('Pouvez-vous redémarrer l’imprimante ?')).toBeVisible();
    await expectAccessible(page, 'agent ticket (en)');

    // The page shows it (it looks again by itself) and the employee answers.
    await expect(employee.getByText('Pouvez-vous redémarrer l’imprimante ?')).toBeVisible({
      timeout: 30_000,
    });
    await employee.getByLabel(fr.answer).fill('C’est fait, elle imprime.');
    await employee.getByRole('button', { name: fr.sendAnswer }).click();
    await expect(conversation.getByText('C’est fait, elle imprime.')).toBeVisible({
      timeout: 30_000,
    });

    // Resolved by the desk, confirmed by the employee, who rates the help.
    const current = await callApi(desk.host, 'tickets.get', { id: ticket!.id });
    await callApi(desk.host, 'tickets.resolve', {
      id: ticket!.id,
      expectedVersion: current.ticket.version,
      resolutionCode: 'fixed',
      resolutionNotes: 'L’imprimante a été redémarrée.',
    });
    await employee.getByRole('button', { name: fr.works }).click();
    await expect(employee.getByText(fr.worksSent)).toBeVisible();
    await employee.getByLabel(fr.rating).selectOption('5');
    await employee.getByLabel(fr.comment).fill('Très rapide');
    await employee.getByRole('button', { name: fr.sendFeedback }).click();
    await expect(employee.getByText(fr.feedbackSent, { exact: false })).toBeVisible();

    // The ticket shows the verification and the rating.
    const verified = en.ticket.timeline.verified
      .replace('{{outcome}}', en.ticket.outcome.confirmed)
      .replace('{{to}}', en.status.closed);
    await expect(page.getByText(verified)).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByText(en.ticket.timeline.feedback.replace('{{rating}}', '5')),
    ).toBeVisible({ timeout: 30_000 });
    const closed = await callApi(desk.host, 'tickets.get', { id: ticket!.id });
    expect(closed.ticket).toMatchObject({
      status: 'closed',
      verification: 'confirmed',
      feedbackRating: 5,
    });
  } finally {
    await running.stop();
  }
});
