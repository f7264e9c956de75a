import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { callApi, catalogs, fill, switchLanguage } from './kb-helpers';
import { expect, test } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';
const { en, nl } = catalogs;

test.beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
});

/** The person form, found by its title. */
const personForm = (page: Page, title: string) => page.getByRole('form', { name: title });

test('an analyst adds a caller with their machine, finds them as they type, corrects them, and opens their tickets', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk.host.url);
  const sidebar = page.getByRole('navigation', { name: en.nav.main });
  await sidebar.getByRole('link', { name: en.nav.people }).click();
  await expect(page.getByRole('heading', { name: en.people.title, level: 1 })).toBeVisible();
  await expect(page.getByText(en.people.empty)).toBeVisible();
  await expectAccessible(page, 'empty people directory');

  // Added with mistakes first: each field says what is wrong, in the analyst's language.
  await page.getByRole('link', { name: en.people.add }).click();
  const form = personForm(page, en.people.addTitle);
  await form.getByLabel(en.people.fields.email).fill('jan(at)example');
  await form.getByLabel(en.people.fields.phone).fill('call me');
  await form.getByRole('button', { name: en.people.machines.add }).click();
  await form.getByRole('button', { name: en.people.create }).click();
  const name = form.getByLabel(en.people.fields.name, { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(en.ticket.form.required)).toHaveCount(2);
  await expect(form.getByText(en.ticket.form.email)).toBeVisible();
  await expect(form.getByText(en.ticket.form.phone)).toBeVisible();
  await expectAccessible(page, 'person form with errors');
  await page.screenshot({ path: `${SCREENSHOTS}/en-person-errors.png` });

  await name.fill('Jan de Vries');
  await form.getByLabel(en.people.fields.department).fill('Finance');
  await form.getByLabel(en.people.fields.location).fill('Ghent, 3rd floor');
  await form.getByLabel(en.people.fields.phone).fill('+32 9 123 45 67');
  await form.getByLabel(en.people.fields.email).fill('jan@example.org');
  await form.getByLabel(fill(en.people.machines.name, { number: 1 })).fill('FIN-LT-12');
  await form
    .getByLabel(fill(en.people.machines.record, { number: 1 }))
    .selectOption({ label: en.machines.thisComputer });
  await form.getByRole('button', { name: en.people.machines.add }).click();
  await form.getByLabel(fill(en.people.machines.name, { number: 2 })).fill('Desk scanner');
  await form.getByRole('button', { name: en.people.create }).click();

  // Their page: details, machines (the console's one opens its page), no tickets yet.
  await expect(page.getByRole('heading', { name: 'Jan de Vries', level: 1 })).toBeVisible();
  const details = page.getByRole('region', { name: en.people.details });
  await expect(details).toContainText('Ghent, 3rd floor');
  await expect(details).toContainText('jan@example.org');
  const machines = page.getByRole('region', { name: en.people.machines.title });
  await expect(machines.getByRole('link', { name: 'FIN-LT-12' })).toBeVisible();
  await expect(machines).toContainText(`Desk scanner ${en.people.machines.notInConsole}`);
  await expect(page.getByText(en.people.tickets.none)).toBeVisible();

  // Corrected: they moved.
  await page.getByRole('button', { name: en.people.edit }).click();
  const edit = personForm(page, fill(en.people.editTitle, { name: 'Jan de Vries' }));
  await edit.getByLabel(en.people.fields.location).fill('Antwerp, 1st floor');
  await edit.getByRole('button', { name: fill(en.people.machines.remove, { number: 2 }) }).click();
  await edit.getByRole('button', { name: en.people.save }).click();
  await expect(page.getByRole('status').filter({ hasText: en.people.saved })).toBeVisible();
  await expect(details).toContainText('Antwerp, 1st floor');
  await expect(machines).not.toContainText('Desk scanner');

  // A call taken for them shows on their page, and opens the ticket; the ticket leads back.
  const jan = (await callApi(page, 'people.list', { search: 'jan' }))[0]!;
  await callApi(page, 'people.create', { name: 'Marie Dubois', email: 'marie@example.org' });
  await callApi(page, 'tickets.create', {
    requesterId: jan.id,
    channel: 'phone',
    summary: 'Printer offline',
  });
  const tickets = page.getByRole('region', { name: en.people.tickets.title });
  await tickets.getByRole('link', { name: /Printer offline/ }).click();
  await expect(page.getByRole('heading', { name: /Printer offline/ })).toBeVisible();
  await page
    .getByRole('region', { name: en.ticket.header.details })
    .getByRole('link', { name: 'Jan de Vries' })
    .click();
  await expect(page.getByRole('heading', { name: 'Jan de Vries', level: 1 })).toBeVisible();

  // Found as the analyst types, by name or e-mail.
  await sidebar.getByRole('link', { name: en.nav.people }).click();
  const rows = page.getByRole('table').getByRole('link');
  await expect(rows).toHaveText(['Jan de Vries', 'Marie Dubois']);
  const search = page.getByRole('searchbox', { name: en.people.search });
  await search.pressSequentially('MARIE@');
  await expect(rows).toHaveText(['Marie Dubois']);
  await search.fill('nobody');
  await expect(page.getByText(fill(en.people.noMatches, { search: 'nobody' }))).toBeVisible();
  await search.fill('vries');
  await expect(rows).toHaveText(['Jan de Vries']);
  await expectAccessible(page, 'people directory');
  await page.screenshot({ path: `${SCREENSHOTS}/en-people.png` });
});

