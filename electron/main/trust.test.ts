import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl } from './trust';

const index = path.resolve('/opt/deskside/resources/app/dist/renderer/index.html');
const indexUrl = pathToFileURL(index).href;

describe('isTrustedRendererUrl', () => {
  it('trusts the bundled page and its in-page routes', () => {
    expect(isTrustedRendererUrl(indexUrl, index)).toBe(true);
    expect(isTrustedRendererUrl(`${indexUrl}#/tickets/4`, index)).toBe(true);
  });

  it('trusts nothing else', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:3000/index.html',
      pathToFileURL(path.resolve('/tmp/index.html')).href,
      pathToFileURL(path.resolve('/opt/deskside/resources/app/dist/renderer/other.html')).href,
      `${indexUrl}?x=1`,
      'file://remote-host/opt/deskside/resources/app/dist/renderer/index.html',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isTrustedRendererUrl(url, index), url).toBe(false);
    }
  });
});
