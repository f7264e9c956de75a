import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MailSettingsView } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import { MailSettings } from './MailSettings';

beforeAll(async () => {
  await setupI18n('en');
});

const saved: MailSettingsView = {
  settings: {
    enabled: true,
    imap: {
      host: 'imap.corp.test',
      port: 993,
      security: 'tls',
      user: 'desk@corp.test',
      folder: 'INBOX',
      afterIntake: { kind: 'seen' },
    },
    smtp: null,
  },
  imapPasswordSet: true,
  smtpPasswordSet: false,
};

describe('mail settings (a fake console answers)', () => {
  it('keeps the sealed password when the field is left empty, and moves mail when told', async () => {
    const call = renderWithApi(<MailSettings />, {
      'mail.settings': () => saved,
      'mail.saveSettings': () => saved,
    });
    const imap = within(await screen.findByRole('group', { name: 'Incoming mail (IMAP)' }));
    expect(imap.getByLabelText<HTMLInputElement>('Password').placeholder).toBe(
      'Saved; leave empty to keep it',
    );
    fireEvent.change(screen.getByLabelText('After a message is taken'), {
      target: { value: 'move' },
    });
    fireEvent.change(screen.getByLabelText('Folder to move it to'), {
      target: { value: 'Archive' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('mail.saveSettings', {
        enabled: true,
        imap: { ...saved.settings!.imap, afterIntake: { kind: 'move', folder: 'Archive' } },
        smtp: null,
      });
    });
  });

  it('says which server refused the connection test', async () => {
    renderWithApi(<MailSettings />, {
      'mail.settings': () => saved,
      'mail.testConnection': () => ({
        imap: { ok: false, error: 'Authentication failed' },
        smtp: null,
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(
      await screen.findByText('Incoming mail (IMAP): failed: Authentication failed'),
    ).toBeTruthy();
  });
});
