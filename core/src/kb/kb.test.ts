import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../settings';
import { articleDraftFromTicket, type DraftSource } from './draft';
import { CreateArticleInputSchema, TagSchema, splitTags } from './schema';
import { starterArticles } from './starters';
import { suggestionTerms } from './suggest';

describe('suggestionTerms', () => {
  it('keeps the words that describe the problem, folded, in each language', () => {
    expect(suggestionTerms('The printer does not print anymore')).toEqual([
      'printer',
      'print',
      'anymore',
    ]);
    expect(suggestionTerms('De printer print niet meer')).toEqual(['printer', 'print']);
    expect(suggestionTerms('L’imprimante n’imprime plus')).toEqual(['imprimante', 'imprime']);
    expect(suggestionTerms('Ο εκτυπωτής ΔΕΝ εκτυπώνει')).toEqual(['εκτυπωτησ', 'εκτυπωνει']);
  });

  it('drops fragments still being typed but keeps error numbers, each once', () => {
    expect(suggestionTerms('VPN error 42 vp')).toEqual(['vpn', 'error', '42']);
    expect(suggestionTerms('vpn VPN Vpn')).toEqual(['vpn']);
    expect(suggestionTerms('   ')).toEqual([]);
    expect(suggestionTerms('"OR" NEAR( * -')).toEqual(['near']);
  });
});

describe('an article written from a ticket', () => {
  const ticket: DraftSource = {
    id: 7,
    status: 'resolved',
    summary: '  Outlook keeps asking for the password ',
    description: 'Every morning after the laptop wakes up.',
    errorMessages: 'Need password ``` (0x80070005)',
    stepsTried: '',
    category: 'email/mailbox',
    resolutionNotes: 'Removed the old credentials from the credential manager.',
  };
  const headings = {
    problem: 'Problem',
    errorMessages: 'Error messages',
    stepsTried: 'Steps tried',
    resolution: 'Resolution',
  };

  it('takes the summary, description, errors and resolution; leaves out empty sections', () => {
    const draft = articleDraftFromTicket(ticket, headings, 'en');
    expect(draft).toMatchObject({
      title: 'Outlook keeps asking for the password',
      language: 'en',
      category: 'email/mailbox',
      sourceTicketId: 7,
    });
    expect(draft.body).toBe(
      [
        '## Problem',
        '',
        'Every morning after the laptop wakes up.',
        '',
        '## Error messages',
        '',
        // The fence is longer than the backticks in the message, which stays verbatim.
        '````',
        'Need password ``` (0x80070005)',
        '````',
        '',
        '## Resolution',
        '',
        'Removed the old credentials from the credential manager.',
      ].join('\n'),
    );
    expect(CreateArticleInputSchema.safeParse(draft).success).toBe(true);
  });

  it('is refused while the ticket is not resolved', () => {
    expect(() =>
      articleDraftFromTicket({ ...ticket, status: 'in_progress' }, headings, 'en'),
    ).toThrow(/not resolved/);
  });
});

describe('tags', () => {
  it('are lower-case words in any script joined by hyphens', () => {
    expect(TagSchema.parse(' Paper-Jam ')).toBe('paper-jam');
    expect(TagSchema.parse('Εκτυπωτής')).toBe('εκτυπωτής');
    for (const bad of ['two words', '-lead', 'trail-', 'a--b', '<b>', '']) {
      expect(TagSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('splitTags', () => {
  it('reads one field of tags separated by commas, semicolons or spaces', () => {
    expect(splitTags(' vpn, remote-work;wifi  τηλεργασία ,, ')).toEqual([
      'vpn',
      'remote-work',
      'wifi',
      'τηλεργασία',
    ]);
    expect(splitTags('')).toEqual([]);
  });
});

describe('the starter articles', () => {
  it('come in every language, the same topics with the same categories', () => {
    const byLanguage = LANGUAGES.map((language) =>
      starterArticles.filter((a) => a.language === language).map((a) => a.category),
    );
    expect(byLanguage[0]!.length).toBeGreaterThanOrEqual(3);
    for (const categories of byLanguage) expect(categories).toEqual(byLanguage[0]);
    const titles = starterArticles.map((a) => `${a.language}:${a.title}`);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
