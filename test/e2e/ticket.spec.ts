import os from 'node:os';
import type { Locator, Page } from '@playwright/test';
import type { TicketAction } from '@deskside/core';
import { callApi, catalogs, expectAccessible, switchLanguage, type Catalog } from './console-page';
import { expect, test } from './fixtures';

/** The ticket page in one language: its action buttons, forms, timeline and header. */
function ticketPage(page: Page, strings: Catalog) {
  const actions = page.getByRole('region', { name: strings.ticket.actionsTitle });
  const form = (title: string) => page.getByRole('form', { name: title });
  return {
    header: page.getByRole('region', { name: strings.ticket.header.details }),
    badges: page.locator('.ticket-badges'),
    timeline: page.locator('ol.timeline'),
    outside: page.getByRole('region', { name: strings.ticket.outside.title }),
    sla: page.getByRole('region', { name: strings.ticket.sla.title }),
    form,
    /** Opens an action's form from its button; returns the form. */
    async open(action: TicketAction): Promise<Locator> {
      const title = strings.ticket.action[action];
      await actions.getByRole('button', { name: title, exact: true }).click();
      return form(title);
    },
    /** Sends a form with its submit button (whatever its label) and waits for it to close. */
    async send(opened: Locator): Promise<void> {
      await opened.locator('button[type=submit]').click();
      await expect(opened).toHaveCount(0);
    },
  };
}

