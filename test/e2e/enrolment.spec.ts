import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runAgentCli } from '../helpers/agent-cli';
import { expect, test } from './fixtures';

test('an analyst issues an enrolment file, and adds the PC whose agent took it by its address alone', async ({
  page,
  desk,
  agent,
}) => {
  await page.goto(desk.host.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Machines' })
    .click();

  const issue = page.getByRole('form', { name: 'Issue enrolment file' });
  await issue.getByLabel('Label').fill('Finance laptops');
  await issue.getByLabel('Machines at most').fill('25');
  await issue.getByRole('button', { name: 'Issue enrolment file' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download enrolment.json' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('enrolment.json');
  const file = path.join(agent.dataDir, 'downloaded-enrolment.json');
  await download.saveAs(file);
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
    format: 'deskside-enrolment',
    label: 'Finance laptops',
    maxMachines: 25,
  });

  // What the software-distribution tool runs on the PC.
  const enrolled = await runAgentCli(['enrol', '--file', file, '--data-dir', agent.dataDir], {
    DESKSIDE_AGENT_CONFIG: path.join(agent.dataDir, 'test-config.json'),
  });
  expect(enrolled.stdout).toContain('Enrolled with the desk');

  await page.getByRole('button', { name: 'Add machine' }).click();
  await page.getByLabel('With the agent, enrolled by a file (no code)').check();
  const add = page.getByRole('form', { name: 'Add an enrolled machine' });
  await add.getByLabel('Address').fill('127.0.0.1');
  await add.getByLabel('Port').fill(String(agent.port));
  await add.getByLabel('Name (optional; defaults to the host name)').fill('Finance laptop 1');
  await add.getByRole('button', { name: 'Add enrolled machine' }).click();
  await expect(page.getByRole('heading', { name: 'Finance laptop 1' })).toBeVisible();
  await expect(page.getByText(/through agent over HTTPS/)).toBeVisible();

  // The file counts the machine, and stops adding machines once revoked.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Machines' })
    .click();
  const row = page.getByRole('row', { name: /Finance laptops/ });
  await expect(row.getByRole('cell', { name: '1 of 25' })).toBeVisible();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByRole('cell', { name: 'Revoked' })).toBeVisible();
});
