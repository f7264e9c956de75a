import path from 'node:path';
import type { Response } from '@playwright/test';
import { catalogs, switchLanguage } from './console-page';
import { expect, test } from './fixtures';

const { en, el } = catalogs;

/** The chunk a script came from, by the name the build gives it ("TicketPage", "en"). */
const chunkName = (response: Response) =>
  path.basename(new URL(response.url()).pathname).replace(/-[\w-]{8}\.js$/, '');

test('the console opens on the queue with the analyst’s language; other pages and languages load when opened', async ({
  page,
  desk,
}) => {
  const scripts: Response[] = [];
  const refused: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  const loaded = () => scripts.map(chunkName);
  const reads: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && pathname !== '/api/events') reads.push(pathname.slice(5));
  });
  const timesRead = (method: string) => reads.filter((read) => read === method).length;

  // core's chunk (the contract's schemas, a third of a second to evaluate here) is held back
  // until the page has asked for the queue and fetched its strings: the entry must not wait
  // for it. Held for good, the page would never ask; after a while it is let go, and noted.
  const askedWhileCoreHeld: string[] = [];
  let askedBeforeRelease: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/api/tickets.queue') askedWhileCoreHeld.push('tickets.queue');
    if (/\/en-[\w-]{8}\.js$/.test(pathname)) askedWhileCoreHeld.push('en');
  });
  await page.route(/\/assets\/core-[\w-]{8}\.js$/, async (route) => {
    const deadline = Date.now() + 15_000;
    while (askedWhileCoreHeld.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    askedBeforeRelease = [...askedWhileCoreHeld];
    await route.continue();
  });

  await page.goto(desk.host.url);
  await expect(page.getByRole('heading', { name: en.queue.title })).toBeVisible();
  expect(askedBeforeRelease.sort(), 'asked while core was held back').toEqual([
    'en',
    'tickets.queue',
  ]);
  // The queue has answered (this desk has no tickets) and the page has settled.
  await expect(page.getByText(en.tickets.empty)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: en.queue.shown.split(':')[0]! }),
  ).toBeVisible();
  // The page's entry asked for the queue's first page, the profile and the desk's settings
  // before the console's code ran; the console used those answers rather than asking again.
  for (const method of ['tickets.queue', 'profile.get', 'workflow.config']) {
    expect(timesRead(method), method).toBe(1);
  }
  // The queue's code is the console's own (the page it opens on); each other page is a chunk.
  expect(loaded()).toContain('en');
  for (const elsewhere of [
    'TicketPage',
    'SettingsPage',
    'KbPage',
    'PeoplePage',
    'ReportsPage',
    'ArticleMarkdown',
    'nl',
    'fr',
  ]) {
    expect(loaded()).not.toContain(elsewhere);
  }
  // Chunks are named by their content, so the host lets the browser keep them.
  for (const script of scripts) {
    expect(script.headers()['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers()['cache-control']).toContain('immutable');
  }

  expect(loaded()).not.toContain('el');
  await switchLanguage(page, 'en', 'el');
  await expect(page.getByRole('heading', { name: el.queue.title })).toBeVisible();
  expect(loaded()).toContain('el');

  await page
    .getByRole('navigation', { name: el.nav.main })
    .getByRole('link', { name: el.nav.settings })
    .click();
  await expect(
    page.getByRole('heading', { name: el.settings.profile.title, level: 2 }),
  ).toBeVisible();
  expect(loaded()).toContain('SettingsPage');
  expect(refused).toEqual([]);
});
