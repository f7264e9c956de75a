import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { colourBox, inkedShare, renderPdf } from '../helpers/pdf-pages';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { callApi, catalogs, fill } from './kb-helpers';

const { en } = catalogs;
const SCREENSHOTS = 'test-results/screenshots';

test.beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

/** A date (YYYY-MM-DD) in this machine's calendar, `days` from today. */
function day(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function createTickets(page: Page) {
  const made = [];
  for (const [summary, category] of [
    ['Paper jam in the second-floor printer', 'printer/paper-jam'],
    ['Printer jams on every duplex job', 'printer/paper-jam'],
    ['Paper stuck in tray 2', 'printer/paper-jam'],
    ['VPN drops every few minutes', 'network/vpn'],
  ] as const) {
    made.push(
      await callApi(page, 'tickets.create', {
        requester: 'Sofie Janssens',
        channel: 'phone',
        summary,
        category,
        groupId: 'service-desk',
      }),
    );
  }
  return made;
}

test('a desk lead opens reports, narrows the period, follows a group to its tickets and exports a PDF and a CSV', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk.host.url);
  await expect(
    page.getByRole('navigation').getByRole('link', { name: en.nav.reports }),
  ).toBeVisible();
  await createTickets(page);

  await page.getByRole('navigation').getByRole('link', { name: en.nav.reports }).click();
  await expect(page.getByRole('heading', { name: en.reports.title, level: 1 })).toBeVisible();
  // The last 4 complete weeks hold none of today's tickets.
  await expect(page.getByText(en.reports.empty).first()).toBeVisible();

  // A custom period that includes today: the address keeps it.
  await page.getByLabel(en.reports.filter.period).selectOption('custom');
  await page.getByLabel(en.reports.filter.from, { exact: true }).fill(day(-6));
  await page.getByLabel(en.reports.filter.to, { exact: true }).fill(day(0));
  const groupsName = fill(en.reports.recurring.groups, {
    dimension: en.reports.dimension.category,
  });
  const groups = page.getByRole('table', { name: groupsName });
  const paperJam = groups.getByRole('row', { name: /Printer › Paper jam/ });
  await expect(paperJam).toBeVisible();
  await expect(paperJam.getByRole('cell').first()).toHaveText('3');
  await expect(groups.getByRole('row', { name: /Network › VPN/ })).toBeVisible();
  expect(page.url()).toContain(`period=custom&from=${day(-6)}&to=${day(0)}`);
  await expectAccessible(page, 'reports: recurring problems');
  await page.screenshot({ path: `${SCREENSHOTS}/en-reports-recurring.png`, fullPage: true });

  // A narrower filter: only the printer category.
  await page.getByLabel(en.kb.category).selectOption('printer');
  await expect(groups.getByRole('row', { name: /Network › VPN/ })).toHaveCount(0);
  await expect(paperJam).toBeVisible();
  expect(page.url()).toContain('category=printer');

  // The tickets behind the group, and on to one of them.
  await paperJam
    .getByRole('button', {
      name: fill(en.reports.groupTickets.openNamed, { group: 'Printer › Paper jam' }),
    })
    .click();
  const behind = page.getByRole('region', {
    name: fill(en.reports.groupTickets.title, { group: 'Printer › Paper jam' }),
  });
  await expect(behind.getByRole('link')).toHaveCount(3);
  await expectAccessible(page, "reports: a group's tickets");
  await behind.getByRole('link', { name: 'Paper stuck in tray 2' }).click();
  await expect(page.getByRole('heading', { name: /Paper stuck in tray 2/ })).toBeVisible();

  // Back: the address re-opens the same view.
  await page.goBack();
  await expect(paperJam).toBeVisible();
  await expect(page.getByLabel(en.kb.category)).toHaveValue('printer');

  // The PDF: a real PDF, in pages that carry ink, with the chart's bars and the table's text.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: en.reports.export.pdf }).click();
  const pdfFile = await pdfDownload;
  expect(pdfFile.suggestedFilename()).toMatch(/^deskside-recurring-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await readFile(await pdfFile.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const rendered = await renderPdf(pdf);
  expect(rendered.pages.length).toBeGreaterThanOrEqual(1);
  for (const shown of rendered.pages) expect(inkedShare(shown)).toBeGreaterThan(0.005);
  expect(colourBox(rendered.pages[0]!, '#2563eb')?.count ?? 0).toBeGreaterThan(50);
  expect(rendered.text).toContain(en.reports.recurring.title);
  expect(rendered.text).toContain('Printer › Paper jam');
  expect(rendered.text).toContain(en.reports.recurring.machines);

  // The CSV: UTF-8 with its byte order mark, the group's row quoted as RFC 4180 says.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: en.reports.export.csv }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain(`\r\n${groupsName}\r\n`);
  expect(csv).toContain('\r\nPrinter › Paper jam,3,0,+3,—\r\n');

  // The service figures for the same filters.
  await page.getByRole('tab', { name: en.reports.service.title }).click();
  const cards = page.getByRole('list', { name: en.reports.service.figures });
  await expect(
    cards.getByRole('listitem').filter({ hasText: en.reports.figure.created }),
  ).toContainText('3');
  await expect(page.getByRole('table', { name: en.reports.service.backlog })).toBeVisible();
  await expectAccessible(page, 'reports: service figures');
  await page.screenshot({ path: `${SCREENSHOTS}/en-reports-service.png`, fullPage: true });

  // The address alone re-opens the same view (a link, a bookmark, a reload).
  const link = page.url();
  expect(link).toContain('tab=service');
  await page.getByRole('navigation').getByRole('link', { name: en.nav.tickets }).click();
  await expect(page.getByRole('heading', { name: en.queue.title, level: 1 })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('tab', { name: en.reports.service.title })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByLabel(en.kb.category)).toHaveValue('printer');
  await expect(page.getByLabel(en.reports.filter.from, { exact: true })).toHaveValue(day(-6));
  await expect(cards).toBeVisible();

  // Saved under a name, and run now: the run is stored and opens.
  await page.getByLabel(en.reports.saved.name).fill('Printer figures');
  await page.getByRole('button', { name: en.reports.saved.save }).click();
  const saved = page.getByRole('listitem').filter({ hasText: 'Printer figures' });
  await expect(saved).toBeVisible();

  // Re-opened with the same filters after they were changed.
  await page.getByLabel(en.kb.category).selectOption('');
  await page.getByLabel(en.reports.filter.from, { exact: true }).fill(day(-3));
  await expect(page.getByLabel(en.kb.category)).toHaveValue('');
  await saved.getByRole('button', { name: en.reports.saved.open }).click();
  await expect(page.getByLabel(en.kb.category)).toHaveValue('printer');
  await expect(page.getByLabel(en.reports.filter.from, { exact: true })).toHaveValue(day(-6));
  await expect(page.getByLabel(en.reports.filter.to, { exact: true })).toHaveValue(day(0));
  await expect(
    cards.getByRole('listitem').filter({ hasText: en.reports.figure.created }),
  ).toContainText('3');
  await saved.getByRole('button', { name: en.reports.saved.runs }).click();
  await saved.getByRole('button', { name: en.reports.saved.runNow }).click();
  await expect(saved.getByRole('list', { name: en.reports.service.figures })).toBeVisible();
});
