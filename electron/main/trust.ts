import { onAppOrigin } from './app-protocol';

/**
 * IPC is answered only for the console's own page: a URL on the app scheme's one origin,
 * app://deskside (any path and in-page route; the scheme serves nothing but the built
 * renderer). A frame that navigated elsewhere, file://, http(s), another host or port on
 * the scheme, or a URL with credentials gets nothing.
 */
export function isTrustedRendererUrl(frameUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  return onAppOrigin(url);
}
