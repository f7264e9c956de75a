import { mkdir } from 'node:fs/promises';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { callApi, catalogs, fill, switchLanguage } from './kb-helpers';

const SCREENSHOTS = 'test-results/screenshots';
const { en, el, nl } = catalogs;

const HOSTILE_BODY = [
  '## Steps',
  '',
  '1. Open the **toner** door',
  '2. Shake the cartridge',
  '',
  '<script>window.pwned = "script"; alert("script")</script>',
  '',
  '<img src="x" onerror="window.pwned = \'img\'; alert(\'img\')">',
  '',
  '<a href="#" onclick="window.pwned = \'click\'">html link</a>',
  '',
  '[run me](javascript:window.pwned="link";alert("link"))',
].join('\n');

test.beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

test('an analyst writes an article in Markdown that cannot run code, edits it, and finds articles by search and filters', async ({
  page,
  desk,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk.host.url);
  await page.getByRole('navigation').getByRole('link', { name: en.kb.nav }).click();
  await expect(page.getByRole('heading', { name: en.kb.title, level: 1 })).toBeVisible();
  await expect(page.getByText(en.kb.empty)).toBeVisible();
  await expectAccessible(page, 'empty knowledge base');

  await page.getByRole('button', { name: en.kb.addStarters }).click();
  const titles = page.getByRole('table').getByRole('link');
  await expect(titles).toHaveCount(12);

  // Write an article whose text tries every way to run script.
  await page.getByRole('link', { name: en.kb.newArticle }).click();
  await page.getByLabel(en.kb.fieldTitle).fill('Printer prints blank pages');
  await page.getByLabel(en.kb.category).selectOption({ label: 'Printer › Print quality' });
  await page.getByLabel(en.kb.fieldTags).fill('Printer, toner');
  await page.getByLabel(en.kb.fieldBody).fill(HOSTILE_BODY);
  const preview = page.getByRole('region', { name: en.kb.preview });
  await expect(preview.getByRole('heading', { name: 'Steps' })).toBeVisible();
  await expectAccessible(page, 'article editor');
  await page.getByRole('button', { name: en.kb.save }).click();

  await expect(page.getByRole('heading', { name: 'Printer prints blank pages' })).toBeVisible();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { name: 'Steps' })).toBeVisible();
  await expect(article.locator('ol > li')).toHaveText([
    'Open the toner door',
    'Shake the cartridge',
  ]);
  // The HTML is text on the page, not elements: nothing ran, nothing loaded.
  await expect(article.getByText('<script>window.pwned = "script"')).toBeVisible();
  await expect(article.locator('script, img, iframe, [onerror], [onclick]')).toHaveCount(0);
  await expect(article.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await article.getByText('run me').click();
  await article.getByText('html link').click();
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.getByText('#printer')).toBeVisible();
  await expect(page.getByText('#toner')).toBeVisible();
  await expectAccessible(page, 'article view');
  await page.screenshot({ path: `${SCREENSHOTS}/en-kb-article.png` });

  // Edit it: the title changes, the version moves on.
  await page.getByRole('link', { name: en.kb.edit }).click();
  await page.getByLabel(en.kb.fieldTitle).fill('Printer prints blank or faded pages');
  await page.getByRole('button', { name: en.kb.save }).click();
  await expect(
    page.getByRole('heading', { name: 'Printer prints blank or faded pages' }),
  ).toBeVisible();

  // Search: case and accents do not matter, in any of the four languages.
  await page.getByRole('link', { name: en.kb.back }).click();
  const filters = page.getByRole('search');
  await filters.getByLabel(en.kb.search).fill('CARTRIDGE');
  await expect(titles).toHaveText(['Printer prints blank or faded pages']);
  await filters.getByLabel(en.kb.search).fill('εκτυπωτης συνδεσης');
  await expect(titles).toHaveText(['Ο εκτυπωτής εμφανίζεται εκτός σύνδεσης']);
  await filters.getByLabel(en.kb.search).fill('deverrouille');
  await expect(titles).toHaveText(['Compte verrouillé après trop de tentatives de connexion']);

  // Filters: language, category (with its sub-categories), tag.
  await filters.getByLabel(en.kb.search).fill('');
  await filters.getByLabel(en.kb.language).selectOption('fr');
  await expect(titles).toHaveCount(3);
  await filters.getByLabel(en.kb.category).selectOption({ label: 'Network › VPN' });
  await expect(titles).toHaveText(['Le VPN ne se connecte pas']);
  await filters.getByLabel(en.kb.language).selectOption('');
  await filters.getByLabel(en.kb.category).selectOption({ label: 'Printer' });
  await filters.getByLabel(en.kb.tag).selectOption('printer');
  await expect(titles).toHaveText([
    'Printer prints blank or faded pages',
    'Printer staat offline',
    'Printer shows as offline',
  ]);
  await filters.getByLabel(en.kb.tag).selectOption('');
  await filters.getByLabel(en.kb.category).selectOption('');
  await filters.getByLabel(en.kb.search).fill('no such words anywhere');
  await expect(page.getByText(en.kb.noResults)).toBeVisible();
  await filters.getByLabel(en.kb.search).fill('');
  await expect(titles).toHaveCount(13);
  await expectAccessible(page, 'knowledge base list');
  await page.screenshot({ path: `${SCREENSHOTS}/en-kb.png` });
});