test('an edit another analyst saved first is refused and explained, then made on top of theirs (Dutch)', async ({
  page,
  desk,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto(desk.host.url);
  await switchLanguage(page, 'nl');
  const eleni = await callApi(page, 'people.create', {
    name: 'Eleni Papadopoulou',
    location: 'Brussel',
    phone: '+32 2 555 01 01',
  });
  const personUrl = `${desk.host.origin}/#/people/${eleni.id}`;

  // Anna starts to correct Eleni's phone number...
  await page.goto(personUrl);
  await page.getByRole('button', { name: nl.people.edit }).click();
  const form = personForm(page, fill(nl.people.editTitle, { name: 'Eleni Papadopoulou' }));
  await form.getByLabel(nl.people.fields.phone).fill('+32 470 11 22 33');

  // ...while Bram, in another browser (the console speaks Dutch to him too), moves her to Liège and saves first.
  const bram = await (await browser.newContext()).newPage();
  await bram.goto(desk.host.url);
  await bram.goto(personUrl);
  await bram.getByRole('button', { name: nl.people.edit }).click();
  const bramsForm = personForm(bram, fill(nl.people.editTitle, { name: 'Eleni Papadopoulou' }));
  await bramsForm.getByLabel(nl.people.fields.location).fill('Liège');
  await bramsForm.getByRole('button', { name: nl.people.save }).click();
  await expect(bram.getByRole('region', { name: nl.people.details })).toContainText('Liège');

  // Anna's save is refused, and says what Bram changed; what she typed is still there.
  await form.getByRole('button', { name: nl.people.save }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText(nl.people.stale.title);
  await expect(alert).toContainText(
    fill(nl.people.stale.change, { field: nl.people.fields.location, value: 'Liège' }),
  );
  await expect(form.getByLabel(nl.people.fields.phone)).toHaveValue('+32 470 11 22 33');
  await expectAccessible(page, 'stale person edit (nl)');
  await page.screenshot({ path: `${SCREENSHOTS}/nl-person-stale.png` });
  expect((await callApi(page, 'people.get', { id: eleni.id })).phone).toBe('+32 2 555 01 01');

  // She carries on from Bram's version: his location, her phone number.
  await alert.getByRole('button', { name: nl.people.stale.reload }).click();
  await expect(form.getByLabel(nl.people.fields.location)).toHaveValue('Liège');
  await expect(form.getByLabel(nl.people.fields.phone)).toHaveValue('+32 470 11 22 33');
  await form.getByRole('button', { name: nl.people.save }).click();
  await expect(page.getByRole('status').filter({ hasText: nl.people.saved })).toBeVisible();
  expect(await callApi(page, 'people.get', { id: eleni.id })).toMatchObject({
    version: 3,
    location: 'Liège',
    phone: '+32 470 11 22 33',
  });

  // Bram's open page hears of Anna's change without a reload.
  await expect(bram.getByRole('region', { name: nl.people.details })).toContainText(
    '+32 470 11 22 33',
  );
});
