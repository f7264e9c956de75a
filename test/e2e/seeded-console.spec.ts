import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startConsoleHost } from '../helpers/console-host';
import { ManagedProcess } from '../helpers/managed-process';

const SEED = fileURLToPath(new URL('../../scripts/seed.ts', import.meta.url));

test('the console opens a database filled by the seed generator', async ({ page }) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-seed-'));
  try {
    const seed = await ManagedProcess.start(
      process.execPath,
      ['--import', 'tsx', SEED, '--tickets', '300', '--data-dir', dataDir],
      { label: 'npm run seed', env: { NODE_OPTIONS: '', DESKSIDE_DATABASE_URL: '' } },
    );
    expect((await seed.waitForExit(120_000)).code, seed.output()).toBe(0);

    const host = await startConsoleHost(dataDir);
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
      await expect(page.locator('table.list tbody tr')).toHaveCount(300);
      await page.locator('table.list tbody a').first().click();
      await expect(page.getByRole('heading', { name: /Ticket #300/ })).toBeVisible();
    } finally {
      await host.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
