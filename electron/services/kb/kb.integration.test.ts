import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateArticleInput, KbSearchQuery } from '@deskside/core';
import { TestClock } from '#test/helpers/clock';
import { TEST_ANALYST, callError, type TestConsole } from '#test/helpers/console';
import { STORE_KINDS, openConsoleOn } from '#test/helpers/stores';

const START = '2026-03-02T08:00:00.000Z';

/** One article in each of the desk's languages, about different problems. */
const ARTICLES: CreateArticleInput[] = [
  {
    title: 'Outlook does not sync the mailbox',
    body: 'Restart **Outlook** and check the connection status.',
    language: 'en',
    category: 'email/mailbox',
    tags: ['Outlook', 'mailbox'],
  },
  {
    title: 'Wifi valt weg op de derde verdieping',
    body: 'Vergeet het netwerk en verbind opnieuw met het bedrijfsnetwerk.',
    language: 'nl',
    category: 'network/wifi',
    tags: ['wifi'],
  },
  {
    title: 'L’imprimante affiche « Bourrage papier »',
    body: 'Ouvrez le capot arrière et retirez le papier froissé.',
    language: 'fr',
    category: 'printer/paper-jam',
    tags: ['imprimante', 'papier'],
  },
  {
    title: 'Ο εκτυπωτής δεν εκτυπώνει',
    body: 'Ελέγξτε την ουρά εκτύπωσης και επανεκκινήστε τον εκτυπωτή.',
    language: 'el',
    category: 'printer/driver',
    tags: ['εκτυπωτής'],
  },
];

