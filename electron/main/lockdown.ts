import type { Session, WebContents } from 'electron';

/** Every `window.open` and `target="_blank"` link is refused: the console has one window. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

function prevent(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * The page never leaves app://deskside: navigation of the window or any frame, redirects,
 * new windows and <webview> tags are all refused. In-page routes (the hash) are not
 * navigations and still work.
 */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-navigate', prevent);
  contents.on('will-frame-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
}

/**
 * The console asks for no permission (camera, notifications, geolocation, HID, ...): every
 * request, check and device request is refused.
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
