import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import el from '../../renderer/src/i18n/el.json' with { type: 'json' };
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import fr from '../../renderer/src/i18n/fr.json' with { type: 'json' };
import nl from '../../renderer/src/i18n/nl.json' with { type: 'json' };
import { issuePairingCode, runAgentCli } from '../helpers/agent-cli';
import { expect, test } from './fixtures';
import { expectAccessible, callApi } from './host-api';

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

test('profile, groups and the SLA calendar, with refusals shown at the field, in English and Dutch', async ({
  page,
  desk,
}) => {
  await page.goto(desk.host.url);
  await page
    .getByRole('navigation', { name: en.nav.main })
    .getByRole('link', { name: en.nav.settings })
    .click();
  await expect(page.getByRole('heading', { name: en.settings.profile.title })).toBeVisible();
  await expect(
    page.getByText(fill(en.settings.profile.userName, { name: '' }).trim()),
  ).toBeVisible();
  await expectAccessible(page, 'settings: profile (en)');

  // The name shown, and membership of a group.
  await page.getByLabel(en.settings.profile.displayName).fill('Ana Lyst');
  await page.getByLabel('Network team').check();
  await page.getByRole('button', { name: en.settings.save }).click();
  await expect(page.getByRole('status')).toHaveText(en.settings.saved);
  await expect(page.getByText(fill(en.app.analyst, { name: 'Ana Lyst' }))).toBeVisible();

  // A new group with an id the desk refuses: the message stands in the group's row.
  const tabs = page.getByRole('navigation', { name: en.settings.sections });
  await tabs.getByRole('link', { name: en.settings.tabs.groups }).click();
  const adding = page.getByRole('group', { name: en.settings.groups.add });
  await adding.getByLabel(en.settings.groups.name).fill('Printing');
  await adding.getByLabel(en.settings.groups.id).fill('Print Room!');
  await adding.getByRole('button', { name: en.settings.groups.addButton }).click();
  await page.getByRole('button', { name: en.settings.save }).click();
  const row = page.getByRole('row').filter({ hasText: 'Print Room!' });
  await expect(row.getByRole('alert')).toHaveText(en.settings.errors.groupId);
  await expect(page.getByText(en.settings.notSaved)).toBeVisible();
  await expectAccessible(page, 'settings: groups with an error (en)');
  await row
    .getByRole('button', { name: fill(en.settings.groups.remove, { name: 'Printing' }) })
    .click();
  await adding.getByLabel(en.settings.groups.name).fill('Printing');
  await adding.getByLabel(en.settings.groups.id).fill('printing');
  await adding.getByRole('button', { name: en.settings.groups.addButton }).click();
  await page.getByRole('button', { name: en.settings.save }).click();
  await expect(page.getByRole('status')).toHaveText(en.settings.saved);
  expect((await callApi(desk.host, 'workflow.config', {})).groups.map((g) => g.id)).toContain(
    'printing',
  );

  // The rest in Dutch, chosen on the settings page itself.
  await tabs.getByRole('link', { name: en.settings.tabs.profile }).click();
  await page.getByLabel(en.settings.language.label).selectOption('nl');
  await expect(page.getByRole('heading', { name: nl.settings.title, level: 1 })).toBeVisible();
  const tabsNl = page.getByRole('navigation', { name: nl.settings.sections });
  await tabsNl.getByRole('link', { name: nl.settings.tabs.sla }).click();
  const sla = page.getByRole('form', { name: nl.settings.sla.title });
  const monday = sla.getByRole('row', { name: /^Maandag/ });
  await monday.getByLabel(fill(nl.settings.sla.end, { day: 'Maandag', n: 1 })).fill('08:00');
  const urgent = sla.getByLabel(fill(nl.settings.sla.firstResponseMinutes, { n: 1 }));
  await urgent.fill('een kwartier');
  await sla.getByRole('button', { name: nl.settings.save }).click();
  await expect(monday.getByText(nl.settings.errors.periodOrder)).toBeVisible();
  await expect(sla.getByRole('row', { name: /^Prioriteit 1/ }).getByRole('alert')).toHaveText(
    nl.settings.errors.minutes,
  );
  await expect(urgent).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'settings: SLA with errors (nl)');
  expect(
    (await callApi(desk.host, 'workflow.config', {})).sla.targets[1].firstResponseMinutes,
  ).toBe(15);

  // Corrected, with a holiday and a closed Friday afternoon.
  await monday.getByLabel(fill(nl.settings.sla.end, { day: 'Maandag', n: 1 })).fill('12:00');
  await urgent.fill('20');
  await sla.getByLabel(nl.settings.sla.holiday, { exact: true }).fill('2026-12-25');
  await sla.getByRole('button', { name: nl.settings.sla.addHoliday }).click();
  const friday = sla.getByRole('row', { name: /^Vrijdag/ });
  await friday
    .getByRole('button', { name: fill(nl.settings.sla.removePeriod, { day: 'Vrijdag', n: 2 }) })
    .click();
  await sla.getByRole('button', { name: nl.settings.save }).click();
  await expect(page.getByRole('status')).toHaveText(nl.settings.saved);
  const { sla: saved } = await callApi(desk.host, 'workflow.config', {});
  expect(saved.calendar.workingHours.mon[0]).toEqual({ start: '08:30', end: '12:00' });
  expect(saved.calendar.workingHours.fri).toHaveLength(1);
  expect(saved.calendar.holidays).toEqual(['2026-12-25']);
  expect(saved.targets[1].firstResponseMinutes).toBe(20);
  await expectAccessible(page, 'settings: SLA (nl)');
});

