import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import {
  imapClient,
  sendMail,
  startMailServers,
  takeParsedMail,
  ANN_MAILBOX,
  DESK_MAILBOX,
  type MailServers,
} from '../helpers/mail-servers';
import { catalogs, expectAccessible, switchLanguage } from './console-page';
import { expect, test } from './fixtures';

const { en, fr } = catalogs;
const [DESK, ANN] = [DESK_MAILBOX, ANN_MAILBOX];

/** The settings' e-mail tab, opened from the sidebar and the section tabs. */
async function openMailSettings(page: Page, strings: typeof en) {
  await page
    .getByRole('navigation', { name: strings.nav.main })
    .getByRole('link', { name: strings.nav.settings })
    .click();
  await page
    .getByRole('navigation', { name: strings.settings.sections })
    .getByRole('link', { name: strings.settings.tabs.mail })
    .click();
  await expect(
    page.getByRole('heading', { name: strings.settings.mail.title, level: 2 }),
  ).toBeVisible();
}

/** Fills one server's fieldset (IMAP or SMTP) as an administrator would. */
async function fillServer(
  page: Page,
  legend: string,
  server: { port: number; user: string; password: string },
) {
  const { mail } = en.settings;
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel(mail.host, { exact: true }).fill('127.0.0.1');
  await group.getByLabel(mail.port, { exact: true }).fill(String(server.port));
  await group.getByRole('combobox', { name: mail.security }).selectOption('none');
  await group.getByLabel(mail.user, { exact: true }).fill(server.user);
  await group.getByLabel(mail.password, { exact: true }).fill(server.password);
}

async function deskUnseen(servers: MailServers): Promise<number> {
  const client = imapClient(servers, DESK);
  await client.connect();
  try {
    const status = await client.status('INBOX', { unseen: true });
    return status ? (status.unseen ?? -1) : -1;
  } finally {
    await client.logout();
  }
}

/**
 * The desk's e-mail end to end: a real Dovecot (IMAP) and SMTP server on 127.0.0.1, the
 * browser-mode console on SQLite, Chromium. Set up on the settings screen, a message with an
 * attachment becomes a ticket with its evidence, the analyst's message reaches the requester
 * with the ticket's reference, her reply lands on the same ticket, and an auto-reply and a
 * bounce start nothing.
 */
