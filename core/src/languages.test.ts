import { describe, expect, it } from 'vitest';
import { resolveLanguage } from './languages';

describe('the language an analyst gets', () => {
  it('is the one chosen in the settings', () => {
    expect(resolveLanguage('el', ['fr-FR'])).toBe('el');
  });

  it('is else the first system language Deskside speaks, by its base', () => {
    expect(resolveLanguage(null, ['de-DE', 'nl-BE', 'fr'])).toBe('nl');
    expect(resolveLanguage(null, ['EL'])).toBe('el');
  });

  it('is English where it speaks none of them', () => {
    expect(resolveLanguage(null, ['de-DE', 'ja'])).toBe('en');
    expect(resolveLanguage(null, [])).toBe('en');
  });
});