test('an agent machine’s pairing: checked, refused after a revoke, paired again, removed, in French', async ({
  page,
  desk,
  agent,
}) => {
  const { code } = await issuePairingCode(agent.dataDir);
  const machine = await callApi(desk.host, 'machines.pair', {
    address: '127.0.0.1',
    port: agent.port,
    fingerprint: agent.fingerprint,
    code,
    name: 'Portable compta',
  });
  await callApi(desk.host, 'settings.update', { language: 'fr' });
  await page.goto(desk.host.url);
  await page.getByRole('link', { name: fr.nav.settings }).click();
  await page.getByRole('link', { name: fr.settings.tabs.agents }).click();
  const row = page.getByRole('row', { name: /^Portable compta/ });
  await expect(row.getByText(fr.settings.agents.state.paired)).toBeVisible();
  await expectAccessible(page, 'settings: agents (fr)');

  // On the PC: the console is revoked. The page says so when it looks again.
  const listed = await runAgentCli(['consoles', 'list', '--json', '--data-dir', agent.dataDir]);
  const consoles = (JSON.parse(listed.stdout) as { consoles: { id: string }[] }).consoles;
  for (const { id } of consoles) {
    await runAgentCli(['consoles', 'revoke', id, '--data-dir', agent.dataDir]);
  }
  await page.reload();
  await expect(row.getByText(fr.settings.agents.state.refused)).toBeVisible();

  await row
    .getByRole('button', { name: fill(fr.settings.agents.repair, { name: 'Portable compta' }) })
    .click();
  await page.getByRole('button', { name: fr.machines.connect }).click();
  await expect(page.getByLabel(fr.machines.fingerprint)).toHaveText(agent.fingerprint);
  await expect(page.getByText(fr.settings.agents.certificateSame)).toBeVisible();
  const fresh = await issuePairingCode(agent.dataDir);
  await page.getByLabel(fr.machines.code, { exact: true }).fill(fresh.code);
  await page.getByLabel(fr.machines.confirmMatch).check();
  await expectAccessible(page, 'settings: re-pair (fr)');
  await page.getByRole('button', { name: fr.settings.agents.repairSubmit }).click();
  await expect(row.getByText(fr.settings.agents.state.paired)).toBeVisible();
  expect((await callApi(desk.host, 'machines.status', { id: machine.id })).state).toBe('paired');

  await row
    .getByRole('button', { name: fill(fr.settings.agents.remove, { name: 'Portable compta' }) })
    .click();
  await page.getByRole('button', { name: fr.settings.agents.removeYes, exact: true }).click();
  await expect(page.getByText(fr.settings.agents.none)).toBeVisible();
  expect((await callApi(desk.host, 'machines.list', {})).map((m) => m.thisComputer)).toEqual([
    true,
  ]);
});

