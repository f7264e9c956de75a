// Renders the app icon (build/icon.svg) to every file the installers take, with Chromium:
// build/icons/<size>x<size>.png (Linux, and the sources of the others), build/icon.png (1024),
// build/icon.ico (Windows: PNG images in an ICO container) and build/icon.icns (macOS: PNG
// images in an ICNS container). `npm run icons`; the outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../test/helpers/chromium.ts';
import { ICNS_TYPES, ICON_SIZES, ICO_SIZES, icns, ico, type IconSize } from './icon-files.ts';

const BUILD = 'build';

async function render(svg: string): Promise<Map<IconSize, Buffer>> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map<IconSize, Buffer>();
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          `<img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      pngs.set(
        size,
        await page.screenshot({
          omitBackground: true,
          clip: { x: 0, y: 0, width: size, height: size },
        }),
      );
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const pngs = await render(readFileSync(path.join(BUILD, 'icon.svg'), 'utf8'));
  const png = (size: IconSize): Buffer => {
    const image = pngs.get(size);
    if (!image) throw new Error(`No ${size} px rendering`);
    return image;
  };
  mkdirSync(path.join(BUILD, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`), png(size));
  }
  writeFileSync(path.join(BUILD, 'icon.png'), png(1024));
  writeFileSync(
    path.join(BUILD, 'icon.ico'),
    ico(ICO_SIZES.map((size) => ({ size, png: png(size) }))),
  );
  writeFileSync(
    path.join(BUILD, 'icon.icns'),
    icns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))),
  );
  console.log(`Wrote ${ICON_SIZES.length} PNGs, icon.ico and icon.icns to ${BUILD}/`);
}

await main();
