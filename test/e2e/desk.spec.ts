/**
 * The desk on a shared PostgreSQL with roles, as analysts meet it: an administrator's console
 * (in Dutch) adds an analyst, who signs in at the sign-in screen of a console of their own; the
 * administrator reads the audit log, exports it, and disables the analyst, whose console is
 * refused from then on and goes back to the sign-in screen.
 */
import { readFile } from 'node:fs/promises';
import type { NewAnalyst } from '@deskside/core';
import { issuePairingCode, readAuditLog } from '../helpers/agent-cli';
import { catalogs, expectAccessible, switchLanguage } from './console-page';
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
import { callApi } from './host-api';

const { en, nl } = catalogs;
const { consoles, cluster } = desksOnPostgres();

test('an administrator adds an analyst, who works a ticket on a machine the administrator paired; the administrator reads and exports the audit log, and disables the analyst', async ({
  browser,
  agent,
}) => {
  test.setTimeout(180_000);
  // Login roles belong to the whole server: this run's analysts get names of their own.
  const tag = runTag();
  const ada: NewAnalyst = {
    login: `ada_${tag}`,
    password: 'correct horse battery ada',
    name: 'Ada Jansen',
    email: 'ada@example.org',
    language: 'nl',
    role: 'admin',
    groups: [],
  };
  const bram = { login: `bram_${tag}`, password: 'staple battery horse bram' };

  // The desk's owner sets the desk up, naming its first administrator.
  const ownerUrl = await cluster().createDatabase();
  await setUpDeskAt(ownerUrl, ada);

  // The administrator's console, signed in by its address, in Dutch. It pairs an employee's
  // PC with the code the agent gives (the pairing screens have a test of their own).
  const adminHost = await consoles.start(signedInAs(ownerUrl, ada));
  const { code } = await issuePairingCode(agent.dataDir);
  const machine = await callApi(adminHost, 'machines.pair', {
    address: '127.0.0.1',
    port: agent.port,
    fingerprint: agent.fingerprint,
    code,
    name: 'Reception PC',
  });
  const admin = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await admin.setViewportSize({ width: 1280, height: 900 });
  await admin.goto(adminHost.url);
  await switchLanguage(admin, 'en', 'nl');
  const adminNav = admin.getByRole('navigation', { name: nl.nav.main });
  await adminNav.getByRole('link', { name: nl.nav.settings }).click();
  await admin
    .getByRole('navigation', { name: nl.settings.sections })
    .getByRole('link', { name: nl.settings.tabs.analysts })
    .click();
  await expect(
    admin.getByRole('heading', { name: nl.settings.analysts.title, level: 2 }),
  ).toBeVisible();
  await expect(
    admin.getByText(
      fill(nl.settings.analysts.signedIn, {
        analyst: ada.login,
        role: nl.settings.analysts.roles.admin,
      }),
    ),
  ).toBeVisible();
  await expect(admin.getByRole('row', { name: new RegExp(`^${ada.login}`) })).toBeVisible();
  await expectAccessible(admin, 'desk: analysts (nl, administrator)');
  await admin.screenshot({ path: `${SCREENSHOTS}/nl-desk-analysts.png` });

  // A password too short: the desk refuses it, and says so at the field.
  const form = admin.getByRole('form', { name: nl.settings.analysts.add });
  await form.getByLabel(nl.settings.analysts.login).fill(bram.login);
  await form.getByLabel(nl.settings.analysts.name, { exact: true }).fill('Bram de Vries');
  await form.getByLabel(nl.settings.analysts.email).fill('bram@example.org');
  await form.getByLabel(nl.settings.analysts.language).selectOption('en');
  await form.getByLabel(nl.settings.analysts.password, { exact: true }).fill('te kort');
  await form.getByLabel(nl.settings.analysts.passwordRepeat).fill('te kort');
  await form.getByRole('button', { name: nl.settings.analysts.addButton }).click();
  await expect(form.getByText(nl.settings.analysts.errors.password)).toBeVisible();
  await expect(form.getByText(nl.settings.notSaved)).toBeVisible();
  await expect(
    form.getByLabel(nl.settings.analysts.password, { exact: false }).first(),
  ).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(admin, 'desk: a refused analyst (nl)');
  await admin.screenshot({ path: `${SCREENSHOTS}/nl-desk-analyst-errors.png` });

  await form
    .getByLabel(nl.settings.analysts.password, { exact: false })
    .first()
    .fill(bram.password);
  await form.getByLabel(nl.settings.analysts.passwordRepeat).fill(bram.password);
  await form.getByRole('button', { name: nl.settings.analysts.addButton }).click();
  await expect(
    admin.getByText(fill(nl.settings.analysts.added, { login: bram.login })),
  ).toBeVisible();
  const bramRow = admin.getByRole('row', { name: new RegExp(`^${bram.login}`) });
  await expect(bramRow.getByText(nl.settings.analysts.roles.analyst)).toBeVisible();
  await expect(bramRow.getByText(nl.settings.analysts.enabled)).toBeVisible();

  // The new analyst's console, started with the desk's address alone: they sign in there.
  const bramHost = await consoles.start(withoutCredentials(ownerUrl));
  const analyst = await (await browser.newContext()).newPage();
  await analyst.setViewportSize({ width: 1280, height: 900 });
  await analyst.goto(bramHost.url);
  const signIn = analyst.getByRole('form', { name: en.signIn.title });
  await signIn.getByLabel(en.signIn.login).fill(bram.login);
  await signIn.getByLabel(en.signIn.password).fill(bram.password);
  await signIn.getByRole('button', { name: en.signIn.submit }).click();
  const analystNav = analyst.getByRole('navigation', { name: en.nav.main });
  await expect(analyst.getByText(fill(en.app.analyst, { name: bram.login }))).toBeVisible();
  await analyst.getByRole('button', { name: en.tickets.new }).click();
  await analyst.getByLabel(en.tickets.requester).fill('Eleni Papadopoulou');
  await analyst.getByLabel(en.tickets.summary).fill('Printer offline on the second floor');
  await analyst.getByRole('button', { name: en.tickets.create }).click();
  await expect(
    analyst.getByRole('heading', { name: /Ticket #1: Printer offline on the second floor/ }),
  ).toBeVisible();

  // Bram never paired the administrator's machine: he checks it and attaches the results.
  await analystNav.getByRole('link', { name: en.nav.machines }).click();
  await analyst
    .getByRole('row', { name: /Reception PC/ })
    .getByRole('link')
    .first()
    .click();
  await expect(analyst.getByRole('heading', { name: 'Reception PC', level: 1 })).toBeVisible();
  const checks = analyst.getByRole('form', { name: en.checks.title });
  await checks.getByLabel(en.checks.name.tcp.port).check();
  const tcp = analyst.getByRole('group', {
    name: fill(en.checks.settingsOf, { check: en.checks.name.tcp.port }),
  });
  await tcp.getByLabel(en.checks.param.tcp.port.host).fill('127.0.0.1');
  await tcp.getByLabel(en.checks.param.tcp.port.port, { exact: true }).fill(String(agent.port));
  await checks.getByRole('button', { name: en.checks.run }).click();
  await expect(
    analyst.getByRole('status').filter({ hasText: en.checks.runState.done }),
  ).toBeVisible();
  const attach = analyst.getByRole('form', { name: en.checks.attach.title });
  await attach
    .getByLabel(en.attach.ticket, { exact: true })
    .selectOption({ label: '#1 Printer offline on the second floor' });
  await attach.getByRole('button', { name: en.checks.attach.submit }).click();
  await expect(attach.getByRole('status')).toContainText('#1');
  const worked = await callApi(bramHost, 'tickets.get', { id: 1 });
  expect(worked.evidence).toEqual([
    expect.objectContaining({ kind: 'checks', machineId: machine.id, takenBy: bram.login }),
  ]);
  // The agent saw requests the desk signed for Bram, and holds no credential of his.
  const agentTrail = await readAuditLog(agent.dataDir);
  expect(agentTrail.filter((entry) => entry.analyst === bram.login).length).toBeGreaterThan(0);

  // Settings -> Analysts: who they are, and the list, read-only.
  await analystNav.getByRole('link', { name: en.nav.settings }).click();
  await analyst
    .getByRole('navigation', { name: en.settings.sections })
    .getByRole('link', { name: en.settings.tabs.analysts })
    .click();
  await expect(
    analyst.getByText(
      fill(en.settings.analysts.signedIn, {
        analyst: bram.login,
        role: en.settings.analysts.roles.analyst,
      }),
    ),
  ).toBeVisible();
  await expect(analyst.getByText(en.settings.analysts.readOnly)).toBeVisible();
  await expect(analyst.getByRole('row', { name: new RegExp(`^${ada.login}`) })).toBeVisible();
  await expect(analyst.getByRole('form', { name: en.settings.analysts.add })).toHaveCount(0);
  await expect(analyst.getByRole('main').getByRole('button')).toHaveCount(0);
  await expectAccessible(analyst, 'desk: analysts (en, analyst)');
  await analyst.screenshot({ path: `${SCREENSHOTS}/en-desk-analysts-read-only.png` });

  // No audit log in their navigation; asked for anyway, the desk refuses.
  await expect(analystNav.getByRole('link', { name: en.nav.settings })).toBeVisible();
  await expect(analystNav.getByRole('link', { name: en.nav.audit })).toHaveCount(0);
  await analyst.goto(`${bramHost.origin}/#/audit`);
  await expect(analyst.getByRole('heading', { name: en.audit.title, level: 1 })).toBeVisible();
  await expect(analyst.getByRole('alert')).toContainText(en.errors.forbidden);
  await expect(analyst.getByRole('alert')).toContainText('Your role on this desk does not allow');
  await expectAccessible(analyst, 'desk: audit log refused (en)');
  await analyst.screenshot({ path: `${SCREENSHOTS}/en-desk-audit-forbidden.png` });

  // The administrator's audit log: the analyst's addition, found by its action.
  await adminNav.getByRole('link', { name: nl.nav.audit }).click();
  await expect(admin.getByRole('heading', { name: nl.audit.title, level: 1 })).toBeVisible();
  const entries = admin.getByRole('table', { name: nl.audit.title });
  await expect(
    entries.getByRole('cell', { name: nl.audit.actions.console.opened }).first(),
  ).toBeVisible();
  // The desk's set-up added the administrator; the administrator added the analyst.
  await admin.getByLabel(nl.audit.action).selectOption('analyst.added');
  await expect(admin).toHaveURL(/action=analyst\.added/);
  const rows = entries.getByRole('row');
  await expect(rows).toHaveCount(3);
  await admin.getByLabel(nl.audit.analyst, { exact: true }).fill(ada.login);
  await expect(admin).toHaveURL(new RegExp(`analyst=${ada.login}`));
  // The header and the one addition: the refused attempt left nothing.
  await expect(rows).toHaveCount(2);
  const added = rows.nth(1);
  await expect(added.getByRole('cell', { name: nl.audit.actions.analyst.added })).toBeVisible();
  await expect(added.getByRole('cell', { name: ada.login, exact: true })).toBeVisible();
  await expect(added.getByRole('cell', { name: bram.login, exact: true })).toBeVisible();
  await expect(added.getByText('analyst', { exact: true })).toBeVisible();
  await expect(admin.getByText(fill(nl.audit.shown, { number: '1' }))).toBeVisible();
  await expectAccessible(admin, 'desk: audit log (nl)');
  await admin.screenshot({ path: `${SCREENSHOTS}/nl-desk-audit.png` });

  // The export holds what the filters match, as CSV.
  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: nl.audit.export }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^deskside-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await file.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  const { columns } = nl.audit;
  expect(lines[0]).toBe(
    [
      columns.at,
      columns.analyst,
      columns.pc,
      columns.action,
      columns.subject,
      columns.details,
    ].join(','),
  );
  expect(lines[1]).toMatch(
    new RegExp(
      `^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,${ada.login},[^,]+,analyst\\.added,${bram.login},"\\{""role"":""analyst""\\}"$`,
    ),
  );
  await expect(
    admin.getByText(fill(nl.audit.exported, { number: '1', file: file.suggestedFilename() })),
  ).toBeVisible();

  // Disabled, after a confirmation: at once, and the analyst's console is refused.
  await adminNav.getByRole('link', { name: nl.nav.settings }).click();
  await admin
    .getByRole('navigation', { name: nl.settings.sections })
    .getByRole('link', { name: nl.settings.tabs.analysts })
    .click();
  await bramRow
    .getByRole('button', { name: fill(nl.settings.analysts.disable, { login: bram.login }) })
    .click();
  const confirm = admin.getByRole('group', {
    name: fill(nl.settings.analysts.disable, { login: bram.login }),
  });
  await expect(confirm).toContainText(bram.login);
  await expectAccessible(admin, 'desk: disabling an analyst (nl)');
  await confirm
    .getByRole('button', { name: fill(nl.settings.analysts.disableYes, { login: bram.login }) })
    .click();
  await expect(bramRow.getByText(nl.settings.analysts.disabled)).toBeVisible();
  await expect(bramRow.getByRole('button')).toHaveCount(0);

  // The analyst's next step finds the desk refusing them: back at the sign-in screen, saying
  // why, and signing in again is refused too.
  await analystNav.getByRole('link', { name: en.nav.tickets }).click();
  await expect(analyst.getByRole('heading', { name: en.signIn.title, level: 1 })).toBeVisible();
  await expect(analyst.getByRole('alert')).toHaveText(en.signIn.problems.refused);
  await expectAccessible(analyst, 'desk: a disabled analyst’s console (en)');
  await analyst.screenshot({ path: `${SCREENSHOTS}/en-desk-disabled-analyst.png` });
  await signIn.getByLabel(en.signIn.login).fill(bram.login);
  await signIn.getByLabel(en.signIn.password).fill(bram.password);
  await signIn.getByRole('button', { name: en.signIn.submit }).click();
  await expect(signIn.getByRole('alert')).toHaveText(en.signIn.problems.not_allowed);
  await expect(analystNav).toHaveCount(0);

  // The disabling is in the log too.
  await adminNav.getByRole('link', { name: nl.nav.audit }).click();
  await admin.getByLabel(nl.audit.action).selectOption('analyst.disabled');
  await expect(entries.getByRole('row')).toHaveCount(2);
  await expect(
    entries.getByRole('row').nth(1).getByRole('cell', { name: bram.login, exact: true }),
  ).toBeVisible();
});
