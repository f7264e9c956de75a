/**
 * The mailbox settings through the console's API, against a real Dovecot and SMTP server on
 * 127.0.0.1: the passwords are sealed in the console's folder (never written in clear), the
 * connection test says which server refused, and once saved the console itself reads the
 * mailbox.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMailServers, type MailServers } from '#test/helpers/mail-servers';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { MAIL_SETTINGS_FILE } from './mail-service';

const DESK = { address: 'desk@desk.test', password: 'sealed-imap-password' };

let servers: MailServers;
let desk: TestConsole | undefined;
beforeAll(async () => {
  servers = await startMailServers([DESK]);
});
afterAll(async () => {
  await servers.stop();
});
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

const settings = (password?: string) => ({
  enabled: true,
  imap: {
    host: '127.0.0.1',
    port: servers.imapPort,
    security: 'none' as const,
    user: DESK.address,
    ...(password === undefined ? {} : { password }),
    folder: 'INBOX',
    afterIntake: { kind: 'seen' as const },
  },
  smtp: {
    host: '127.0.0.1',
    port: servers.smtpPort,
    security: 'none' as const,
    from: DESK.address,
  },
});

describe('mail settings', () => {
  it('seals the password, tests both servers and reads the mailbox once saved', async () => {
    desk = await openTestConsole();
    expect(await desk.call('mail.settings', {})).toEqual({
      settings: null,
      imapPasswordSet: false,
      smtpPasswordSet: false,
    });

    const wrong = await desk.call('mail.testConnection', { settings: settings('not-it') });
    expect(wrong.imap.ok).toBe(false);
    expect(wrong.imap.error).toMatch(/auth/i);
    expect(wrong.smtp).toEqual({ ok: true, error: null });

    const view = await desk.call('mail.saveSettings', settings(DESK.password));
    expect(view).toMatchObject({ imapPasswordSet: true, smtpPasswordSet: false });
    expect(view.settings?.imap).not.toHaveProperty('password');
    const file = await readFile(path.join(desk.dataDir, MAIL_SETTINGS_FILE), 'utf8');
    expect(file).not.toContain(DESK.password);
    expect(JSON.parse(file).imapPassword).toMatch(/^kf1:/);

    // Saved again without a password: the sealed one is kept, and the saved settings test ok.
    await desk.call('mail.saveSettings', settings());
    expect(await desk.call('mail.testConnection', {})).toEqual({
      imap: { ok: true, error: null },
      smtp: { ok: true, error: null },
    });

    // The console reads the mailbox it was given: a message becomes a ticket.
    const smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: servers.smtpPort,
      ignoreTLS: true,
    });
    await smtp.sendMail({
      from: 'dan@corp.test',
      to: DESK.address,
      subject: 'Badge reader',
      text: 'It beeps.',
    });
    const deadline = Date.now() + 15_000;
    let queue = await desk.call('tickets.list', {});
    while (queue.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      queue = await desk.call('tickets.list', {});
    }
    expect(queue).toMatchObject([
      { summary: 'Badge reader', channel: 'email', requester: 'dan@corp.test' },
    ]);
  });

  it('refuses settings that do not hold together', async () => {
    desk = await openTestConsole();
    const error = await callError(
      desk.call('mail.saveSettings', {
        ...settings('x'),
        imap: { ...settings('x').imap, port: 0, afterIntake: { kind: 'move' } },
      } as never),
    );
    expect(error.code).toBe('validation');
  });
});
