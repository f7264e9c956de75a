/**
 * console.first_paint_ms: browser mode, in Chromium, from navigation start to the queue's
 * first rows on screen, with the 100k-ticket dataset in the store. Each sample is a fresh
 * browser context (no cache, no session storage) loading the console host's URL, as an
 * analyst opening the console does.
 *
 * console.queue_js_kb: the JavaScript the page had fetched by then, as the browser counted it
 * (resource timing), so it follows the chunks the page really asked for, not the files built.
 *
 * Two baselines, loaded the same way and interleaved with the console's samples, say what this
 * machine's Chromium takes for any page: baseline.static_page_paint_ms (a static HTML page with
 * the rows in it) and baseline.react_page_paint_ms (the smallest React page rendering them,
 * bench/paint-baseline/). What the console takes beyond the second is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { CHROMIUM_LAUNCH } from '#test/helpers/chromium';
import { startConsoleHost } from '#test/helpers/console-host';
import type { Benchmark, BenchContext } from './benchmark';
import { BASELINE_ROWS, rowLabel } from './paint-baseline/rows';
import { serveFolder, type StaticFiles } from './static-files';
import { sqliteDataset } from './tickets-dataset';

const METRIC = 'console.first_paint_ms';
const SCRIPT_METRIC = 'console.queue_js_kb';
const STATIC_METRIC = 'baseline.static_page_paint_ms';
const REACT_METRIC = 'baseline.react_page_paint_ms';
const WARM_UP = 2;
const PAINT_TIMEOUT_MS = 60_000;

interface FirstPaint {
  /** The page's own clock (milliseconds since its navigation started) at the first frame with a row. */
  paintMs: number;
  /** Bytes of JavaScript whose response had ended by then. */
  scriptBytes: number;
}

/** Loads the console in a fresh context and times the first animation frame showing a queue row. */
async function firstPaint(browser: Browser, url: string): Promise<FirstPaint> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () =>
        document.querySelector('[role="listbox"] [role="option"]') === null
          ? false
          : performance.now(),
      undefined,
      { polling: 'raf', timeout: PAINT_TIMEOUT_MS },
    );
    const paintMs = (await handle.jsonValue()) as number;
    const scriptBytes = await page.evaluate(
      (paintedAt) =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry): entry is PerformanceResourceTiming =>
              entry instanceof PerformanceResourceTiming &&
              new URL(entry.name).pathname.endsWith('.js') &&
              entry.responseEnd <= paintedAt,
          )
          .reduce((sum, entry) => sum + entry.decodedBodySize, 0),
      paintMs,
    );
    return { paintMs, scriptBytes };
  } finally {
    await context.close();
  }
}

/** The two baseline pages, built into `folder`: `static/` and `react/`. */
async function buildBaselines(repoRoot: string, folder: string): Promise<void> {
  const rows = Array.from(
    { length: BASELINE_ROWS },
    (_, index) => `<div role="option" aria-selected="false">${rowLabel(index)}</div>`,
  );
  await mkdir(path.join(folder, 'static'), { recursive: true });
  await writeFile(
    path.join(folder, 'static', 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Static page baseline</title></head><body><div role="listbox" aria-label="Tickets">${rows.join('')}</div></body></html>`,
  );
  await viteBuild({
    configFile: false,
    root: path.join(repoRoot, 'bench', 'paint-baseline'),
    base: './',
    logLevel: 'warn',
    build: { outDir: path.join(folder, 'react'), emptyOutDir: true },
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

async function run(context: BenchContext): Promise<void> {
  const dataDir = await sqliteDataset(context.progress);
  context.progress('building the console (scripts/build.mjs) and the baseline pages');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: context.repoRoot, stdio: 'ignore' });
  const baselines = await mkdtemp(path.join(os.tmpdir(), 'deskside-paint-baselines-'));
  const servers: StaticFiles[] = [];
  try {
    await buildBaselines(context.repoRoot, baselines);
    servers.push(await serveFolder(path.join(baselines, 'static')));
    servers.push(await serveFolder(path.join(baselines, 'react')));
    const [staticPage, reactPage] = servers as [StaticFiles, StaticFiles];
    const host = await startConsoleHost(dataDir);
    const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
    try {
      for (let i = 0; i < WARM_UP; i++) {
        for (const url of [host.url, staticPage.url, reactPage.url]) await firstPaint(browser, url);
      }
      // Interleaved: whatever the machine does meanwhile falls on the three alike.
      const samples: FirstPaint[] = [];
      const statics: number[] = [];
      const reacts: number[] = [];
      for (let i = 0; i < context.samples(METRIC); i++) {
        samples.push(await firstPaint(browser, host.url));
        statics.push((await firstPaint(browser, staticPage.url)).paintMs);
        reacts.push((await firstPaint(browser, reactPage.url)).paintMs);
      }
      const paints = samples.map((sample) => sample.paintMs);
      context.progress(`${METRIC}: ${paints.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      context.progress(
        `medians: console ${median(paints).toFixed(0)} ms, React page ${median(reacts).toFixed(0)} ms, static page ${median(statics).toFixed(0)} ms`,
      );
      context.record(METRIC, paints);
      context.record(
        SCRIPT_METRIC,
        samples.map((sample) => sample.scriptBytes / 1000),
      );
      context.record(STATIC_METRIC, statics);
      context.record(REACT_METRIC, reacts);
    } finally {
      await browser.close();
      await host.stop();
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await rm(baselines, { recursive: true, force: true });
  }
}

export const consolePaintBenchmark: Benchmark = {
  name: 'console',
  needsAgentBuild: false,
  metrics: [
    {
      name: METRIC,
      unit: 'ms',
      description:
        'browser mode in Chromium, 100k tickets in the store: navigation start to the queue rendered',
      defaultSamples: 10,
      comparedWith: REACT_METRIC,
    },
    {
      name: SCRIPT_METRIC,
      unit: 'KB',
      description:
        'JavaScript fetched before the queue is rendered, as resource timing counts it (1 KB = 1,000 bytes)',
      // Taken from the same page loads as console.first_paint_ms.
      defaultSamples: 10,
    },
    {
      name: STATIC_METRIC,
      unit: 'ms',
      description: `a static HTML page showing ${BASELINE_ROWS} rows, loaded like the console, same run`,
      // One per sample of console.first_paint_ms, interleaved with it.
      defaultSamples: 10,
    },
    {
      name: REACT_METRIC,
      unit: 'ms',
      description: `the smallest React page rendering ${BASELINE_ROWS} rows (bench/paint-baseline/), same run`,
      defaultSamples: 10,
    },
  ],
  run,
};