test('the desk’s mailbox: set up on screen, mail in as tickets, mail out to the requester', async ({
  page,
  desk,
}) => {
  test.setTimeout(180_000);
  const servers = await startMailServers([DESK, ANN]);
  try {
    const { mail } = en.settings;
    await page.goto(desk.host.url);
    await openMailSettings(page, en);
    const form = page.getByRole('form', { name: mail.title });
    await form.getByRole('checkbox', { name: mail.enabled }).check();
    await fillServer(page, mail.imap, {
      port: servers.imapPort,
      user: DESK.address,
      password: DESK.password,
    });
    await form.getByLabel(mail.folder, { exact: true }).fill('INBOX');
    await form.getByRole('combobox', { name: mail.afterIntake }).selectOption('seen');
    await form.getByRole('checkbox', { name: mail.sending }).check();
    await fillServer(page, mail.smtp, { port: servers.smtpPort, user: '', password: '' });
    await form.getByLabel(mail.from, { exact: true }).fill(DESK.address);

    await form.getByRole('button', { name: mail.test }).click();
    const result = form.getByRole('status');
    await expect(result).toContainText(`${mail.imap}: ${mail.connected}`);
    await expect(result).toContainText(`${mail.smtp}: ${mail.connected}`);
    await expectAccessible(page, 'the e-mail settings, tested (en)');
    await form.getByRole('button', { name: mail.save }).click();
    // Saved: the password is sealed and no longer shown, only that one is kept.
    await expect(
      page.getByRole('group', { name: mail.imap }).getByLabel(mail.password, { exact: true }),
    ).toHaveAttribute('placeholder', mail.passwordKept);

    // The same screen in French.
    await switchLanguage(page, 'en', 'fr');
    await expect(
      page.getByRole('heading', { name: fr.settings.mail.title, level: 2 }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: fr.settings.mail.test })).toBeVisible();
    await expect(page.getByRole('group', { name: fr.settings.mail.imap })).toBeVisible();
    await expectAccessible(page, 'the e-mail settings (fr)');
    await switchLanguage(page, 'fr', 'en');

    // A message with an attachment becomes a ticket in the queue, channel e-mail.
    const log = 'ERROR 0x80070005 spooler stopped\n'.repeat(30);
    const sha256 = createHash('sha256').update(log).digest('hex');
    await sendMail(servers, DESK, {
      from: 'Ann de Vries <ann@desk.test>',
      subject: 'Printer on floor 2 prints blank pages',
      messageId: '<blank-pages@ann.desk.test>',
      text: 'Since this morning every page comes out blank.',
      attachments: [{ filename: 'spooler.log', content: log, contentType: 'text/plain' }],
    });
    await page
      .getByRole('navigation', { name: en.nav.main })
      .getByRole('link', { name: en.nav.tickets })
      .click();
    await page
      .getByRole('group', { name: en.queue.channel })
      .getByRole('checkbox', { name: en.channel.email })
      .check();
    const queue = page.getByRole('listbox', { name: en.queue.listLabel });
    const printer = queue.getByRole('option', { name: /Printer on floor 2 prints blank pages/ });
    await expect(printer).toBeVisible({ timeout: 30_000 });
    await printer.click();
    await expect(page).toHaveURL(/#\/tickets\/\d+/);
    const ticketId = Number(/#\/tickets\/(\d+)/.exec(page.url())![1]);

    // The attachment is the ticket's evidence, named and hashed.
    await expect(
      page.getByRole('heading', {
        name: `E-mail attachment spooler.log from ann@desk.test`,
      }),
    ).toBeVisible();
    await expect(page.getByText(sha256, { exact: true })).toBeVisible();
    await expectAccessible(page, 'a ticket from e-mail with its attachment (en)');

    // The analyst writes to the requester; it arrives in her mailbox with the reference.
    const writeTo = page.getByRole('region', { name: en.ticket.mail.title });
    await writeTo
      .getByLabel(en.ticket.mail.body)
      .fill('Could you send a photo of the printer’s display?');
    await writeTo.getByRole('button', { name: en.ticket.mail.send }).click();
    await expect(writeTo.getByText(en.ticket.mail.state.sent, { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    let received: Awaited<ReturnType<typeof takeParsedMail>> = [];
    await expect
      .poll(async () => {
        received.push(...(await takeParsedMail(servers, ANN)));
        return received.length;
      })
      .toBe(2);
    // The desk's automatic acknowledgement of her ticket, then the analyst's message.
    const acknowledgement = received.find((mail) => mail.headers.get('auto-submitted'));
    expect(acknowledgement?.subject).toBe(
      `[#${ticketId}] We received your request: Printer on floor 2 prints blank pages`,
    );
    expect(acknowledgement?.headers.get('auto-submitted')).toBe('auto-generated');
    const toAnn = received.find((mail) => mail !== acknowledgement);
    expect(toAnn?.subject).toBe(`[#${ticketId}] Printer on floor 2 prints blank pages`);
    expect(toAnn?.inReplyTo).toBe('<blank-pages@ann.desk.test>');
    expect(toAnn?.text?.trim()).toBe('Could you send a photo of the printer’s display?');

    // Her reply lands on the same ticket's timeline.
    await sendMail(servers, DESK, {
      from: 'Ann de Vries <ann@desk.test>',
      subject: `Re: ${toAnn!.subject!}`,
      messageId: '<photo@ann.desk.test>',
      inReplyTo: toAnn!.messageId!,
      references: [toAnn!.messageId!],
      text: 'The display shows code E-214 and a paper symbol.',
    });
    await expect(page.getByText('The display shows code E-214 and a paper symbol.')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page).toHaveURL(new RegExp(`#/tickets/${ticketId}$`));

    // An auto-reply and a bounce start nothing; the message after them is a ticket.
    await sendMail(servers, DESK, {
      from: 'carol@desk.test',
      subject: 'Out of office',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Monday.',
    });
    const boundary = 'report-boundary';
    await servers.sendRaw(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.desk.test>',
        'To: desk@desk.test',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce-1@mx.desk.test>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'This is the mail system. Your message could not be delivered.',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.desk.test',
        '',
        'Final-Recipient: rfc822; nobody@elsewhere.test',
        'Action: failed',
        'Status: 5.1.1',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
      { from: '', to: [DESK.address] },
    );
    await sendMail(servers, DESK, {
      from: 'ann@desk.test',
      subject: 'Second monitor flickers',
      text: 'It flickers every few seconds.',
    });
    await page
      .getByRole('navigation', { name: en.nav.main })
      .getByRole('link', { name: en.nav.tickets })
      .click();
    await expect(queue.getByRole('option', { name: /Second monitor flickers/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(queue.getByRole('option')).toHaveCount(2);
    await expect(queue.getByRole('option', { name: /Out of office|Undelivered/ })).toHaveCount(0);
    await expect.poll(() => deskUnseen(servers)).toBe(0);
    // To the requester only the acknowledgement of her second ticket: nothing answers the
    // auto-reply or the bounce.
    received = [];
    await expect
      .poll(async () => {
        received.push(...(await takeParsedMail(servers, ANN)));
        return received.map((mail) => mail.subject);
      })
      .toEqual([
        expect.stringMatching(/^\[#\d+\] We received your request: Second monitor flickers$/),
      ]);
  } finally {
    await servers.stop();
  }
});