test('in Greek: articles are suggested while the summary is typed, linked when the ticket is created, and marked as helped', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk.host.url);
  await switchLanguage(page, 'el');
  await callApi(page, 'kb.addStarterArticles', {});

  await page.getByRole('button', { name: el.tickets.new }).click();
  await page.getByLabel(el.tickets.requester).fill('Ελένη Παπαδοπούλου');
  const suggestions = page.getByRole('region', { name: el.kb.suggestions });
  await expect(suggestions.getByRole('status')).toHaveText(el.kb.noSuggestions);
  // Typed in capitals and without accents, as people type on the phone.
  await page.getByLabel(el.tickets.summary).pressSequentially('ΕΚΤΥΠΩΤΗΣ ΕΚΤΟΣ ΣΥΝΔΕΣΗΣ');
  const title = 'Ο εκτυπωτής εμφανίζεται εκτός σύνδεσης';
  await expect(suggestions.getByRole('listitem').first()).toContainText(title);
  await suggestions.getByRole('button', { name: title, exact: true }).click();
  await expect(suggestions.getByRole('heading', { name: 'Βήματα' })).toBeVisible();
  const use = suggestions.getByRole('button', { name: fill(el.kb.useForTicketNamed, { title }) });
  await use.click();
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'new ticket with suggestions (el)');
  await page.getByRole('button', { name: el.tickets.create }).click();

  // On the ticket: the article is linked; the analyst says it helped.
  const kb = page.getByRole('region', { name: el.kb.onTicket });
  await expect(kb.getByRole('link', { name: title })).toBeVisible();
  const verdict = kb.getByRole('group', { name: fill(el.kb.didItHelp, { title }) });
  await verdict.getByRole('button', { name: el.kb.helped, exact: true }).click();
  await expect(verdict.getByRole('button', { name: el.kb.helped, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(verdict.getByRole('button', { name: el.kb.notHelped, exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expectAccessible(page, 'ticket with its articles (el)');

  // The article counts the use and the verdict, and lists the ticket.
  await kb.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText(fill(el.kb.usedCount, { n: 1 }))).toBeVisible();
  await expect(page.getByText(fill(el.kb.helpedCount, { n: 1 }))).toBeVisible();
  await expect(page.getByText(fill(el.kb.notHelpedCount, { n: 0 }))).toBeVisible();
  await expect(page.getByRole('row', { name: /ΕΚΤΥΠΩΤΗΣ ΕΚΤΟΣ ΣΥΝΔΕΣΗΣ/ })).toContainText(
    el.kb.helped,
  );
  await expectAccessible(page, 'article view (el)');
  await page.screenshot({ path: `${SCREENSHOTS}/el-kb-article.png` });

  await page.getByRole('navigation').getByRole('link', { name: el.kb.nav }).click();
  await page.getByRole('search').getByLabel(el.kb.sort).selectOption('usage');
  await expect(page.getByRole('table').getByRole('link').first()).toHaveText(title);
  await expectAccessible(page, 'knowledge base list (el)');
  await page.screenshot({ path: `${SCREENSHOTS}/el-kb.png` });
});

test('in Dutch: an article is written from a resolved ticket, prefilled from it, and articles are linked from the ticket page', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk.host.url);
  await switchLanguage(page, 'nl');
  await callApi(page, 'kb.addStarterArticles', {});
  const created = await callApi(page, 'tickets.create', {
    requester: 'Sofie Janssens',
    channel: 'phone',
    summary: 'VPN valt elke paar minuten weg',
    description: 'Sinds de update van maandag, alleen thuis.',
    errorMessages: 'Fout 809',
    category: 'network/vpn',
  });
  await page.goto(`${desk.host.origin}/#/tickets/${created.id}`);
  const kb = page.getByRole('region', { name: nl.kb.onTicket });
  await expect(kb.getByText(nl.kb.noneLinked)).toBeVisible();
  // Not resolved yet: no article from it.
  await expect(kb.getByRole('link', { name: nl.kb.writeFromTicket })).toHaveCount(0);

  // Link from the ticket page: a search, then the article's button; and take it back.
  await kb.getByLabel(nl.kb.findToLink).fill('vpn verbinding');
  const vpn = 'VPN maakt geen verbinding';
  const use = kb.getByRole('button', { name: fill(nl.kb.useForTicketNamed, { title: vpn }) });
  await use.click();
  await expect(
    kb.getByRole('listitem').filter({ has: page.getByRole('link', { name: vpn }) }),
  ).toBeVisible();
  await expectAccessible(page, 'ticket with a linked article (nl)');
  await kb.getByRole('button', { name: fill(nl.kb.unlinkNamed, { title: vpn }) }).click();
  await expect(kb.getByText(nl.kb.noneLinked)).toBeVisible();

  await callApi(page, 'tickets.resolve', {
    id: created.id,
    expectedVersion: created.version,
    resolutionCode: 'fixed',
    resolutionNotes:
      'VPN-profiel opnieuw geïnstalleerd en energiebeheer van de wifikaart uitgezet.',
  });
  await kb.getByRole('link', { name: nl.kb.writeFromTicket }).click();

  await expect(page.getByText(fill(nl.kb.prefilledFrom, { id: created.id }))).toBeVisible();
  await expect(page.getByLabel(nl.kb.fieldTitle)).toHaveValue('VPN valt elke paar minuten weg');
  await expect(page.getByLabel(nl.kb.category)).toHaveValue('network/vpn');
  await expect(page.getByLabel(nl.kb.language)).toHaveValue('nl');
  const body = page.getByLabel(nl.kb.fieldBody);
  await expect(body).toHaveValue(/## Probleem\n\nSinds de update van maandag, alleen thuis\./);
  await expect(body).toHaveValue(/## Foutmeldingen\n\n```\nFout 809\n```/);
  await expect(body).toHaveValue(/## Oplossing\n\nVPN-profiel opnieuw geïnstalleerd/);
  await expect(
    page.getByRole('region', { name: nl.kb.preview }).getByRole('heading', { name: 'Oplossing' }),
  ).toBeVisible();
  await page.getByLabel(nl.kb.fieldTags).fill('vpn, wifi');
  await expectAccessible(page, 'article editor prefilled from a ticket (nl)');
  await page.screenshot({ path: `${SCREENSHOTS}/nl-kb-editor.png` });
  await page.getByRole('button', { name: nl.kb.save }).click();

  await expect(
    page.getByRole('heading', { name: 'VPN valt elke paar minuten weg', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: fill(nl.kb.ticketNumber, { id: created.id }) }).first(),
  ).toBeVisible();
  await expect(page.getByText(fill(nl.kb.usedCount, { n: 1 }))).toBeVisible();
  // And the ticket shows the article written from it.
  await page.goto(`${desk.host.origin}/#/tickets/${created.id}`);
  await expect(kb.getByRole('link', { name: 'VPN valt elke paar minuten weg' })).toBeVisible();
});
