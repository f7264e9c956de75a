import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { callApi, expectAccessible } from './host-api';

test('a lead rewrites the French "resolved" message, previews it for a ticket and saves it', async ({
  page,
  desk,
}) => {
  const person = await callApi(desk.host, 'people.create', {
    name: 'Marie Dubois',
    email: 'marie@corp.test',
    language: 'fr',
  });
  const ticket = await callApi(desk.host, 'tickets.create', {
    requesterId: person.id,
    channel: 'email',
    summary: 'Imprimante bloquée',
  });

  await page.goto(desk.host.url);
  await page
    .getByRole('navigation', { name: en.nav.main })
    .getByRole('link', { name: en.nav.settings })
    .click();
  await page
    .getByRole('navigation', { name: en.settings.sections })
    .getByRole('link', { name: en.settings.tabs.mail })
    .click();
  const section = page.getByRole('region', { name: en.settings.mailTemplates.title });
  await section.getByLabel(en.settings.mailTemplates.event).selectOption('resolved');
  await section.getByLabel(en.settings.mailTemplates.language).selectOption('fr');
  await expect(section.getByLabel(en.settings.mailTemplates.subject)).toHaveValue(
    'Résolu : {{summary}}',
  );
  await expect(section.getByText(en.settings.mailTemplates.isDefault)).toBeVisible();

  // The live preview: sample data first, then the desk's own ticket.
  const body = section.getByLabel(en.settings.mailTemplates.body, { exact: true });
  await body.fill('Bonjour {{requester}},\n\nLe ticket {{ticket}} est {{status}}. Ça marche ?');
  const preview = section.getByRole('region', { name: en.settings.mailTemplates.preview });
  await expect(preview.getByText('Bonjour Marie Dubois,')).toBeVisible();
  await section.getByLabel(en.settings.mailTemplates.previewTicket).fill(String(ticket.id));
  await expect(preview.getByText(`[#${ticket.id}] Résolu : Imprimante bloquée`)).toBeVisible();
  await expect(preview.getByText(`Le ticket #${ticket.id} est nouveau. Ça marche ?`)).toBeVisible();
  await expectAccessible(page, 'settings: automatic messages (fr template)');

  // An unknown placeholder is refused, named in the message.
  await body.fill('Bonjour {{nom}}');
  await section.getByRole('button', { name: en.settings.mailTemplates.save }).click();
  await expect(section.getByRole('alert').first()).toContainText('{{nom}}');

  await body.fill(
    'Bonjour {{requester}}, le ticket {{ticket}} est résolu. Répondez « oui » ou « non ».',
  );
  await section.getByLabel(en.settings.mailTemplates.enabled).uncheck();
  await section.getByRole('button', { name: en.settings.mailTemplates.save }).click();
  await expect(section.getByText(en.settings.mailTemplates.saved)).toBeVisible();
  const saved = (await callApi(desk.host, 'mail.templates', {})).find(
    (t) => t.event === 'resolved' && t.language === 'fr',
  );
  expect(saved).toMatchObject({
    enabled: false,
    isDefault: false,
    body: 'Bonjour {{requester}}, le ticket {{ticket}} est résolu. Répondez « oui » ou « non ».',
  });
});
