/**
 * A PDF seen as a reader sees it: each page rendered to an image by poppler's `pdftoppm`
 * and its text read by `pdftotext` (Debian's poppler-utils, installed by `npm run setup`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One rendered page: RGB pixels, three bytes each, row by row. */
export interface PageImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Reads a binary PPM (P6, maxval 255), as pdftoppm writes it. */
export function parsePpm(data: Buffer): PageImage {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM with maxval 255');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return {
    width,
    height,
    pixels: data.subarray(header[0].length, header[0].length + width * height * 3),
  };
}

/** Renders every page at `dpi` and reads the text of each page (form feed between pages). */
export async function renderPdf(
  pdf: Uint8Array,
  dpi = 50,
): Promise<{ pages: PageImage[]; text: string }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'deskside-pdf-'));
  try {
    const file = path.join(folder, 'report.pdf');
    await writeFile(file, pdf);
    await run('pdftoppm', ['-r', String(dpi), file, path.join(folder, 'page')]);
    const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    const names = (await readdir(folder)).filter((name) => name.endsWith('.ppm')).sort();
    const pages = await Promise.all(
      names.map(async (name) => parsePpm(await readFile(path.join(folder, name)))),
    );
    return { pages, text };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The share of a page's pixels that are not (near) white. */
export function inkedShare(page: PageImage): number {
  let inked = 0;
  for (let at = 0; at < page.pixels.length; at += 3) {
    if (
      (page.pixels[at] ?? 255) < 235 ||
      (page.pixels[at + 1] ?? 255) < 235 ||
      (page.pixels[at + 2] ?? 255) < 235
    )
      inked += 1;
  }
  return inked / (page.width * page.height);
}

/**
 * Where pixels of one colour (within `tolerance` per channel) are on a page, as fractions of its
 * height and width: the bounding box and how many there are, or null when there are none.
 */
export function colourBox(
  page: PageImage,
  hex: string,
  tolerance = 24,
): { count: number; top: number; bottom: number; left: number; right: number } | null {
  const target = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let y = 0; y < page.height; y += 1) {
    for (let x = 0; x < page.width; x += 1) {
      const at = (y * page.width + x) * 3;
      if (
        target.every(
          (value, channel) => Math.abs((page.pixels[at + channel] ?? 0) - value) <= tolerance,
        )
      ) {
        count += 1;
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (count === 0) return null;
  return {
    count,
    top: top / page.height,
    bottom: bottom / page.height,
    left: left / page.width,
    right: right / page.width,
  };
}
