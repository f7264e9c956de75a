import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from './app-protocol';
import { isTrustedRendererUrl } from './trust';

describe('isTrustedRendererUrl', () => {
  it('trusts the bundled page on app://deskside and its in-page routes', () => {
    expect(APP_INDEX_URL).toBe('app://deskside/index.html');
    expect(isTrustedRendererUrl(APP_INDEX_URL)).toBe(true);
    expect(isTrustedRendererUrl(`${APP_INDEX_URL}#/tickets/4`)).toBe(true);
    expect(isTrustedRendererUrl('app://deskside/')).toBe(true);
  });

  it('trusts no other origin: file://, http(s), other hosts, ports or credentials', () => {
    for (const url of [
      'file:///opt/deskside/resources/app/dist/renderer/index.html',
      'https://example.com/',
      'http://127.0.0.1:3000/index.html',
      'app://other/index.html',
      'app://deskside.example.com/index.html',
      'app://deskside:8080/index.html',
      'app://user:pass@deskside/index.html',
      'deskside://deskside/index.html',
      'about:blank',
      'data:text/html,<h1>x</h1>',
      'not a url',
      '',
    ]) {
      expect(isTrustedRendererUrl(url), url).toBe(false);
    }
  });
});
