import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { LANGUAGES } from '@deskside/core';
import { catalogs } from './console-page';
import { expect, test } from './fixtures';
import { issuePairingCode } from '../helpers/agent-cli';
import { deskConsoles } from './desk-consoles';
import { expectAccessible, callApi } from './host-api';
import { makeSshKey, startSshd } from '../helpers/sshd';
import { temporaryFolders } from '../helpers/temp-folders';

const { en } = catalogs;
type Strings = (typeof catalogs)[keyof typeof catalogs];

/** Each settings section, opened from the sidebar and the section tabs. */
function settingsPages(page: Page, strings: Strings): [string, () => Promise<void>][] {
  const open = async (tab: string, heading: string) => {
    await page
      .getByRole('navigation', { name: strings.nav.main })
      .getByRole('link', { name: strings.nav.settings })
      .click();
    await page
      .getByRole('navigation', { name: strings.settings.sections })
      .getByRole('link', { name: tab })
      .click();
    await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
  };
  const { tabs } = strings.settings;
  return [
    ['settings-profile', () => open(tabs.profile, strings.settings.profile.title)],
    ['settings-groups', () => open(tabs.groups, strings.settings.groups.title)],
    ['settings-sla', () => open(tabs.sla, strings.settings.sla.title)],
    [
      'settings-agents',
      async () => {
        await open(tabs.agents, strings.settings.agents.title);
        await expect(page.getByText(strings.settings.agents.state.paired)).toBeVisible();
      },
    ],
    [
      'settings-analysts',
      async () => {
        await open(tabs.analysts, strings.settings.analysts.title);
        // A console of its own: no analysts to manage, and why.
        await expect(page.getByText(strings.settings.analysts.noRoles)).toBeVisible();
      },
    ],
    ['settings-data', () => open(tabs.data, strings.settings.data.exportTitle)],
    ['settings-mail', () => open(tabs.mail, strings.settings.mail.title)],
  ];
}
const SCREENSHOTS = 'test-results/screenshots';

test('every page, in every language: translated, accessible, and kept as a screenshot', async ({
  page,
  desk,
  agent,
}) => {
  // Every page in four languages, each checked by axe: far more than one page's budget.
  test.setTimeout(420_000);
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  // A paired agent machine, so the agents settings have one to show and the call has the
  // caller's machine to run its checks on.
  const { code } = await issuePairingCode(agent.dataDir);
  const laptop = await callApi(desk.host, 'machines.pair', {
    address: '127.0.0.1',
    port: agent.port,
    fingerprint: agent.fingerprint,
    code,
    name: 'Finance laptop',
  });
  // Articles, so the knowledge base's list and article pages have something to show.
  await callApi(desk.host, 'kb.addStarterArticles', {});
  await page.goto(desk.host.url);

  // One ticket so the ticket page has something to show.
  await page.getByRole('button', { name: en.tickets.new }).click();
  await page.getByLabel(en.tickets.requester).fill('Eleni Papadopoulou');
  await page.getByLabel(en.tickets.summary).fill('Printer offline');
  await page.getByRole('button', { name: en.tickets.create }).click();
  await expect(page.getByRole('heading', { name: /Printer offline/ })).toBeVisible();
  const ticketUrl = page.url();
  // The caller in the people directory, with her laptop, so her page has machines and a call.
  const eleni = await callApi(desk.host, 'people.create', {
    name: 'Eleni Papadopoulou',
    department: 'Finance',
    location: 'Athens',
    email: 'eleni@example.org',
    machines: [{ name: 'Finance laptop', machineId: laptop.id }],
  });
  // A call taken past its first answer, so the call page has a path and a checks step to show.
  const call = await callApi(desk.host, 'intake.start', {
    scriptId: 'no-internet',
    requesterId: eleni.id,
    summary: 'No internet',
    machineId: laptop.id,
    language: 'en',
  });
  await callApi(desk.host, 'intake.answer', {
    ticketId: call.ticket.id,
    stepId: 'scope',
    choiceId: 'only-this',
    language: 'en',
  });
  const callUrl = `${ticketUrl.split('#')[0]}#/intake/${call.ticket.id}`;
  // A machine without the agent, reached over SSH, for its page (a real sshd, stopped after).
  const folders = temporaryFolders('deskside-e2e-ssh-');
  const key = await makeSshKey(await folders.make(), 'analyst_ed25519');
  const sshd = await startSshd({ authorizedKeys: [key.publicKey] });
  try {
    await callApi(desk.host, 'machines.addSsh', {
      name: 'Build server',
      target: { host: sshd.host, port: sshd.port, username: sshd.username },
      auth: { kind: 'key', privateKey: key.privateKey },
      hostKey: sshd.hostKey.fingerprint,
      remember: false,
    });
    await everyPageInEveryLanguage(page, ticketUrl, callUrl);
  } finally {
    await sshd.stop();
    await folders.removeAll();
  }

  // The choice is a setting of this console: it survives a reload.
  await page.reload();
  await expect(
    page
      .getByRole('navigation', { name: catalogs.el.nav.main })
      .getByRole('link', { name: catalogs.el.nav.tickets }),
  ).toBeVisible();
});