describe.each(STORE_KINDS)('the knowledge base on %s', (kind) => {
  let desk: TestConsole;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock(START);
    desk = await openConsoleOn(kind, { now: clock.now });
  });
  afterEach(async () => {
    await desk.dispose();
  });

  const addAll = async () => {
    const ids: number[] = [];
    for (const article of ARTICLES) {
      clock.advanceMinutes(1);
      ids.push((await desk.call('kb.create', article)).id);
    }
    return ids;
  };
  const titles = async (query: KbSearchQuery) =>
    (await desk.call('kb.search', query)).articles.map((a) => a.title);

  it('keeps an article in Markdown with its category, tags and author, and counts nothing yet', async () => {
    const article = await desk.call('kb.create', ARTICLES[0]!);
    expect(article).toMatchObject({
      version: 1,
      title: 'Outlook does not sync the mailbox',
      body: 'Restart **Outlook** and check the connection status.',
      language: 'en',
      category: 'email/mailbox',
      // Lower case, each once, sorted.
      tags: ['mailbox', 'outlook'],
      createdBy: TEST_ANALYST,
      updatedBy: TEST_ANALYST,
      createdAt: '2026-03-02T08:00:00.000Z',
      sourceTicketId: null,
      usageCount: 0,
      helpedCount: 0,
      notHelpedCount: 0,
      uses: [],
    });
    expect(await desk.call('kb.get', { id: article.id })).toEqual(article);
  });

  it('edits an article from the version the analyst opened, and refuses a stale one', async () => {
    const article = await desk.call('kb.create', ARTICLES[0]!);
    clock.advanceMinutes(5);
    const edited = await desk.call('kb.update', {
      id: article.id,
      expectedVersion: 1,
      ...ARTICLES[0]!,
      title: 'Outlook stops syncing after a password change',
      tags: ['outlook', 'password'],
    });
    expect(edited).toMatchObject({
      version: 2,
      tags: ['outlook', 'password'],
      updatedAt: '2026-03-02T08:05:00.000Z',
      createdAt: '2026-03-02T08:00:00.000Z',
    });
    const stale = await callError(
      desk.call('kb.update', { id: article.id, expectedVersion: 1, ...ARTICLES[0]! }),
    );
    expect(stale.code).toBe('stale_version');
    expect(stale.message).toContain('version 2');
    expect(await desk.call('kb.get', { id: article.id })).toEqual(edited);
    // The index follows the edit: the old title's words are gone, the new ones found.
    expect(await titles({ search: 'sync mailbox' })).toEqual([]);
    expect(await titles({ search: 'password change' })).toEqual([edited.title]);
    expect(await desk.call('kb.tags', {})).toEqual([
      { tag: 'outlook', count: 1 },
      { tag: 'password', count: 1 },
    ]);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const cases: [Partial<CreateArticleInput>, string][] = [
      [{ title: 'x' }, 'title'],
      [{ body: '   ' }, 'body'],
      [{ language: 'de' as never }, 'language'],
      [{ tags: ['not a tag'] }, 'tags.0'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      [{ category: 'printer/no-such-thing' }, 'category'],
      [{ sourceTicketId: 999 }, ''],
    ];
    for (const [change, path] of cases) {
      const error = await callError(desk.call('kb.create', { ...ARTICLES[0]!, ...change }));
      if (path) expect(error.issues?.[0]?.path, JSON.stringify(change)).toBe(path);
      else expect(error.code).toBe('not_found');
    }
    expect((await desk.call('kb.search', {})).articles).toEqual([]);
    expect(await desk.call('kb.tags', {})).toEqual([]);
  });

  it('finds articles in all four languages, blind to case and accents', async () => {
    await addAll();
    expect(await titles({ search: 'OUTLOOK' })).toEqual([ARTICLES[0]!.title]);
    expect(await titles({ search: 'verdieping' })).toEqual([ARTICLES[1]!.title]);
    // "Bourrage" typed without its capital, "froisse" without its accent.
    expect(await titles({ search: 'bourrage froisse' })).toEqual([ARTICLES[2]!.title]);
    // Greek in capitals and without tonos, and a word's start.
    expect(await titles({ search: 'ΕΚΤΥΠΩΤΗΣ' })).toEqual([ARTICLES[3]!.title]);
    expect(await titles({ search: 'εκτυπω ουρα' })).toEqual([ARTICLES[3]!.title]);
    // Tags are searched too; search syntax is only words.
    expect(await titles({ search: 'papier' })).toEqual([ARTICLES[2]!.title]);
    expect(await titles({ search: '"OR* NEAR(' })).toEqual([]);
  });

  it('ranks a match in the title above a match in the body', async () => {
    await desk.call('kb.create', {
      title: 'Docking station checklist',
      body: 'If the screen stays black, check the monitor cable and the monitor input.',
      language: 'en',
    });
    clock.advanceMinutes(1);
    await desk.call('kb.create', {
      title: 'Monitor stays black',
      body: 'Check the power cable.',
      language: 'en',
    });
    expect(await titles({ search: 'monitor' })).toEqual([
      'Monitor stays black',
      'Docking station checklist',
    ]);
  });

  it('filters by category (with its sub-categories), tag and language, and pages', async () => {
    await addAll();
    expect(await titles({ category: 'printer' })).toEqual([ARTICLES[3]!.title, ARTICLES[2]!.title]);
    expect(await titles({ category: 'printer/paper-jam' })).toEqual([ARTICLES[2]!.title]);
    expect(await titles({ tag: 'WIFI' })).toEqual([ARTICLES[1]!.title]);
    expect(await titles({ language: 'el' })).toEqual([ARTICLES[3]!.title]);
    expect(await titles({ category: 'printer', search: 'εκτυπωτησ' })).toEqual([
      ARTICLES[3]!.title,
    ]);
    const first = await desk.call('kb.search', { limit: 3 });
    const rest = await desk.call('kb.search', { limit: 3, offset: 3 });
    expect(first.hasMore).toBe(true);
    expect(rest.hasMore).toBe(false);
    // Newest edit first when there is no search.
    expect([...first.articles, ...rest.articles].map((a) => a.title)).toEqual(
      ARTICLES.map((a) => a.title).reverse(),
    );
  });

  it('suggests articles from a ticket summary as it is typed, ignoring filler words', async () => {
    await addAll();
    const suggest = async (text: string) =>
      (await desk.call('kb.suggest', { text })).map((a) => a.title);
    expect(await suggest('the')).toEqual([]);
    expect(await suggest('ou')).toEqual([]);
    // Any word may match; a word still being typed matches as a start.
    expect(await suggest('Mailbox is not syncing in outl')).toEqual([ARTICLES[0]!.title]);
    expect(await suggest('De wifi werkt niet')).toEqual([ARTICLES[1]!.title]);
    expect(await suggest('Le bourrage de l’imprimante')).toEqual([ARTICLES[2]!.title]);
    expect(await suggest('ΔΕΝ ΕΚΤΥΠΩΝΕΙ')).toEqual([ARTICLES[3]!.title]);
    expect(
      await desk.call('kb.suggest', { text: 'printer imprimante εκτυπωτής', limit: 1 }),
    ).toHaveLength(1);
  });

  it('adds the starter articles in four languages once', async () => {
    expect(await desk.call('kb.addStarterArticles', {})).toEqual({ added: 12 });
    expect(await desk.call('kb.addStarterArticles', {})).toEqual({ added: 0 });
    for (const language of ['en', 'nl', 'fr', 'el'] as const) {
      expect((await desk.call('kb.search', { language })).articles).toHaveLength(3);
    }
    expect(await titles({ search: 'VPN', language: 'fr' })).toEqual(['Le VPN ne se connecte pas']);
  });
});
