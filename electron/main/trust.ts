import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * IPC is answered only for the console's own page: a file:// URL of exactly the bundled
 * index.html (any in-page route after #). A frame that navigated elsewhere, an iframe or
 * any other origin gets nothing.
 */
export function isTrustedRendererUrl(frameUrl: string, indexHtmlPath: string): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || url.host !== '' || url.search !== '') return false;
  return path.resolve(fileURLToPath(url)) === path.resolve(indexHtmlPath);
}