/** Opens each page in each language, checks it with axe and keeps a screenshot of it. */
async function everyPageInEveryLanguage(page: Page, ticketUrl: string, callUrl: string) {
  // Pages with navigation of their own (settings) make the sidebar the one named "main".
  let sidebar = page.getByRole('navigation', { name: en.nav.main });

  let shown: keyof typeof catalogs = 'en';
  for (const language of LANGUAGES) {
    const strings = catalogs[language];
    // The switcher's own label is in the language shown before the switch.
    await page.getByLabel(catalogs[shown].app.language, { exact: true }).selectOption(language);
    shown = language;
    // Some words are the same in two languages ("Tickets"): wait for the switch itself.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    sidebar = page.getByRole('navigation', { name: strings.nav.main });
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
      [
        'machines-add-ssh',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.machines }).click();
          await page.getByRole('button', { name: strings.machines.add }).click();
          await page.getByLabel(strings.ssh.way.ssh).check();
          await expect(
            page.getByRole('heading', { name: strings.ssh.addTitle, level: 2 }),
          ).toBeVisible();
        },
      ],
      [
        'machine-ssh',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.machines }).click();
          await page.getByRole('link', { name: 'Build server' }).click();
          await expect(page.getByRole('region', { name: strings.transport.ssh })).toBeVisible();
          await expect(page.getByRole('region', { name: strings.inventory.os })).toBeVisible();
        },
      ],
      [
        'intake',
        async () => {
          await sidebar.getByRole('link', { name: strings.intake.nav }).click();
          await expect(
            page.getByRole('heading', { name: strings.intake.title, level: 1 }),
          ).toBeVisible();
        },
      ],
      [
        'intake-call',
        async () => {
          await page.goto(callUrl);
          await expect(
            page.getByRole('heading', { name: strings.intake.path, level: 2 }),
          ).toBeVisible();
          // The caller's machine is known: its checks can run.
          await expect(page.getByRole('button', { name: strings.intake.runChecks })).toBeVisible();
          await expect(page.getByText(strings.intake.noMachineForChecks)).toHaveCount(0);
        },
      ],
      [
        'people',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.people }).click();
          await expect(
            page.getByRole('heading', { name: strings.people.title, level: 1 }),
          ).toBeVisible();
        },
      ],
      [
        'person',
        async () => {
          await page.getByRole('main').getByRole('link', { name: 'Eleni Papadopoulou' }).click();
          const tickets = page.getByRole('region', { name: strings.people.tickets.title });
          await expect(tickets.getByRole('link', { name: /No internet/ })).toBeVisible();
        },
      ],
      [
        'kb',
        async () => {
          await sidebar.getByRole('link', { name: strings.kb.nav }).click();
          await expect(
            page.getByRole('heading', { name: strings.kb.title, level: 1 }),
          ).toBeVisible();
        },
      ],
      [
        'kb-article',
        async () => {
          await page.getByRole('main').getByRole('table').getByRole('link').first().click();
          await expect(
            page.getByRole('heading', { name: strings.kb.usedOn, level: 2 }),
          ).toBeVisible();
        },
      ],
      [
        'kb-editor',
        async () => {
          await page.getByRole('link', { name: strings.kb.edit, exact: true }).click();
          await expect(
            page.getByRole('heading', { name: strings.kb.editArticle, level: 1 }),
          ).toBeVisible();
        },
      ],
      [
        'audit',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.audit }).click();
          await expect(
            page.getByRole('heading', { name: strings.audit.title, level: 1 }),
          ).toBeVisible();
          await expect(
            page
              .getByRole('table', { name: strings.audit.title })
              .getByRole('cell', { name: strings.audit.actions.console.opened })
              .first(),
          ).toBeVisible();
        },
      ],
      [
        'reports',
        async () => {
          await sidebar.getByRole('link', { name: strings.nav.reports }).click();
          await expect(
            page.getByRole('heading', { name: strings.reports.title, level: 1 }),
          ).toBeVisible();
          await expect(
            page.getByRole('heading', { name: strings.reports.recurring.trend, level: 3 }),
          ).toBeVisible();
        },
      ],
      ...settingsPages(page, strings),
    ];
    for (const [name, open] of pages) {
      await open();
      await expectAccessible(page, `${name} (${language})`);
      await page.screenshot({ path: `${SCREENSHOTS}/${language}-${name}.png` });
    }
  }
}

test('the sign-in screen of a shared desk, in every language: translated, accessible, and kept as a screenshot', async ({
  page,
}) => {
  // The desk's address without a password: the console starts signed out without asking the
  // database, and nothing listens there, so a sign-in says the desk cannot be reached.
  const consoles = deskConsoles();
  try {
    const host = await consoles.start('postgres://127.0.0.1:1/desk');
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(host.url);
    let shown: keyof typeof catalogs = 'en';
    await expect(page.getByRole('heading', { name: en.signIn.title, level: 1 })).toBeVisible();
    for (const language of LANGUAGES) {
      const strings = catalogs[language];
      await page.getByLabel(catalogs[shown].app.language, { exact: true }).selectOption(language);
      shown = language;
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect(
        page.getByRole('heading', { name: strings.signIn.title, level: 1 }),
      ).toBeVisible();
      const form = page.getByRole('form', { name: strings.signIn.title });
      await form.getByLabel(strings.signIn.login).fill('bram');
      await form.getByLabel(strings.signIn.password).fill('staple battery horse bram');
      await form.getByRole('button', { name: strings.signIn.submit }).click();
      await expect(form.getByRole('alert')).toHaveText(strings.signIn.problems.unreachable);
      await expectAccessible(page, `sign-in (${language})`);
      await page.screenshot({ path: `${SCREENSHOTS}/${language}-sign-in.png` });
    }
    // The choice is a setting of this console, signed in or not: it survives a reload.
    await page.reload();
    await expect(
      page.getByRole('heading', { name: catalogs.el.signIn.title, level: 1 }),
    ).toBeVisible();
  } finally {
    await consoles.stopAll();
  }
});
