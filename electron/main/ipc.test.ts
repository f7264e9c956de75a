import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IpcMain, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL } from './app-protocol';
import { handleTrusted, isTrustedSender, onTrusted } from './ipc';

type Listener = (event: { senderFrame: WebFrameMain | null }, input: unknown) => unknown;

/** A stand-in for Electron's ipcMain (no Electron binary here): it keeps what is registered. */
function standInIpcMain() {
  const registered = new Map<string, Listener>();
  const add = (channel: string, listener: Listener) => {
    registered.set(channel, listener);
  };
  return {
    ipc: { handle: add, on: add } as unknown as Pick<IpcMain, 'handle' | 'on'>,
    send: (channel: string, senderFrame: WebFrameMain | null, input: unknown) =>
      registered.get(channel)?.({ senderFrame }, input),
  };
}

const frame = (url: string, parent: object | null = null) =>
  ({ url, parent }) as unknown as WebFrameMain;

const UNTRUSTED: [string, WebFrameMain | null][] = [
  ['no frame (it went away)', null],
  ['an iframe inside the console page', frame(APP_INDEX_URL, frame(APP_INDEX_URL))],
  ['a page on file://', frame('file:///opt/deskside/dist/renderer/index.html')],
  ['a remote page', frame('https://example.com/')],
  ['another host on the scheme', frame('app://evil/index.html')],
];

describe('IPC sender validation (stand-in ipcMain and frames)', () => {
  it('trusts only the top frame showing app://deskside', () => {
    expect(isTrustedSender(frame(`${APP_INDEX_URL}#/tickets/1`))).toBe(true);
    for (const [what, sender] of UNTRUSTED) expect(isTrustedSender(sender), what).toBe(false);
  });

  it('handleTrusted answers the console page and refuses every other sender', async () => {
    const { ipc, send } = standInIpcMain();
    const handler = vi.fn((input: unknown) =>
      Promise.resolve<{ ok: boolean; input?: unknown }>({ ok: true, input }),
    );
    handleTrusted(ipc, 'deskside:app.info', handler, () => Promise.resolve({ ok: false }));

    expect(await send('deskside:app.info', frame(APP_INDEX_URL), 7)).toEqual({
      ok: true,
      input: 7,
    });
    for (const [what, sender] of UNTRUSTED) {
      expect(await send('deskside:app.info', sender, 8), what).toEqual({ ok: false });
    }
    expect(handler).toHaveBeenCalledOnce();
  });

  it('onTrusted passes on messages from the console page only', () => {
    const { ipc, send } = standInIpcMain();
    const listener = vi.fn();
    onTrusted(ipc, 'deskside:ping', listener);
    send('deskside:ping', frame(APP_INDEX_URL), 'yes');
    for (const [, sender] of UNTRUSTED) send('deskside:ping', sender, 'no');
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0]?.[0]).toBe('yes');
  });

  it('no main-process file registers on ipcMain except through handleTrusted or onTrusted', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    );
    expect(sources).toContain('index.ts');
    for (const name of sources) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text, name).not.toMatch(/ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\b/);
      expect(text, name).not.toMatch(/\bipc\s*\.\s*(handleOnce|once|addListener)\b/);
    }
    expect(readFileSync(path.join(dir, 'index.ts'), 'utf8')).toMatch(/handleTrusted\(\s*ipcMain,/);
  });
});
