import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages';
import { referencedTicket } from './threads';
import {
  MAIL_TEMPLATE_EVENTS,
  SaveMailTemplateInputSchema,
  defaultTemplate,
  renderTemplate,
  sampleValues,
  unknownPlaceholders,
} from './templates';

const values = { ...sampleValues('en'), ticket: '#42', status: 'resolved' };

describe('mail templates', () => {
  it('fills every placeholder, with or without spaces inside the braces', () => {
    const mail = renderTemplate(
      { subject: 'About {{ summary }}', body: 'Hi {{requester}}, {{ticket}} is {{status}}.' },
      42,
      values,
    );
    expect(mail.subject).toBe('[#42] About The printer on floor 2 jams');
    expect(mail.body).toBe('Hi Ann de Vries, #42 is resolved.');
  });

  it('puts the ticket reference in the subject once, so replies thread', () => {
    const mail = renderTemplate({ subject: '[#42] {{summary}}', body: 'x' }, 42, values);
    expect(mail.subject).toBe('[#42] The printer on floor 2 jams');
    expect(referencedTicket(`Re: ${mail.subject}`)).toBe(42);
  });

  it('keeps the subject on one line whatever a value holds', () => {
    const mail = renderTemplate({ subject: '{{summary}}', body: '{{resolution}}' }, 7, {
      ...values,
      summary: 'two\r\nlines',
      resolution: 'first\nsecond',
    });
    expect(mail.subject).toBe('[#7] two lines');
    expect(mail.body).toBe('first\nsecond');
  });

  it('renders plain text: markup in a value is left as it is', () => {
    const mail = renderTemplate({ subject: 's', body: '{{summary}}' }, 7, {
      ...values,
      summary: '<b>x</b> & y',
    });
    expect(mail.body).toBe('<b>x</b> & y');
  });

  it('names unknown placeholders, and saving refuses them with a clear message', () => {
    expect(unknownPlaceholders('{{ticket}} {{ tiket }} {{foo}} {{foo}}')).toEqual(['tiket', 'foo']);
    const result = SaveMailTemplateInputSchema.safeParse({
      event: 'received',
      language: 'fr',
      enabled: true,
      subject: 'Reçu',
      body: 'Bonjour {{nom}}',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['body']);
    expect(result.error?.issues[0]?.message).toMatch(
      /Unknown placeholder \{\{nom\}\}; use \{\{ticket\}\}/,
    );
  });

  it('refuses an empty body and a subject of two lines', () => {
    const base = { event: 'closed', language: 'en', enabled: false, subject: 's', body: 'b' };
    expect(SaveMailTemplateInputSchema.safeParse(base).success).toBe(true);
    expect(SaveMailTemplateInputSchema.safeParse({ ...base, body: '  ' }).success).toBe(false);
    expect(SaveMailTemplateInputSchema.safeParse({ ...base, subject: 'a\nb' }).success).toBe(false);
    expect(SaveMailTemplateInputSchema.safeParse({ ...base, event: 'deleted' }).success).toBe(
      false,
    );
  });

  it('has a valid default for every event and language, the questions in each language', () => {
    for (const event of MAIL_TEMPLATE_EVENTS) {
      for (const language of LANGUAGES) {
        const template = defaultTemplate(event, language);
        const { event: e, language: l, enabled, subject, body } = template;
        expect(
          SaveMailTemplateInputSchema.parse({ event: e, language: l, enabled, subject, body }),
        ).toBeTruthy();
      }
    }
    expect(defaultTemplate('resolved', 'fr').body).toContain('« oui, ça marche » ou « non »');
    expect(defaultTemplate('resolved', 'en').body).toContain('"yes, it works" or "no"');
    expect(defaultTemplate('closed', 'nl').body).toContain('cijfer van 1 tot 5');
    expect(defaultTemplate('closed', 'el').body).toContain('1 έως 5');
  });
});
