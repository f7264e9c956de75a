import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, cspOfHtml, withoutCspMeta } from './security';

const sourcePage = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');

describe('the Content Security Policy, one string everywhere', () => {
  it("renderer/index.html's meta tag states CONTENT_SECURITY_POLICY verbatim", () => {
    expect(cspOfHtml(sourcePage)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the header is the same policy plus frame-ancestors, which only a header can carry', () => {
    expect(SECURITY_HEADERS['content-security-policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
  });

  it('runs only scripts and styles of its own origin: no inline code, no eval, no objects', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|http:|https:/);
  });

  it('reads the tag however it is wrapped, and drops it for the dev server only', () => {
    const page = `<head>\n<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'none'"\n/>\n<title>x</title>`;
    expect(cspOfHtml(page)).toBe("default-src 'none'");
    expect(withoutCspMeta(page)).toBe('<head>\n<title>x</title>');
    expect(cspOfHtml('<head><title>x</title>')).toBeUndefined();
  });
});
