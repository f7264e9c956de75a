import { describe, expect, it } from 'vitest';
import { parseExpiry } from './pair';

describe('pair --expires-in', () => {
  it.each([
    ['5m', 300_000],
    ['90s', 90_000],
    ['1s', 1_000],
    ['60m', 3_600_000],
  ])('reads %s', (text, ms) => {
    expect(parseExpiry(text)).toBe(ms);
  });

  it.each(['0s', '61m', '5', '5h', '-1m', '1.5m', '', 'soon'])(
    'refuses %j, naming the option',
    (text) => {
      expect(() => parseExpiry(text)).toThrow(/^--expires-in: /);
    },
  );
});
