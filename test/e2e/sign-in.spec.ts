/**
 * Signing in at the console: a console started with the desk's address alone opens on the
 * sign-in screen; a wrong password is refused at the form, the right one opens the queue, and
 * signing out goes back to the sign-in screen.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { NewAnalyst } from '@deskside/core';
import { callApi, catalogs, expectAccessible } from './console-page';
import {
  SCREENSHOTS,
  desksOnPostgres,
  fill,
  runTag,
  setUpDeskAt,
  signedInAs,
  withoutCredentials,
} from './desk-consoles';
import { expect, test } from './fixtures';

const { en } = catalogs;
const { consoles, cluster } = desksOnPostgres();

/** Every file under `dir`, read as text. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(path.join(entry.parentPath, entry.name), 'latin1')),
  );
}

test('an analyst signs in at a console started with the desk’s address alone, and signs out', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ada: NewAnalyst = {
    login: `ada_${runTag()}`,
    password: 'correct horse battery ada',
    name: 'Ada Jansen',
    email: 'ada@example.org',
    language: 'en',
    role: 'admin',
    groups: [],
  };
  const ownerUrl = await cluster().createDatabase();
  await setUpDeskAt(ownerUrl, ada);
  const deskUrl = withoutCredentials(ownerUrl);
  const host = await consoles.start(deskUrl);

  const scripts: string[] = [];
  const calls: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.js')) scripts.push(path.basename(pathname));
    if (pathname.startsWith('/api/')) calls.push(pathname.slice('/api/'.length));
  });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(host.url);

  // The sign-in screen, naming the desk, in place of the console's pages.
  await expect(page.getByRole('heading', { name: en.signIn.title, level: 1 })).toBeVisible();
  const { pathname } = new URL(deskUrl);
  await expect(
    page.getByText(fill(en.signIn.desk, { desk: `127.0.0.1:${cluster().port}${pathname}` })),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: en.nav.main })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Its code is its own: no page of the console ran (the console's sidebar asks for the
  // desk's session as it renders), none of the pages the router loads on demand was fetched.
  expect(scripts.some((script) => script.startsWith('sign-in-'))).toBe(true);
  expect(calls).not.toContain('desk.session');
  for (const elsewhere of ['TicketPage', 'SettingsPage', 'PeoplePage', 'KbPage']) {
    expect(scripts.filter((script) => script.startsWith(`${elsewhere}-`))).toEqual([]);
  }
  // Signed out, the console answers nothing but signing in (and its own language).
  await expect(callApi(host, 'tickets.list', {})).rejects.toThrow(/signed_out/);
  await expect(callApi(host, 'desk.signInState', {})).resolves.toMatchObject({
    state: 'signed-out',
    reason: null,
  });
  await expectAccessible(page, 'sign-in (en)');
  await page.screenshot({ path: `${SCREENSHOTS}/en-sign-in.png` });

  // A wrong password: refused at the form, and nothing else changes.
  const form = page.getByRole('form', { name: en.signIn.title });
  await form.getByLabel(en.signIn.login).fill(ada.login);
  await form.getByLabel(en.signIn.password).fill('not the password at all');
  await form.getByRole('button', { name: en.signIn.submit }).click();
  await expect(form.getByRole('alert')).toHaveText(en.signIn.problems.wrong_password);
  await expect(form.getByLabel(en.signIn.password)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel(en.signIn.password)).toHaveValue('');
  await expect(form.getByLabel(en.signIn.login)).toHaveValue(ada.login);
  await expect(callApi(host, 'tickets.list', {})).rejects.toThrow(/signed_out/);
  await expectAccessible(page, 'sign-in: a wrong password (en)');
  await page.screenshot({ path: `${SCREENSHOTS}/en-sign-in-wrong-password.png` });

  // The right one: the console's queue, signed in as the analyst.
  await form.getByLabel(en.signIn.password).fill(ada.password);
  await form.getByRole('button', { name: en.signIn.submit }).click();
  await expect(page.getByRole('heading', { name: en.queue.title })).toBeVisible();
  await expect(page.getByText(fill(en.app.analyst, { name: ada.login }))).toBeVisible();
  await expect(page.getByText(en.tickets.empty)).toBeVisible();
  await expectAccessible(page, 'signed in, with Sign out (en)');
  await page.screenshot({ path: `${SCREENSHOTS}/en-signed-in.png` });

  // Sign out: back to the sign-in screen, and the console answers signed_out again.
  await page.getByRole('button', { name: en.app.signOut }).click();
  await expect(page.getByRole('heading', { name: en.signIn.title, level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(callApi(host, 'tickets.list', {})).rejects.toThrow(/signed_out/);

  // Signed in again, the queue hears of another console's tickets as before.
  await form.getByLabel(en.signIn.login).fill(ada.login);
  await form.getByLabel(en.signIn.password).fill(ada.password);
  await form.getByRole('button', { name: en.signIn.submit }).click();
  await expect(page.getByText(en.tickets.empty)).toBeVisible();
  const other = await consoles.start(signedInAs(ownerUrl, ada));
  await callApi(other, 'tickets.create', {
    requester: 'Eleni Papadopoulou',
    channel: 'phone',
    summary: 'Printer offline on the second floor',
  });
  await expect(page.getByText('Printer offline on the second floor')).toBeVisible();

  // The password went to the database only: not to the console's output or its data folder.
  expect(host.output()).not.toContain(ada.password);
  for (const text of await filesUnder(consoles.dataDirs[0]!)) {
    expect(text).not.toContain(ada.password);
  }
});

test('a console that cannot reach its desk says so at the sign-in form', async ({ page }) => {
  // A port nothing listens on: the console starts signed out without asking the database.
  const host = await consoles.start('postgres://127.0.0.1:1/desk');
  await page.goto(host.url);
  const form = page.getByRole('form', { name: en.signIn.title });
  await form.getByLabel(en.signIn.login).fill('bram');
  await form.getByLabel(en.signIn.password).fill('staple battery horse bram');
  await form.getByRole('button', { name: en.signIn.submit }).click();
  await expect(form.getByRole('alert')).toHaveText(en.signIn.problems.unreachable);
  await expect(page.getByRole('heading', { name: en.signIn.title, level: 1 })).toBeVisible();
});