test('an analyst works a ticket from new to closed in Dutch, with every action, without leaving the console', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  const { nl } = catalogs;
  const t = ticketPage(page, nl);
  await page.goto(desk.host.url);
  await switchLanguage(page, 'en', 'nl');
  const { analyst } = await callApi(page, 'app.info', {});

  // The call comes in.
  await page.getByRole('button', { name: nl.tickets.new }).click();
  await page.getByLabel(nl.tickets.requester).fill('Sofie Janssens');
  await page.getByLabel(nl.tickets.summary).fill('Dockingstation geeft geen beeld meer');
  await page.getByRole('button', { name: nl.tickets.create }).click();
  await expect(
    page.getByRole('heading', { name: 'Ticket #1: Dockingstation geeft geen beeld meer' }),
  ).toBeVisible();
  await expect(t.badges).toContainText(nl.status.new);
  await expect(t.sla).toContainText(nl.ticket.sla.firstResponse);
  await expectAccessible(page, 'ticket (nl)');

  // What the analyst types is checked before it is sent, in the analyst's language.
  let form = await t.open('resolve');
  await form.getByLabel(nl.ticket.forms.resolutionNotes).fill('ok');
  await form.locator('button[type=submit]').click();
  await expect(form.getByText('Schrijf minstens 5 tekens.')).toBeVisible();
  await expect(form.getByLabel(nl.ticket.forms.resolutionNotes)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await form.getByRole('button', { name: nl.ticket.cancel }).click();
  await expect(t.badges).toContainText(nl.status.new);

  // Triage: category, impact and urgency; the priority follows.
  form = await t.open('edit');
  await form.getByLabel(nl.queue.category).selectOption('hardware/dock');
  await form.getByLabel(nl.ticket.forms.impact).selectOption('high');
  await t.send(form);
  await expect(t.header).toContainText('Hardware › Dockingstation');
  await expect(t.timeline).toContainText(
    'Gewijzigd: categorie, impact, urgentie; prioriteit 3 → 2',
  );

  // Assign to this analyst in the workplace group.
  form = await t.open('assign');
  await expect(form.getByLabel(nl.ticket.forms.assignee)).toHaveValue(analyst);
  await form.getByLabel(nl.ticket.forms.group).selectOption('workplace');
  await t.send(form);
  await expect(t.timeline).toContainText(`Toegewezen aan ${analyst} · Workplace support`);

  // An internal note and a call to the user (the first response).
  form = await t.open('note');
  await form.getByLabel(nl.ticket.forms.note).fill('Firmware van het dock is 01.00.14.');
  await t.send(form);
  await expect(t.timeline).toContainText('Firmware van het dock is 01.00.14.');
  form = await t.open('call');
  await form.getByLabel(nl.ticket.forms.direction).selectOption('outbound');
  await form
    .getByLabel(nl.ticket.forms.whatWasSaid)
    .fill('Gebeld: scherm blijft zwart na herstart.');
  await t.send(form);
  await expect(t.timeline).toContainText(nl.ticket.timeline.call.outbound);
  await expect(t.sla).toContainText(nl.ticket.sla.state.met);

  // Wait on the user (the clocks stop), then back to work.
  form = await t.open('waitOnUser');
  await form.getByLabel(nl.ticket.forms.noteOptional).fill('Gebruiker test een andere kabel.');
  await t.send(form);
  await expect(t.badges).toContainText(nl.status.waiting_on_user);
  await expect(t.sla).toContainText(nl.ticket.sla.state.paused);
  await t.send(await t.open('work'));
  await expect(t.badges).toContainText(nl.status.in_progress);

  // Escalate to the second line, and back.
  form = await t.open('escalate');
  await form.getByLabel(nl.ticket.forms.reason).fill('Hardwarefout vermoed, tweede lijn nodig.');
  await t.send(form);
  await expect(t.timeline).toContainText('Geëscaleerd van Eerste lijn naar Tweede lijn');
  await expect(t.header).toContainText(nl.ticket.tier.tier2);
  form = await t.open('deescalate');
  await form.getByLabel(nl.ticket.forms.reason).fill('Tweede lijn heeft het dock vervangen.');
  await t.send(form);
  await expect(t.timeline).toContainText('Gede-escaleerd van Tweede lijn naar Eerste lijn');

  // Outside help: a vendor case, an on-site visit, a replacement order, each followed up.
  form = await t.open('vendorCase');
  await form.getByLabel(nl.ticket.forms.vendor, { exact: true }).fill('Dell');
  await form.getByLabel(nl.ticket.forms.referenceOptional).fill('SR-99812');
  await t.send(form);
  const vendorCase = t.outside.getByRole('listitem').filter({ hasText: 'Zaak bij Dell' });
  await vendorCase.getByRole('button', { name: nl.ticket.outside.update }).click();
  form = t.form('Zaak bij Dell bijwerken');
  await form.getByLabel(nl.ticket.outside.status).selectOption('waiting-on-vendor');
  await t.send(form);
  await expect(vendorCase).toContainText(nl.ticket.vendorStatus['waiting-on-vendor']);

  form = await t.open('visit');
  await form.getByLabel(nl.ticket.forms.technician).fill('Pieter');
  await form.getByLabel(nl.ticket.forms.checklist).fill('Voeding\nUSB-C-poort');
  await t.send(form);
  const visit = t.outside.getByRole('listitem').filter({ hasText: 'Bezoek door Pieter' });
  await expect(visit).toContainText('USB-C-poort: nog niet gecontroleerd');
  await visit.getByRole('button', { name: nl.ticket.outside.recordVisit }).click();
  form = t.form(nl.ticket.outside.recordVisit);
  await form.getByLabel('USB-C-poort').selectOption('fault');
  await t.send(form);
  await expect(visit).toContainText('USB-C-poort: Defect');
  await expect(visit).toContainText(nl.ticket.visitStatus.done);

  form = await t.open('order');
  await form.getByLabel(nl.ticket.forms.orderKind).selectOption('replacement');
  await form.getByLabel(nl.ticket.forms.item).fill('WD19-dock');
  await form.getByLabel(nl.ticket.forms.machine).selectOption({ label: nl.machines.thisComputer });
  await form.getByLabel(nl.ticket.forms.reason).fill('USB-C-poort defect bij bezoek.');
  await t.send(form);
  const order = t.outside.getByRole('listitem').filter({ hasText: 'WD19-dock' });
  await order.getByRole('button', { name: nl.ticket.outside.update }).click();
  form = t.form('Order bijwerken: WD19-dock');
  await form.getByLabel(nl.ticket.outside.status).selectOption('delivered');
  await t.send(form);
  await expect(order).toContainText(nl.ticket.orderStatus.delivered);

  // The user may also take the dock to a service centre; the recommendation is in the timeline.
  form = await t.open('serviceCentre');
  await form.locator('button[type=submit]').click();
  await expect(form.getByLabel(nl.ticket.forms.centreName)).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel(nl.ticket.forms.centreName).fill('Reparatiepunt Gent');
  await form.getByLabel(nl.ticket.forms.centrePhone).fill('+32 9 123 45 67');
  await form.getByLabel(nl.ticket.forms.centreReason).fill('Erkend door Dell');
  await t.send(form);
  await expect(t.outside).toContainText('Aangeraden servicecentrum: Reparatiepunt Gent');
  await expect(t.outside).toContainText('+32 9 123 45 67');
  await expect(t.timeline).toContainText('Servicecentrum aangeraden: Reparatiepunt Gent');

  // Evidence: this computer's inventory, readable, with the raw JSON on demand.
  await page.getByRole('navigation').getByRole('link', { name: nl.nav.machines }).click();
  await page.getByRole('link', { name: nl.machines.thisComputer }).click();
  await page.getByLabel(nl.attach.ticket, { exact: true }).selectOption('1');
  await page.getByRole('button', { name: nl.attach.submit }).click();
  await page.getByRole('link', { name: nl.attach.open }).click();
  const evidence = page.locator('.evidence');
  await expect(evidence.getByRole('region', { name: nl.inventory.os })).toBeVisible();
  const raw = evidence.locator('pre.raw');
  await expect(raw).toBeHidden();
  await evidence.getByText(nl.evidence.raw).click();
  await expect(raw).toBeVisible();
  expect(JSON.parse(await raw.innerText())).toHaveProperty('os.hostname');
  // The header names the PC itself: the same words in every analyst's console.
  await expect(t.header).toContainText(os.hostname());

  // Resolve, verify with the user (closes), feedback, and reopen.
  form = await t.open('resolve');
  await form.getByLabel(nl.ticket.forms.resolutionCode).selectOption('hardware-replaced');
  await form
    .getByLabel(nl.ticket.forms.resolutionNotes)
    .fill('Dock vervangen door een nieuwe WD19.');
  await t.send(form);
  await expect(t.badges).toContainText(nl.status.resolved);
  await t.send(await t.open('confirm'));
  await expect(t.badges).toContainText(nl.status.closed);
  await expect(t.timeline).toContainText('Nagevraagd bij de gebruiker: bevestigd → Gesloten');
  form = await t.open('feedback');
  await form.getByLabel(nl.ticket.forms.rating).selectOption('4');
  await t.send(form);
  await expect(t.header).toContainText(nl.ticket.rating[4]);
  await expectAccessible(page, 'closed ticket (nl)');
  form = await t.open('reopen');
  await form.getByLabel(nl.ticket.forms.reason).fill('Het scherm valt opnieuw uit.');
  await t.send(form);
  await expect(t.badges).toContainText(nl.status.reopened);
  expect((await callApi(page, 'tickets.get', { id: 1 })).ticket.status).toBe('reopened');
});

