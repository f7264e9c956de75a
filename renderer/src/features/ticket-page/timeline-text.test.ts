import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type TimelineEntry } from '@deskside/core';
import { loadLanguage, setupI18n } from '../../i18n';
import { formatRelative } from '../../i18n/format';
import { describeEntry } from './timeline-text';

const entry = (kind: TimelineEntry['kind'], data: Record<string, unknown>): TimelineEntry => ({
  id: 1,
  ticketId: 1,
  kind,
  author: 'sofie',
  at: '2026-03-02T08:00:00.000Z',
  body: '',
  data,
});
const describeIn = (language: string, item: TimelineEntry) =>
  describeEntry(item, {
    t: i18next.getFixedT(language),
    locale: language,
    groupName: (id) => (id === 'network' ? 'Network team' : id),
  });

beforeAll(async () => {
  await setupI18n('en');
  await Promise.all(LANGUAGES.map(loadLanguage));
});

describe('describeEntry', () => {
  it('says what each kind of entry records, from its data', () => {
    expect(describeIn('en', entry('status', { from: 'new', to: 'waiting_on_user' }))).toBe(
      'Status: New → Waiting on user',
    );
    expect(describeIn('en', entry('escalation', { fromTier: 'tier1', toTier: 'specialist' }))).toBe(
      'Escalated from First line to Specialists',
    );
    expect(describeIn('en', entry('assignment', { assignee: 'marc', groupId: 'network' }))).toBe(
      'Assigned to marc · Network team',
    );
    expect(describeIn('en', entry('call', { direction: 'outbound' }))).toBe('Call to the user');
    expect(
      describeIn(
        'en',
        entry('resolution', { from: 'in_progress', to: 'resolved', resolutionCode: 'workaround' }),
      ),
    ).toBe('Resolved: Workaround');
  });

  it('says what the desk read in a requester’s e-mail, and flags one from another address', () => {
    const mail = { direction: 'inbound', from: 'ann@corp.test' };
    expect(describeIn('en', entry('email', mail))).toBe('E-mail from the user');
    expect(describeIn('nl', entry('email', { ...mail, answer: 'works' }))).toBe(
      'E-mail van de gebruiker: het werkt',
    );
    expect(describeIn('fr', entry('email', { ...mail, answer: 'not-working' }))).toBe(
      'E-mail de l’utilisateur : ça ne fonctionne toujours pas',
    );
    expect(
      describeIn('el', entry('email', { ...mail, from: 'eve@x.test', fromOtherAddress: true })),
    ).toBe('Email από άλλη διεύθυνση από του αιτούντα (eve@x.test): δεν άλλαξε τίποτα στο αίτημα');
  });

  it('speaks the analyst’s language', () => {
    expect(describeIn('el', entry('status', { from: 'new', to: 'in_progress' }))).toBe(
      'Κατάσταση: Νέο → Σε εξέλιξη',
    );
    expect(describeIn('fr', entry('feedback', { rating: 4 }))).toBe(
      'Satisfaction de l’utilisateur : 4 sur 5',
    );
  });

  it('names the kind of evidence attached', () => {
    const machineName = 'Reception PC';
    expect(describeIn('nl', entry('evidence', { machineName, evidenceKind: 'checks' }))).toBe(
      'Controleresultaten van Reception PC toegevoegd',
    );
    expect(describeIn('en', entry('evidence', { machineName, evidenceKind: 'inventory' }))).toBe(
      'Inventory of Reception PC attached',
    );
    expect(describeIn('en', entry('evidence', { machineName }))).toBe(
      'Inventory of Reception PC attached',
    );
    expect(
      describeIn('fr', entry('evidence', { machineName, evidenceKind: 'inventory-diff' })),
    ).toBe('Changements sur Reception PC joints');
    expect(
      describeIn(
        'en',
        entry('evidence', { machineName: 'spooler.log', evidenceKind: 'mail-attachment' }),
      ),
    ).toBe('E-mail attachment spooler.log kept');
  });

  it('tells messages through the employee’s help page from chats logged by hand', () => {
    expect(describeIn('en', entry('chat', { direction: 'inbound' }))).toBe('Chat from the user');
    expect(describeIn('en', entry('chat', { direction: 'inbound', channel: 'agent' }))).toBe(
      'Message from the employee’s help page',
    );
    expect(describeIn('fr', entry('chat', { direction: 'outbound', channel: 'agent' }))).toBe(
      'Message vers la page d’aide de l’employé',
    );
    expect(
      describeIn('el', entry('chat', { direction: 'inbound', channel: 'agent', works: true })),
    ).toBe('Ο εργαζόμενος αναφέρει ότι λειτουργεί τώρα.');
    expect(
      describeIn('nl', entry('chat', { direction: 'inbound', channel: 'agent', rating: 2 })),
    ).toBe('Gegeven beoordeling: 2/5');
  });

  it('falls back to the kind’s name when the data is not as expected', () => {
    expect(describeIn('nl', entry('escalation', { tier: 'up' }))).toBe('Geëscaleerd');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-03-02T08:00:00.000Z');
  it('uses the largest unit that fits, in the given language', () => {
    expect(formatRelative('2026-03-02T11:00:00.000Z', now, 'en')).toBe('in 3 hours');
    expect(formatRelative('2026-02-28T08:00:00.000Z', now, 'en')).toBe('2 days ago');
    expect(formatRelative('2026-03-02T08:00:20.000Z', now, 'en')).toBe('this minute');
    expect(formatRelative('2026-03-02T08:30:00.000Z', now, 'nl')).toBe('over 30 minuten');
  });
});
