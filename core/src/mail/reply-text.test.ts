import { describe, expect, it } from 'vitest';
import { replyText } from './reply-text';

const quoted = (attribution: string) =>
  [
    'The printer works again, thank you.',
    '',
    attribution,
    '> Could you try printing a test page?',
    '> Regards, the service desk',
  ].join('\n');

describe('replyText', () => {
  it.each([
    ['English', 'On Mon, 1 Dec 2026 at 10:02, Service Desk <desk@corp.test> wrote:'],
    ['Dutch', 'Op ma 1 dec 2026 om 10:02 schreef Service Desk <desk@corp.test>:'],
    ['French', 'Le lun. 1 déc. 2026 à 10:02, Service Desk <desk@corp.test> a écrit :'],
    ['Greek', 'Στις Δευ 1 Δεκ 2026 στις 10:02, ο/η Service Desk <desk@corp.test> έγραψε:'],
  ])('drops the quoted original under a %s attribution line', (_language, attribution) => {
    expect(replyText(quoted(attribution))).toBe('The printer works again, thank you.');
  });

  it('drops an attribution a client wrapped onto two lines', () => {
    const text =
      'Yes.\n\nOn Mon, 1 Dec 2026 at 10:02, Service Desk <desk@corp.test>\nwrote:\n> ok?';
    expect(replyText(text)).toBe('Yes.');
  });

  it('drops the signature after "-- " and keeps what comes before', () => {
    const text = 'My screen stays black after the update.\n\n-- \nAnn de Vries\nFinance, room 2.14';
    expect(replyText(text)).toBe('My screen stays black after the update.');
  });

  it('drops an Outlook header block and everything below it', () => {
    const text = [
      'Still broken, see the error below.',
      '',
      'From: Service Desk <desk@corp.test>',
      'Sent: Monday, 1 December 2026 10:02',
      'To: Ann de Vries <ann@corp.test>',
      'Subject: [#12] Printer on floor 2',
      '',
      'Could you try printing a test page?',
    ].join('\r\n');
    expect(replyText(text)).toBe('Still broken, see the error below.');
  });

  it('drops Dutch and French Outlook blocks too', () => {
    const dutch =
      'Klopt.\n\nVan: Servicedesk\nVerzonden: maandag 1 december 2026\nAan: Ann\nOnderwerp: x\n\nold';
    const french =
      "C'est réglé.\n\nDe : Service\nEnvoyé : lundi 1 décembre 2026\nÀ : Ann\nObjet : x\n\nold";
    expect(replyText(dutch)).toBe('Klopt.');
    expect(replyText(french)).toBe("C'est réglé.");
  });

  it('keeps a line that merely starts with "From:" when no header block follows', () => {
    const text = 'From: the second floor, the printer jams.\nIt started today.';
    expect(replyText(text)).toBe(text);
  });

  it('drops lines quoted with ">" between the sender’s own lines', () => {
    expect(replyText('> Did it work?\nNo, it did not.\n>> older')).toBe('No, it did not.');
  });

  it('keeps the whole text when stripping would leave nothing', () => {
    const text = '> only a quote';
    expect(replyText(text)).toBe('> only a quote');
  });

  it('drops a "Sent from my phone" sign-off', () => {
    expect(replyText('Works now\n\nSent from my iPhone')).toBe('Works now');
  });
});
