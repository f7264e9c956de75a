import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArticleMarkdown } from './ArticleMarkdown';

const HOSTILE = [
  '# Reset the printer',
  '',
  '<script>window.pwned = "script"</script>',
  '',
  '<img src="x" onerror="window.pwned = \'img\'">',
  '',
  '<a href="#" onclick="window.pwned = \'click\'">press</a> and <b>bold html</b>',
  '',
  '<iframe src="https://example.org"></iframe>',
  '',
  '[run me](javascript:window.pwned="link") · [data](data:text/html,<script>1</script>) · [vb](vbscript:msgbox)',
  '',
  '![logo](javascript:alert(1))',
  '',
  '[manual](https://example.org/printer) and [another article](#/kb/2)',
  '',
  '1. Turn it **off**',
  '2. Turn it on',
  '',
  '| Code | Meaning |',
  '| --- | --- |',
  '| 49 | Firmware |',
].join('\n');

describe('ArticleMarkdown', () => {
  it('renders Markdown as headings, lists, emphasis, tables and links', () => {
    const { container } = render(<ArticleMarkdown text={HOSTILE} />);
    expect(container.querySelector('h1')?.textContent).toBe('Reset the printer');
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
      'Turn it off',
      'Turn it on',
    ]);
    expect(container.querySelector('strong')?.textContent).toBe('off');
    expect(container.querySelector('td')?.textContent).toBe('49');
    const external = [...container.querySelectorAll('a')].find((a) => a.textContent === 'manual');
    expect(external?.getAttribute('href')).toBe('https://example.org/printer');
    expect(external?.getAttribute('target')).toBe('_blank');
    expect(external?.getAttribute('rel')).toBe('noopener noreferrer');
    const inApp = [...container.querySelectorAll('a')].find(
      (a) => a.textContent === 'another article',
    );
    expect(inApp?.getAttribute('href')).toBe('#/kb/2');
    expect(inApp?.hasAttribute('target')).toBe(false);
  });

  it('never turns raw HTML into elements: scripts, handlers and frames stay text', () => {
    const { container } = render(<ArticleMarkdown text={HOSTILE} />);
    for (const tag of ['script', 'iframe', 'img', 'b']) {
      expect(container.querySelector(tag), tag).toBeNull();
    }
    const handlers = [...container.querySelectorAll('*')].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith('on')),
    );
    expect(handlers).toEqual([]);
    // Shown as the text the author typed.
    expect(container.textContent).toContain('<script>window.pwned = "script"</script>');
    expect(container.textContent).toContain('<b>bold html</b>');
    expect((window as { pwned?: unknown }).pwned).toBeUndefined();
  });

  it('drops javascript:, data: and vbscript: addresses, keeping the link text', () => {
    const { container } = render(<ArticleMarkdown text={HOSTILE} />);
    const hrefs = [...container.querySelectorAll('[href], [src]')].map(
      (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '',
    );
    expect(hrefs.filter((href) => /^(javascript|data|vbscript):/i.test(href.trim()))).toEqual([]);
    expect(hrefs).toEqual(['https://example.org/printer', '#/kb/2']);
    expect(container.textContent).toContain('run me');
    expect(container.textContent).toContain('logo');
  });
});
