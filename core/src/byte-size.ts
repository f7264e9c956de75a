const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;
const STEP = 1024;

const fractionDigits = (unit: number) => (unit === 0 ? 0 : 1);

/** The value as it will be shown, rounded: what decides whether the next unit is due. */
const rounded = (value: number, unit: number) => {
  const scale = 10 ** fractionDigits(unit);
  return Math.round(value * scale) / scale;
};

/**
 * A size as people read it, in `locale`: "0 byte", "1.5 kB", "16 GB" ("16 Go" in French).
 * Steps of 1024, as operating systems show memory and disks; whole bytes, one decimal above,
 * and never "1,024 kB": a value that rounds up to the next unit is shown in it.
 */
export function formatBytes(bytes: number, locale: string): string {
  let unit = 0;
  let value = bytes;
  while (unit < UNITS.length - 1 && Math.abs(rounded(value, unit)) >= STEP) {
    value /= STEP;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: fractionDigits(unit),
  }).format(value);
}
