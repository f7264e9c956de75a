import type { Page } from '@playwright/test';
import el from '../../renderer/src/i18n/el.json' with { type: 'json' };
import { addAgentMachine, expectAccessible, callApi } from './host-api';
import { expect, test } from './fixtures';

const checksForm = (page: Page) => page.getByRole('form', { name: 'Checks' });
const settingsOf = (page: Page, check: string) =>
  page.getByRole('group', { name: `Settings of “${check}”` });

test('an analyst runs checks on a machine, watches them, cancels a slow one, and attaches the results to a ticket', async ({
  page,
  desk,
  agent,
}) => {
  const machine = await addAgentMachine(desk.host, agent, 'Reception PC');
  const ticket = await callApi(desk.host, 'tickets.create', {
    requester: 'Sofie Janssens',
    channel: 'phone',
    summary: 'Reception PC is slow',
  });

  // The list says when each machine was last contacted, and whether it answers now.
  await page.goto(desk.host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Machines' }).click();
  const row = page.getByRole('row', { name: /Reception PC/ });
  await expect(row.getByText('Online')).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).not.toHaveText('never');
  await expectAccessible(page, 'machines (en)');
  await row.getByRole('link', { name: 'Reception PC' }).click();
  await expect(page.getByRole('heading', { name: 'Reception PC', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Operating system' })).toBeVisible();

  // Each chosen check gets a form generated from its parameters' schema.
  const form = checksForm(page);
  await form.getByLabel('A TCP port is open').check();
  const tcp = settingsOf(page, 'A TCP port is open');
  await expect(tcp.getByLabel('Wait for an answer (ms)')).toHaveValue('3000');
  await expect(tcp.getByText('optional · From 100 to 10,000')).toBeVisible();
  await form.getByRole('button', { name: 'Run checks' }).click();
  // What the check needs and nobody filled in is named before anything runs.
  await expect(tcp.getByText('Required for this check.')).toHaveCount(2);
  await tcp.getByLabel('Host name or address').fill('127.0.0.1');
  await tcp.getByLabel('Port', { exact: true }).fill(String(agent.port));
  await form.getByLabel('Processor load').check();
  await settingsOf(page, 'Processor load').getByLabel('Measure for (ms)').fill('5000');
  await form.getByRole('button', { name: 'Run checks' }).click();

  // Progress as each check ends; the slow one is still going when the port answers.
  const progress = page.getByRole('progressbar', { name: 'Progress of the checks' });
  await expect(progress).toBeVisible();
  const results = page.getByRole('list', { name: 'Results' });
  await expect(
    results.getByText(`Port ${agent.port} on 127.0.0.1 is open`, { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Checks ended: 1 of 2' })).toBeVisible();
  await expect(results.getByText('Running…')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toBeVisible();
  await expect(results.getByText('Not ended (cancelled)')).toBeVisible();

  // Again without the slow one: done, and attached to the ticket as evidence.
  await form.getByLabel('Processor load').uncheck();
  await form.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toBeVisible();
  await expectAccessible(page, 'machine with check results (en)');
  await page.screenshot({ path: 'test-results/screenshots/en-machine-checks.png', fullPage: true });
  const attach = page.getByRole('form', { name: 'Attach these results to a ticket' });
  await attach
    .getByLabel('Ticket', { exact: true })
    .selectOption({ label: `#${ticket.id} Reception PC is slow` });
  await attach.getByRole('button', { name: 'Attach results' }).click();
  await expect(attach.getByRole('status')).toHaveText(
    `Attached to ticket #${ticket.id} Open ticket`,
  );

  // The machine's tickets now include it.
  await page.reload();
  const tickets = page.getByRole('region', { name: 'Tickets about this machine' });
  await expect(tickets.getByRole('link', { name: 'Reception PC is slow' })).toBeVisible();

  // In Greek: the same results, rendered from their code and facts.
  await page.getByLabel('Language', { exact: true }).selectOption('el');
  await page
    .getByRole('region', { name: el.machinePage.tickets })
    .getByRole('link', { name: 'Reception PC is slow' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Αποτελέσματα ελέγχων του Reception PC' }),
  ).toBeVisible();
  const evidence = page.getByRole('list', { name: el.checks.results });
  await expect(evidence.getByText(el.checks.name.tcp.port, { exact: true })).toBeVisible();
  await expect(
    evidence.getByText(`Η θύρα ${agent.port} στο 127.0.0.1 είναι ανοιχτή`, { exact: false }),
  ).toBeVisible();
  await expect(page.locator('.evidence code.hash')).toHaveText(/^[0-9a-f]{64}$/);
  await expectAccessible(page, 'ticket with check results (el)');

  const stored = await callApi(desk.host, 'tickets.get', { id: ticket.id });
  expect(stored.evidence).toHaveLength(1);
  expect(stored.evidence[0]).toMatchObject({ kind: 'checks', machineId: machine.id });
});

test('the machine page in Greek: status, checks and their forms are translated and accessible', async ({
  page,
  desk,
}) => {
  await page.goto(desk.host.url);
  await page.getByLabel('Language', { exact: true }).selectOption('el');
  await page.getByRole('navigation').getByRole('link', { name: 'Υπολογιστές' }).click();
  await page.getByRole('link', { name: 'Αυτός ο υπολογιστής' }).click();
  await expect(page.getByText(el.machinePage.state.online).first()).toBeVisible();
  const form = page.getByRole('form', { name: el.checks.title });
  await form.getByLabel(el.checks.name.disk.free).check();
  await expect(
    page
      .getByRole('group', { name: `Ρυθμίσεις του «${el.checks.name.disk.free}»` })
      .getByLabel(el.checks.param.disk.free.warnBelowPercent),
  ).toHaveValue('15');
  await form.getByRole('button', { name: el.checks.run }).click();
  await expect(page.getByRole('status').filter({ hasText: el.checks.runState.done })).toBeVisible();
  await expect(page.getByRole('list', { name: el.checks.results })).toContainText('ελεύθερα στο /');
  await expectAccessible(page, 'machine page with results (el)');
  await page.screenshot({ path: 'test-results/screenshots/el-machine-checks.png', fullPage: true });
});
