import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startConsoleHost, type RunningConsoleHost } from '../helpers/console-host';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';

let cluster: PostgresCluster;
const hosts: RunningConsoleHost[] = [];
const dataDirs: string[] = [];

test.beforeAll(async () => {
  cluster = await startPostgres();
});
test.afterAll(async () => {
  for (const host of hosts) await host.stop();
  await cluster.stop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** A console host of its own (own data folder) on the shared PostgreSQL database. */
async function consoleOn(databaseUrl: string): Promise<RunningConsoleHost> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-live-'));
  dataDirs.push(dataDir);
  const host = await startConsoleHost(dataDir, { DESKSIDE_DATABASE_URL: databaseUrl });
  hosts.push(host);
  return host;
}

test('a ticket created in one console appears in another console’s queue without a reload', async ({
  browser,
}) => {
  const databaseUrl = await cluster.createDatabase();
  const [first, second] = [await consoleOn(databaseUrl), await consoleOn(databaseUrl)];
  const anna = await (await browser.newContext()).newPage();
  const bram = await (await browser.newContext()).newPage();
  await anna.goto(first.url);
  await bram.goto(second.url);
  await expect(bram.getByText('No tickets yet.', { exact: false })).toBeVisible();
  // Survives only as long as the page is not reloaded.
  await bram.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  await anna.getByRole('button', { name: 'New ticket' }).click();
  await anna.getByLabel('Requester').fill('Dimitra Kosta');
  await anna.getByLabel('Summary').fill('Η οθόνη τρεμοπαίζει');
  await anna.getByRole('button', { name: 'Create ticket' }).click();
  await expect(anna.getByRole('heading', { name: /Ticket #1: Η οθόνη τρεμοπαίζει/ })).toBeVisible();

  await expect(bram.getByRole('option', { name: /Η οθόνη τρεμοπαίζει/ })).toBeVisible();
  expect(
    await bram.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
});