/** A tickets CSV of `rows` tickets, as the export writes it. */
function ticketsCsv(rows: number): string {
  const header =
    'id,createdAt,status,channel,requester,summary,description,errorMessages,stepsTried,category,impact,urgency,assignee,groupId,resolutionCode,resolutionNotes';
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `,,new,phone,Jan ${i},Printer ${i} offline,Paper jam on floor 2,,,printer,low,low,,,,`,
  );
  return [header, ...lines].join('\n');
}

test('export and import with progress, and a cancelled import that changes nothing, in English and Greek', async ({
  page,
  desk,
}) => {
  await callApi(desk.host, 'tickets.create', {
    requester: 'Ελένη',
    channel: 'phone',
    summary: 'Ο εκτυπωτής δεν τυπώνει',
  });
  await page.goto(desk.host.url);
  await page.getByRole('link', { name: en.nav.settings }).click();
  await page.getByRole('link', { name: en.settings.tabs.data }).click();

  // Export everything as JSON: the file arrives whole, in chunks.
  const exportPanel = page.getByRole('region', { name: en.settings.data.exportTitle });
  const download = page.waitForEvent('download');
  await exportPanel.getByRole('button', { name: en.settings.data.export, exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^deskside-export-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    tickets: { summary: string }[];
  };
  expect(doc.tickets.map((t) => t.summary)).toEqual(['Ο εκτυπωτής δεν τυπώνει']);
  await expect(exportPanel.getByRole('status')).toHaveText(
    fill(en.settings.data.saved, { file: file.suggestedFilename() }),
  );
  await expectAccessible(page, 'settings: data (en)');

  // In Greek: a large import, cancelled while it runs.
  await callApi(desk.host, 'settings.update', { language: 'el' });
  await page.reload();
  const importPanel = page.getByRole('form', { name: el.settings.data.importTitle });
  await importPanel.getByLabel(el.settings.data.format).selectOption('tickets-csv');
  await importPanel.getByLabel(el.settings.data.file).setInputFiles({
    name: 'tickets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(ticketsCsv(60_000)),
  });
  await importPanel.getByRole('button', { name: el.settings.data.import, exact: true }).click();
  await expect(
    importPanel.getByRole('progressbar', { name: el.settings.data.importTitle }),
  ).toBeVisible();
  await expectAccessible(page, 'settings: import under way (el)');
  await importPanel.getByRole('button', { name: el.settings.data.cancel }).click();
  await expect(importPanel.getByRole('status')).toHaveText(el.settings.data.cancelled);
  expect(await callApi(desk.host, 'tickets.list', {})).toHaveLength(1);
  await expect.poll(() => readdir(path.join(desk.dataDir, 'transfers'))).toEqual([]);

  // A small one goes through to the end.
  await importPanel.getByLabel(el.settings.data.file).setInputFiles({
    name: 'tickets.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(ticketsCsv(3)),
  });
  await importPanel.getByRole('button', { name: el.settings.data.import, exact: true }).click();
  await expect(importPanel.getByRole('status')).toHaveText(
    fill(el.settings.data.imported, { tickets: 3, people: 0 }),
  );
  expect(await callApi(desk.host, 'tickets.list', {})).toHaveLength(4);

  // A full JSON export goes only into an empty database: refused, with the console's reason.
  await importPanel.getByLabel(el.settings.data.format).selectOption('json');
  await importPanel.getByLabel(el.settings.data.file).setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await importPanel.getByRole('button', { name: el.settings.data.import, exact: true }).click();
  await expect(importPanel.getByRole('alert')).toContainText('only into an empty database');
  expect(await callApi(desk.host, 'tickets.list', {})).toHaveLength(4);
});
