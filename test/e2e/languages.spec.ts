import { mkdir } from 'node:fs/promises';
import { LANGUAGES } from '@deskside/core';
import { catalogs, expectAccessible } from './console-page';
import { expect, test } from './fixtures';

const { en } = catalogs;
const SCREENSHOTS = 'test-results/screenshots';

test('every page, in every language: translated, accessible, and kept as a screenshot', async ({
  page,
  desk,
}) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(desk.host.url);
  const sidebar = page.getByRole('navigation');

  // One ticket so the ticket page has something to show.
  await page.getByRole('button', { name: en.tickets.new }).click();
  await page.getByLabel(en.tickets.requester).fill('Eleni Papadopoulou');
  await page.getByLabel(en.tickets.summary).fill('Printer offline');
  await page.getByRole('button', { name: en.tickets.create }).click();
  await expect(page.getByRole('heading', { name: /Printer offline/ })).toBeVisible();
  const ticketUrl = page.url();

  let shown: keyof typeof catalogs = 'en';
  for (const language of LANGUAGES) {
    const strings = catalogs[language];
    // The switcher's own label is in the language shown before the switch.
    await page.getByLabel(catalogs[shown].app.language, { exact: true }).selectOption(language);
    shown = language;
    // Some words are the same in two languages ("Tickets"): wait for the switch itself.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    await expect(sidebar.getByRole('link', { name: strings.nav.tickets })).toBeVisible();

    const pages: [string, () => Promise<void>][] = [
      [
        'tickets',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.tickets }).click();
          await expect(
            page.getByRole('heading', { name: strings.queue.title, level: 1 }),
          ).toBeVisible();
        },
      ],
      [
        'ticket',
        async () => {
          await page.goto(ticketUrl);
          await expect(page.getByRole('heading', { name: strings.evidence.title })).toBeVisible();
        },
      ],
      [
        'machines',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.machines }).click();
          await expect(
            page.getByRole('heading', { name: strings.machines.title, level: 1 }),
          ).toBeVisible();
        },
      ],
      [
        'machine',
        async () => {
          await page.getByRole('link', { name: strings.machines.thisComputer }).click();
          await expect(page.getByRole('region', { name: strings.inventory.memory })).toBeVisible();
        },
      ],
    ];
    for (const [name, open] of pages) {
      await open();
      await expectAccessible(page, `${name} (${language})`);
      await page.screenshot({ path: `${SCREENSHOTS}/${language}-${name}.png` });
    }
  }

  // The choice is a setting of this console: it survives a reload.
  await page.reload();
  await expect(sidebar.getByRole('link', { name: catalogs.el.nav.tickets })).toBeVisible();
});
