import { rm } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { TicketStatusSchema, WEEKDAYS, type BusinessCalendar } from '@deskside/core';
import { startConsoleHost, type RunningConsoleHost } from '../helpers/console-host';
import { seededDataDir } from '../helpers/seeded-data';
import { callApi, catalogs, expectAccessible, switchLanguage } from './console-page';
import { expect, test } from './fixtures';

const { en, fr } = catalogs;
const SEEDED = 400;
let dataDir: string;
let host: RunningConsoleHost;

test.beforeAll(async () => {
  dataDir = await seededDataDir(SEEDED);
  host = await startConsoleHost(dataDir);
});
test.afterAll(async () => {
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const list = (page: Page) => page.getByRole('listbox', { name: en.queue.listLabel });
const row = (page: Page, text: string | RegExp) => list(page).getByRole('option', { name: text });
const clear = (page: Page) => page.getByRole('button', { name: en.queue.clearFilters }).click();
const search = async (page: Page, text: string) => {
  await page.getByLabel(en.queue.search).fill(text);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text)}`));
};

test('the queue: search, every filter, sort, SLA badges and keyboard, over 400 seeded tickets', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: en.queue.title, level: 1 })).toBeVisible();
  const { analyst } = await callApi(page, 'app.info', {});

  // A desk open around the clock, whose clocks turn "at risk" a few seconds after creation.
  const config = await callApi(page, 'workflow.config', {});
  const target = { firstResponseMinutes: 1000, resolutionMinutes: 1000 };
  await callApi(page, 'workflow.configure', {
    groups: config.groups.map((g) => (g.id === 'network' ? { ...g, members: [analyst] } : g)),
    sla: {
      calendar: {
        timeZone: 'UTC',
        holidays: [],
        workingHours: Object.fromEntries(
          WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
        ) as BusinessCalendar['workingHours'],
      },
      targets: { 1: target, 2: target, 3: target, 4: target, 5: target },
      atRiskShare: 0.9999,
    },
  });
  const printer = await callApi(page, 'tickets.create', {
    requester: 'Jan Peeters',
    channel: 'phone',
    summary: 'Printer ZQX7 jams on floor 3',
    category: 'printer/paper-jam',
    impact: 'high',
    urgency: 'high',
    assignee: analyst,
  });
  await callApi(page, 'tickets.create', {
    requester: 'Ελένη Παπαδοπούλου',
    channel: 'email',
    summary: 'Ο εκτυπωτής ΩΨΦ9 δεν τυπώνει',
    impact: 'low',
    urgency: 'low',
    groupId: 'service-desk',
  });
  const vpn = await callApi(page, 'tickets.create', {
    requester: 'Marie Dupont',
    channel: 'chat',
    summary: 'VPN KLM4 disconnects every hour',
    category: 'network/vpn',
    groupId: 'network',
  });
  await callApi(page, 'tickets.setStatus', {
    id: vpn.id,
    expectedVersion: vpn.version,
    status: 'waiting_on_user',
  });
  await page.reload();
  await expectAccessible(page, 'queue (en)');

  // Full-text search, whatever the case or accents typed.
  await search(page, 'zqx7');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(row(page, /Printer ZQX7/)).toBeVisible();
  await search(page, 'ωψφ9');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(row(page, /Ο εκτυπωτής ΩΨΦ9/)).toBeVisible();
  await clear(page);
  await expect(page).not.toHaveURL(/q=/);

  // Mine: the seed assigns its tickets to other analysts.
  await page.getByLabel(en.queue.mine).check();
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(row(page, /Printer ZQX7/)).toContainText(analyst);
  await clear(page);

  // Each filter narrows the queue; a search for one of our tickets then finds it or not.
  const options = list(page).getByRole('option');
  const noMatch = page.getByText(en.queue.noMatch);

  // My groups: the analyst is in the network team, not the service desk.
  await page.getByLabel(en.queue.myGroups).check();
  await search(page, 'klm4');
  await expect(options).toHaveCount(1);
  await expect(row(page, /VPN KLM4/)).toBeVisible();
  await search(page, 'ωψφ9');
  await expect(noMatch).toBeVisible();
  await clear(page);

  // Status and channel together.
  await page
    .getByRole('group', { name: en.queue.status })
    .getByLabel(en.status.waiting_on_user)
    .check();
  await page.getByRole('group', { name: en.queue.channel }).getByLabel(en.channel.chat).check();
  await expect(options.first()).toBeVisible();
  for (const status of await list(page).locator('.queue-status').allInnerTexts()) {
    expect(status).toBe(en.status.waiting_on_user);
  }
  await search(page, 'klm4');
  await expect(row(page, /VPN KLM4/)).toBeVisible();
  await search(page, 'zqx7');
  await expect(noMatch).toBeVisible();
  await clear(page);

  // A category takes in everything under it.
  await page.getByLabel(en.queue.category).selectOption('printer');
  await search(page, 'zqx7');
  await expect(row(page, /Printer ZQX7/)).toBeVisible();
  await search(page, 'klm4');
  await expect(noMatch).toBeVisible();
  await clear(page);

  // SLA at risk or breached, with priority 1: the new ticket is at risk, older ones breached.
  await expect.poll(() => Date.now()).toBeGreaterThan(Date.parse(printer.slaAtRiskAt ?? ''));
  await page
    .getByRole('group', { name: en.queue.priority })
    .getByLabel(en.queue.priorityName[1])
    .check();
  await page.getByLabel(en.queue.slaAtRisk).check();
  await expect(options.first()).toBeVisible();
  for (const badge of await list(page).locator('.queue-sla').allInnerTexts()) {
    expect([en.queue.sla.at_risk, en.queue.sla.breached]).toContain(badge);
  }
  await search(page, 'zqx7');
  await expect(row(page, /Printer ZQX7/)).toContainText(en.queue.sla.at_risk);
  // The filters live in the address: a reload keeps them.
  await page.reload();
  await expect(page.getByLabel(en.queue.slaAtRisk)).toBeChecked();
  await expect(row(page, /Printer ZQX7/)).toBeVisible();
  await clear(page);

  // Sort by ticket number, both ways.
  await page.getByLabel(en.queue.sortBy).selectOption('id');
  await page.getByLabel(en.queue.direction).selectOption('desc');
  await expect(list(page).getByRole('option').first()).toContainText(`#${vpn.id}`);
  await page.getByLabel(en.queue.direction).selectOption('asc');
  await expect(list(page).getByRole('option').first()).not.toContainText(`#${vpn.id}`);
  const [first, second] = (await list(page).locator('.queue-id').allInnerTexts()).map((id) =>
    Number(id.replace('#', '')),
  );
  expect(first).toBeLessThan(second!);

  // Every status: more tickets than one page; the list renders only what is in view.
  for (const status of TicketStatusSchema.options) {
    await page.getByRole('group', { name: en.queue.status }).getByLabel(en.status[status]).check();
  }
  const total = SEEDED + 3;
  await list(page).focus();
  await expect(async () => {
    await list(page).press('End');
    await expect(page.getByText(`Tickets: ${total}`, { exact: true })).toBeVisible({
      timeout: 1000,
    });
  }).toPass();
  // End goes to the last row loaded: once every row is, it is the queue's last.
  await list(page).press('End');
  const last = list(page).getByRole('option').last();
  await expect(last).toHaveAttribute('aria-posinset', String(total));
  await expect(last).toHaveAttribute('aria-setsize', String(total));
  expect(await list(page).getByRole('option').count()).toBeLessThan(80);

  // Keyboard: Home, two rows down, Enter opens that ticket.
  await list(page).press('Home');
  await list(page).press('ArrowDown');
  await list(page).press('j');
  const active = await list(page).getAttribute('aria-activedescendant');
  await expect(list(page).getByRole('option').nth(2)).toHaveAttribute('id', active ?? '');
  await expect(page.locator(`#${active}`)).toHaveAttribute('aria-selected', 'true');
  const third = (await page.locator(`#${active} .queue-id`).innerText()).replace('#', '');
  await list(page).press('Enter');
  await expect(page.getByRole('heading', { name: `Ticket #${third}:`, level: 1 })).toBeVisible();

  // Back in the queue, "/" goes to the search box.
  await page.goBack();
  await expect(list(page)).toBeVisible();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(page.getByLabel(en.queue.search)).toBeFocused();

  // The same queue in French.
  await switchLanguage(page, 'en', 'fr');
  await expect(page.getByRole('heading', { name: fr.queue.title, level: 1 })).toBeVisible();
  await expect(page.getByRole('listbox', { name: fr.queue.listLabel })).toBeVisible();
  await expectAccessible(page, 'queue (fr)');
});
