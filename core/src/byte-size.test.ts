import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-size';

/** French groups digits and sets its units apart with a narrow no-break space. */
const NNBSP = '\u202f';

describe('formatBytes', () => {
  it.each([
    ['en', ['0 byte', '1,023 byte', '1 kB', '1.5 kB', '16 GB', '2 TB', '3,072 PB']],
    ['nl', ['0 byte', '1.023 byte', '1 kB', '1,5 kB', '16 GB', '2 TB', '3.072 PB']],
    [
      'fr',
      [
        `0${NNBSP}o`,
        `1${NNBSP}023${NNBSP}o`,
        `1${NNBSP}ko`,
        `1,5${NNBSP}ko`,
        `16${NNBSP}Go`,
        `2${NNBSP}To`,
        `3${NNBSP}072${NNBSP}Po`,
      ],
    ],
    ['el', ['0 byte', '1.023 byte', '1 kB', '1,5 kB', '16 GB', '2 TB', '3.072 PB']],
  ])('shows sizes from none to beyond petabytes in %s', (locale, expected) => {
    const sizes = [0, 1023, 1024, 1536, 16 * 1024 ** 3, 2 * 1024 ** 4, 3 * 1024 ** 6];
    expect(sizes.map((size) => formatBytes(size, locale))).toEqual(expected);
  });

  it('moves to the next unit when the rounded value would read 1024', () => {
    expect(formatBytes(1024 * 1024 - 1, 'en')).toBe('1 MB');
    expect(formatBytes(1024 * 1024 - 52, 'en')).toBe('1,023.9 kB');
    expect(formatBytes(1023.6, 'en')).toBe('1 kB');
  });

  it('keeps the sign of a negative size, scaled like a positive one', () => {
    expect(formatBytes(-1536, 'en')).toBe('-1.5 kB');
  });
});
