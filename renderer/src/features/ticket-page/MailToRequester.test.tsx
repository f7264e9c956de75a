import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '@deskside/core';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import { MailToRequester } from './MailToRequester';

beforeAll(async () => {
  await setupI18n('en');
});

const mail = (changes: Partial<OutgoingMail>): OutgoingMail => ({
  id: 1,
  ticketId: 7,
  messageId: '<1@desk.test>',
  to: 'ann@corp.test',
  subject: '[#7] Printer',
  state: 'sent',
  attempts: 1,
  lastError: null,
  createdAt: '2026-12-02T10:00:00.000Z',
  sentAt: '2026-12-02T10:00:01.000Z',
  automatic: null,
  ...changes,
});

describe('e-mail to the requester (a fake console answers)', () => {
  it('shows each message’s delivery state, with the server’s answer when it was refused', async () => {
    renderWithApi(<MailToRequester ticketId={7} />, {
      'mail.outbox': () => [
        mail({}),
        mail({ id: 2, state: 'failed', lastError: '550 No mailbox ann@corp.test' }),
      ],
    });
    expect(await screen.findByText('sent')).toBeTruthy();
    expect(screen.getByText('not delivered')).toBeTruthy();
    expect(screen.getByText(/550 No mailbox/)).toBeTruthy();
  });

  it('labels what the desk sent by itself with its event', async () => {
    renderWithApi(<MailToRequester ticketId={7} />, {
      'mail.outbox': () => [mail({ automatic: 'resolved', subject: '[#7] Resolved: Printer' })],
    });
    expect(await screen.findByText('Automatic: Resolved: asks to confirm')).toBeTruthy();
    expect(screen.getByText('[#7] Resolved: Printer')).toBeTruthy();
  });

  it('sends what the analyst wrote and empties the field', async () => {
    const call = renderWithApi(<MailToRequester ticketId={7} />, {
      'mail.outbox': () => [],
      'mail.send': () => mail({ state: 'queued', attempts: 0, sentAt: null }),
    });
    const field = await screen.findByLabelText('Message');
    fireEvent.change(field, { target: { value: 'Please restart the printer.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('mail.send', {
        ticketId: 7,
        body: 'Please restart the printer.',
      });
    });
    await waitFor(() => {
      expect((field as HTMLTextAreaElement).value).toBe('');
    });
  });

  it('offers to send again a message cut off while sending, or refused, and none that was sent', async () => {
    const call = renderWithApi(<MailToRequester ticketId={7} />, {
      'mail.outbox': () => [mail({}), mail({ id: 2, state: 'unknown', sentAt: null })],
      'mail.resend': () => mail({ id: 2, state: 'queued', attempts: 0, sentAt: null }),
    });
    expect(
      await screen.findByText('cut off while sending: whether it arrived is unknown'),
    ).toBeTruthy();
    expect(screen.getByText(/may receive it twice/)).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: 'Send again' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('mail.resend', { id: 2 });
    });
  });
});
