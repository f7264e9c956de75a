import os from 'node:os';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

test('an analyst adds a machine, opens a ticket, attaches the inventory, and finds it after a restart', async ({
  page,
  desk,
  agent,
}) => {
  await page.goto(desk.host.url);
  await expect(page.getByRole('heading', { name: 'Ticket queue' })).toBeVisible();
  // The session token leaves the address bar once the page has it.
  expect(page.url()).not.toContain('session=');

  // "This computer" is there from the start, with its real inventory.
  await nav(page, 'Machines');
  await page.getByRole('link', { name: 'This computer' }).click();
  const os_ = page.getByRole('region', { name: 'Operating system' });
  await expect(os_.getByText(os.hostname(), { exact: true })).toBeVisible();

  // Add the agent's machine: connect, compare the fingerprint, give the token.
  await nav(page, 'Machines');
  await page.getByRole('button', { name: 'Add machine' }).click();
  await page.getByLabel('Address').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(agent.port));
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByLabel('Certificate fingerprint (SHA-256)')).toHaveText(agent.fingerprint);
  await page.getByLabel('Pre-provisioned console token').check();
  await page.getByLabel('Console token', { exact: true }).fill(agent.token);
  await page.getByLabel('Name (optional; defaults to the host name)').fill('Reception PC');
  const add = page.getByRole('button', { name: 'Add this machine' });
  await expect(add).toBeDisabled();
  await page.getByLabel('The fingerprint matches the one the agent printed').check();
  await add.click();

  // Its inventory comes from the agent, over the pinned HTTPS connection.
  await expect(page.getByRole('heading', { name: 'Reception PC' })).toBeVisible();
  await expect(page.getByText(/through agent over HTTPS/)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Operating system' })
      .getByText(os.hostname(), { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(agent.fingerprint)).toBeVisible();

  // A call comes in: create the ticket.
  await nav(page, 'Tickets');
  await page.getByRole('button', { name: 'New ticket' }).click();
  await page.getByLabel('Requester').fill('Sofie Janssens');
  await page.getByLabel('Channel').selectOption('phone');
  await page.getByLabel('Summary').fill('Reception PC freezes after login');
  await page.getByLabel('Description').fill('Since Monday; restart did not help.');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(
    page.getByRole('heading', { name: /Ticket #1: Reception PC freezes after login/ }),
  ).toBeVisible();
  await expect(page.getByText('No evidence attached yet.', { exact: false })).toBeVisible();

  // Attach the agent machine's inventory to it.
  await nav(page, 'Machines');
  await page.getByRole('link', { name: 'Reception PC' }).click();
  await expect(page.getByRole('region', { name: 'Operating system' })).toBeVisible();
  await page
    .getByLabel('Ticket', { exact: true })
    .selectOption({ label: '#1 Reception PC freezes after login' });
  await page.getByRole('button', { name: 'Attach inventory' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Attached to ticket #1' })).toBeVisible();
  await page.getByRole('link', { name: 'Open ticket' }).click();
  await expect(page.getByRole('heading', { name: 'Inventory of Reception PC' })).toBeVisible();
  const hash = await page.locator('.evidence code.hash').innerText();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // Restart the console host: the ticket and its evidence are still there.
  const restarted = await desk.restart();
  await page.goto(restarted.url);
  const row = page.getByRole('option', { name: /Reception PC freezes after login/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('heading', { name: 'Inventory of Reception PC' })).toBeVisible();
  await expect(page.locator('.evidence code.hash')).toHaveText(hash);
  await expect(page.locator('.evidence').getByText(/Through agent over HTTPS/)).toBeVisible();
});

test('a page without the session token gets nothing from the console', async ({ page, desk }) => {
  await page.goto(desk.host.origin + '/');
  await expect(page.getByRole('alert')).toContainText('has no session');
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/tickets.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return response.status;
  });
  expect(status).toBe(401);
});
