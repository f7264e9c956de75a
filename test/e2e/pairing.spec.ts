import os from 'node:os';
import { formatPairingCode } from '@deskside/core';
import { issuePairingCode, runAgentCli } from '../helpers/agent-cli';
import { expect, test } from './fixtures';

test('an analyst adds a machine with the pairing code the user reads out', async ({
  page,
  desk,
  agent,
}) => {
  await page.goto(desk.host.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Machines' })
    .click();
  await page.getByRole('button', { name: 'Add machine' }).click();
  await page.getByLabel('Address').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(agent.port));
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByLabel('Certificate fingerprint (SHA-256)')).toHaveText(agent.fingerprint);

  // On the user's PC: `deskside-agent pair` prints a one-time code.
  const { code } = await issuePairingCode(agent.dataDir, ['--name', 'Helpdesk console']);
  // A pairing code is what the form asks for unless told otherwise.
  await expect(page.getByLabel('Pairing code (the user runs deskside-agent pair)')).toBeChecked();

  // A code typed wrongly is refused by the agent, and nothing is added.
  await page.getByLabel('Pairing code', { exact: true }).fill('ZZZZZ-ZZZZZ');
  await page.getByLabel('The fingerprint matches the one the agent printed').check();
  await page.getByRole('button', { name: 'Add this machine' }).click();
  await expect(page.getByRole('alert')).toContainText('The agent refused the pairing code');

  // The right code, as read out over the phone: lower case, with its dash.
  await page
    .getByLabel('Pairing code', { exact: true })
    .fill(formatPairingCode(code).toLowerCase());
  await page.getByLabel('Name (optional; defaults to the host name)').fill('Finance laptop');
  await page.getByRole('button', { name: 'Add this machine' }).click();

  await expect(page.getByRole('heading', { name: 'Finance laptop' })).toBeVisible();
  await expect(page.getByText(/through agent over HTTPS/)).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Operating system' })
      .getByText(os.hostname(), { exact: true }),
  ).toBeVisible();

  // The agent lists this console, under the name given with `pair --name`.
  const listed = await runAgentCli(['consoles', 'list', '--data-dir', agent.dataDir]);
  expect(listed.stdout).toMatch(/Helpdesk console\s+\S+ \S+ UTC\s+127\.0\.0\.1\s+active/);
});
