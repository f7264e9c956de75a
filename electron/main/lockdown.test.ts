import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyWindowOpen, lockDownContents, lockDownSession } from './lockdown';

/** A stand-in for Electron's WebContents (no Electron binary here): it records listeners. */
function standInContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    },
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => {
      listeners.set(name, listener);
    },
  };
  return {
    contents: contents as unknown as WebContents,
    emit(name: string) {
      const event = { preventDefault: vi.fn() };
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      listener(event);
      return event.preventDefault;
    },
    openWindow: (url: string) => windowOpenHandler?.({ url }),
  };
}

describe('lockDownContents (stand-in WebContents)', () => {
  it('refuses every navigation, frame navigation, redirect and <webview>', () => {
    const page = standInContents();
    lockDownContents(page.contents);
    for (const name of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]) {
      expect(page.emit(name), name).toHaveBeenCalledOnce();
    }
  });

  it('refuses every new window, whatever the address', () => {
    const page = standInContents();
    lockDownContents(page.contents);
    for (const url of ['https://example.com/', 'app://deskside/index.html', 'file:///etc/passwd']) {
      expect(page.openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });
});

describe('lockDownSession (stand-in Session)', () => {
  it('refuses every permission request, permission check and device request', () => {
    let request:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
      setDevicePermissionHandler: (handler: typeof device) => (device = handler),
    } as unknown as Session;
    lockDownSession(session);

    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'openExternal',
      'clipboard-read',
    ]) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});
