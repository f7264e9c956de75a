import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { TicketStatusSchema } from '@deskside/core';
import { startConsoleHost } from '../helpers/console-host';
import { seededDataDir } from '../helpers/seeded-data';

test('the console opens a database filled by the seed generator', async ({ page }) => {
  const dataDir = await seededDataDir(300);
  try {
    const host = await startConsoleHost(dataDir);
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: 'Ticket queue' })).toBeVisible();
      // Every ticket, whatever its status: the seed made 300.
      await page.goto(`${host.origin}/#/tickets?status=${TicketStatusSchema.options.join(',')}`);
      // The list loads page by page as its end comes into view.
      const list = page.getByRole('listbox', { name: 'Tickets in the queue' });
      await expect(async () => {
        await list.press('End');
        await expect(page.getByText('Tickets: 300', { exact: true })).toBeVisible({
          timeout: 1000,
        });
      }).toPass();
      await list.press('Home');
      // The virtual list reuses its rows while it scrolls back: read the first row only once
      // it is the active one at the top.
      await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBe(0);
      const first = list.getByRole('option').first();
      await expect(first).toHaveAttribute('aria-selected', 'true');
      const number = (await first.locator('.queue-id').innerText()).replace('#', '');
      await first.click();
      await expect(page.getByRole('heading', { name: `Ticket #${number}:` })).toBeVisible();
    } finally {
      await host.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