test('a change made elsewhere meanwhile is never overwritten: reload, then the console says what is possible (Greek)', async ({
  page,
  desk,
  browser,
}) => {
  const { el } = catalogs;
  const t = ticketPage(page, el);
  await page.goto(desk.host.url);
  await switchLanguage(page, 'en', 'el');
  const ticket = await callApi(page, 'tickets.create', {
    requester: 'Νίκος Μακρής',
    channel: 'phone',
    summary: 'Το VPN αποσυνδέεται',
  });
  await page.goto(`${desk.host.origin}/#/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { name: /Το VPN αποσυνδέεται/ })).toBeVisible();

  // The analyst starts to put the ticket on hold and writes a note...
  const form = await t.open('waitOnUser');
  await form.getByLabel(el.ticket.forms.noteOptional).fill('Περιμένουμε επανεκκίνηση του router.');

  // ...while a colleague in another console window resolves it.
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(desk.host.url);
  await callApi(colleague, 'tickets.resolve', {
    id: ticket.id,
    expectedVersion: ticket.version,
    resolutionCode: 'fixed',
    resolutionNotes: 'Νέο προφίλ VPN εγκαταστάθηκε.',
  });
  // The open page hears of it at once; the form stays, with what was typed.
  await expect(t.badges).toContainText(el.status.resolved);

  await form.locator('button[type=submit]').click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText(el.errors.stale_version);
  await expect(alert).toContainText(el.ticket.errors.stale);
  await expect(form.getByLabel(el.ticket.forms.noteOptional)).toHaveValue(
    'Περιμένουμε επανεκκίνηση του router.',
  );
  await expectAccessible(page, 'stale version (el)');

  // Reloaded, the move itself is refused, and the console says what is possible now.
  await alert.getByRole('button', { name: el.ticket.errors.reload }).click();
  await expect(alert).toHaveCount(0);
  await form.locator('button[type=submit]').click();
  await expect(alert).toContainText(el.errors.invalid_transition);
  await expect(alert).toContainText('Το αίτημα είναι τώρα: Επιλύθηκε.');
  await expect(alert).toContainText(el.ticket.action.confirm);
  await expect(alert).toContainText(el.ticket.action.notFixed);
  await expectAccessible(page, 'illegal move (el)');

  const after = await callApi(page, 'tickets.get', { id: ticket.id });
  expect(after.ticket.status).toBe('resolved');
  expect(after.timeline.filter((entry) => entry.kind === 'status')).toEqual([]);
});
