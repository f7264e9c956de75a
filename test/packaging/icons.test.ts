import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICON_SIZES, ICO_SIZES } from '../../scripts/icon-files';
import { ROOT, loadConfig } from './builder-config';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width, height and colour type from a PNG's IHDR chunk, which must come first. */
function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

const RGBA = 6;
const read = (file: string): Buffer => readFileSync(path.join(ROOT, 'build', file));

describe('the app icon (npm run icons renders build/icon.svg)', () => {
  it.each(ICON_SIZES)('build/icons/%ix%i.png is that many pixels, with transparency', (size) => {
    expect(pngHeader(read(`icons/${size}x${size}.png`))).toEqual({
      width: size,
      height: size,
      colourType: RGBA,
    });
  });

  it('build/icon.png is the 1024 pixel image', () => {
    expect(read('icon.png').equals(read('icons/1024x1024.png'))).toBe(true);
  });

  it('build/icon.ico holds a PNG of each Windows size, where its directory says', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => {
      const entry = 6 + 16 * index;
      const declared = ico[entry] || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const { width, height } = pngHeader(ico.subarray(offset, offset + length));
      expect([width, height]).toEqual([declared, ico[entry + 1] || 256]);
      return width;
    });
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('build/icon.icns holds a PNG for each macOS icon type, of its size', () => {
    const icns = read('icon.icns');
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let offset = 8; offset < icns.length;) {
      const length = icns.readUInt32BE(offset + 4);
      const { width, height } = pngHeader(icns.subarray(offset + 8, offset + length));
      expect(height).toBe(width);
      found.push([icns.toString('latin1', offset, offset + 4), width]);
      offset += length;
    }
    expect(found).toEqual(ICNS_TYPES.map(([type, size]) => [type, size]));
  });

  it('is the icon every platform packs', async () => {
    const config = await loadConfig('electron-builder.yml');
    expect(config.directories?.buildResources).toBe('build');
    expect([config.linux?.icon, config.win?.icon, config.mac?.icon]).toEqual([
      'icons',
      'icon.ico',
      'icon.icns',
    ]);
  });
});
