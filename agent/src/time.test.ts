import { describe, expect, it } from 'vitest';
import { utcTimestamp } from './time';

describe('utcTimestamp', () => {
  it('writes what Date#toISOString writes, across years, months, leap days and milliseconds', () => {
    const samples = [
      0,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(1999, 11, 31, 0, 0, 0, 1),
      Date.UTC(2026, 10, 23, 9, 5, 7, 40),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(1000, 0, 1),
    ];
    // And a spread of times from 1970 to 2100.
    for (let i = 0; i < 2_000; i++) samples.push(Math.floor(Math.random() * 4_102_444_800_000));
    for (const ms of samples) expect(utcTimestamp(ms)).toBe(new Date(ms).toISOString());
  });

  it('is the current time when given none', () => {
    const before = Date.now();
    const stamped = Date.parse(utcTimestamp());
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });
});
