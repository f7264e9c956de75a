import { describe, expect, it } from 'vitest';
import { exportFileName, fromBase64, toBase64 } from './transfer';

describe('chunks on the wire', () => {
  it('are base64 the console reads back byte for byte, however large', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(text)).toEqual(bytes);
  });

  it('keep multi-byte characters whole across a chunk edge once joined', () => {
    const bytes = new TextEncoder().encode('Ελένη · Élise');
    const parts = [bytes.subarray(0, 3), bytes.subarray(3)].map((part) =>
      fromBase64(toBase64(part)),
    );
    expect(new TextDecoder().decode(new Uint8Array([...parts[0]!, ...parts[1]!]))).toBe(
      'Ελένη · Élise',
    );
  });
});

describe('exportFileName', () => {
  it('names the file by its content and day', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    expect(exportFileName('json', at)).toBe('deskside-export-2026-11-23.json');
    expect(exportFileName('tickets-csv', at)).toBe('deskside-tickets-2026-11-23.csv');
  });
});
