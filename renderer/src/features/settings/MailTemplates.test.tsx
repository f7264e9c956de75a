import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  MAIL_TEMPLATE_EVENTS,
  SAMPLE_TICKET_ID,
  defaultTemplate,
  renderTemplate,
  sampleValues,
  type ApiInput,
} from '@deskside/core';
import { ApiError } from '../../api/client';
import { renderWithApi } from '../../api/fake-api';
import { setupI18n } from '../../i18n';
import { MailTemplates } from './MailTemplates';

beforeAll(async () => {
  await setupI18n('en');
});

const templates = () =>
  MAIL_TEMPLATE_EVENTS.flatMap((event) =>
    LANGUAGES.map((language) => defaultTemplate(event, language)),
  );

/** The console's preview, as core renders it with sample data. */
const preview = (input: unknown) => {
  const { subject, body, language } = input as ApiInput<'mail.previewTemplate'>;
  return renderTemplate({ subject, body }, SAMPLE_TICKET_ID, sampleValues(language));
};

describe('automatic message templates (a fake console answers)', () => {
  it('edits the French text of an event, previews it live and saves it switched off', async () => {
    const call = renderWithApi(<MailTemplates />, {
      'mail.templates': templates,
      'mail.previewTemplate': preview,
      'mail.saveTemplate': (input) => ({
        ...defaultTemplate('resolved', 'fr'),
        ...(input as object),
        isDefault: false,
        updatedBy: 'ana.lyst',
        updatedAt: '2026-12-03T01:00:00.000Z',
      }),
    });
    const section = within(await screen.findByRole('region', { name: 'Automatic messages' }));
    fireEvent.change(section.getByLabelText('Event'), { target: { value: 'resolved' } });
    fireEvent.change(section.getByLabelText('Language'), { target: { value: 'fr' } });
    const subject = await section.findByLabelText<HTMLInputElement>('Subject');
    expect(subject.value).toBe('Résolu : {{summary}}');
    expect(section.getByText('Built-in text, not changed yet.')).toBeTruthy();

    fireEvent.change(section.getByLabelText('Message'), {
      target: { value: 'Bonjour {{requester}}, c’est réglé ? Répondez « oui » ou « non ».' },
    });
    const shown = within(section.getByRole('region', { name: 'Preview' }));
    await waitFor(() => {
      expect(
        shown.getByText('Bonjour Marie Dubois, c’est réglé ? Répondez « oui » ou « non ».'),
      ).toBeTruthy();
    });
    expect(shown.getByText('[#123] Résolu : L’imprimante du 2e étage se bloque')).toBeTruthy();

    fireEvent.click(section.getByLabelText('Send this message'));
    fireEvent.click(section.getByRole('button', { name: 'Save template' }));
    await waitFor(() => {
      expect(call).toHaveBeenCalledWith('mail.saveTemplate', {
        event: 'resolved',
        language: 'fr',
        enabled: false,
        subject: 'Résolu : {{summary}}',
        body: 'Bonjour {{requester}}, c’est réglé ? Répondez « oui » ou « non ».',
      });
    });
    expect(await section.findByText('Template saved.')).toBeTruthy();
  });

  it('shows the console’s refusal of an unknown placeholder', async () => {
    renderWithApi(<MailTemplates />, {
      'mail.templates': templates,
      'mail.previewTemplate': preview,
      'mail.saveTemplate': () => {
        throw new ApiError('validation', 'Unknown placeholder {{nom}}; use {{ticket}}');
      },
    });
    const body = await screen.findByLabelText('Message');
    fireEvent.change(body, { target: { value: 'Bonjour {{nom}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText(/Unknown placeholder \{\{nom\}\}/)).toBeTruthy();
  });
});
