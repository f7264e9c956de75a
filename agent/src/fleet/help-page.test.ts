import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentHelpDesk } from './help-desk';
import { chooseLanguage, startHelpPage, type HelpPage } from './help-page';
import { HELP_PAGE_TEXT } from './help-page-text';
import { dropInOutbox, helpOutbox, HelpStore, readHelpState } from './help-store';

let dir: string;
let page: HelpPage;
let desk: AgentHelpDesk;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-help-page-'));
  const store = new HelpStore(dir);
  await store.load();
  desk = new AgentHelpDesk({
    store,
    logger: pino({ level: 'silent' }),
    // No NATS here: a fixed inventory and no checks stand in for the agent's.
    inventory: () => Promise.resolve(new TextEncoder().encode('{"fixed":true}')),
    quickChecks: () => Promise.resolve([]),
    pollMs: 60_000,
  });
  page = await startHelpPage({ desk, logger: pino({ level: 'silent' }), port: 0 });
});

afterEach(async () => {
  await page.close();
  await desk.stop();
  await rm(dir, { recursive: true, force: true });
});

async function tokenOf(language: string): Promise<{ html: string; token: string }> {
  const html = await (await fetch(`${page.url}?lang=${language}`)).text();
  return { html, token: /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '' };
}

describe('the help page', () => {
  it('chooses the language from Accept-Language, else English', () => {
    expect(chooseLanguage('el-GR,el;q=0.9,en;q=0.5')).toBe('el');
    expect(chooseLanguage('de-DE, nl;q=0.8, fr;q=0.9')).toBe('fr');
    expect(chooseLanguage('de, ja')).toBe('en');
    expect(chooseLanguage(undefined)).toBe('en');
  });

  it('has the same words in every language', () => {
    const keys = Object.keys(HELP_PAGE_TEXT.en).sort();
    for (const text of Object.values(HELP_PAGE_TEXT))
      expect(Object.keys(text).sort()).toEqual(keys);
  });

  it('serves Greek with a language switcher, labels and no inline script', async () => {
    const response = await fetch(page.url, { headers: { 'Accept-Language': 'el' } });
    const html = await response.text();
    expect(html).toContain('<html lang="el">');
    expect(html).toContain(HELP_PAGE_TEXT.el.title);
    for (const code of ['en', 'nl', 'fr', 'el']) expect(html).toContain(`href="/?lang=${code}"`);
    for (const id of ['name', 'email', 'summary', 'description']) {
      expect(html).toContain(`<label for="${id}">`);
    }
    expect(html).not.toMatch(/<script>|<style>| on[a-z]+="/);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it('keeps a request in the data folder, waiting to be sent, with the inventory', async () => {
    const { token } = await tokenOf('nl');
    const response = await fetch(new URL('/request', page.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token,
        lang: 'nl',
        name: 'Jan <b>de Vries</b>',
        email: 'jan@example.org',
        summary: 'VPN <script>',
      }).toString(),
    });
    expect(response.headers.get('location')).toBe('/?lang=nl&note=sent');
    const state = await readHelpState(dir);
    expect(state.requests).toHaveLength(1);
    expect(state.pending).toMatchObject([
      { type: 'request', language: 'nl', inventory: { fixed: true } },
    ]);
    const { html } = await tokenOf('nl');
    expect(html).toContain('VPN &lt;script&gt;');
    expect(html).toContain(HELP_PAGE_TEXT.nl.waiting);
  });

  it('takes requests request-help left in the outbox, once', async () => {
    await dropInOutbox(dir, {
      form: { name: 'A', email: 'a@example.org', summary: 'From the command line' },
    });
    await desk.kick();
    await desk.kick();
    expect((await readHelpState(dir)).requests.map((r) => r.form.summary)).toEqual([
      'From the command line',
    ]);
    expect(await readdir(helpOutbox(dir))).toEqual([]);
  });

  it('shows a desk message once, however often it is delivered', async () => {
    const requestId = await desk.submit({ name: 'A', email: 'a@example.org', summary: 'S' }, 'en');
    const message = {
      type: 'message',
      messageId: '5b1a3a52-3a1a-4f7c-9f0e-1d2c3b4a5e6f',
      requestId,
      ticketId: 7,
      author: 'ana',
      sentAt: new Date().toISOString(),
      body: 'Hello',
    };
    expect(await desk.store.fromDesk(message)).toBe(true);
    expect(await desk.store.fromDesk(message)).toBe(false);
    expect(
      desk.store.request(requestId)?.conversation.filter((c) => c.from === 'desk'),
    ).toHaveLength(1);
    expect(desk.store.request(requestId)?.ticketId).toBe(7);
  });
});
