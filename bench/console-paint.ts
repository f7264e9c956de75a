/**
 * console.first_paint_ms: browser mode, in Chromium, from navigation start to the queue's
 * first rows on screen, with the 100k-ticket dataset in the store. Each sample is a fresh
 * browser context (no cache, no session storage) loading the console host's URL, as an
 * analyst opening the console does.
 *
 * console.queue_js_kb: the JavaScript the page had fetched by then, as the browser counted it
 * (resource timing), so it follows the chunks the page really asked for, not the files built.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '#test/helpers/chromium';
import { startConsoleHost } from '#test/helpers/console-host';
import type { Benchmark, BenchContext } from './benchmark';
import { sqliteDataset } from './tickets-dataset';

const METRIC = 'console.first_paint_ms';
const SCRIPT_METRIC = 'console.queue_js_kb';
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

async function run(context: BenchContext): Promise<void> {
  const dataDir = await sqliteDataset(context.progress);
  context.progress('building the console (scripts/build.mjs)');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: context.repoRoot, stdio: 'ignore' });
  const host = await startConsoleHost(dataDir);
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
  try {
    for (let i = 0; i < WARM_UP; i++) await firstPaint(browser, host.url);
    const samples: FirstPaint[] = [];
    for (let i = 0; i < context.samples(METRIC); i++) {
      samples.push(await firstPaint(browser, host.url));
    }
    const paints = samples.map((sample) => sample.paintMs);
    context.progress(`${METRIC}: ${paints.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    context.record(METRIC, paints);
    context.record(
      SCRIPT_METRIC,
      samples.map((sample) => sample.scriptBytes / 1000),
    );
  } finally {
    await browser.close();
    await host.stop();
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
    },
    {
      name: SCRIPT_METRIC,
      unit: 'KB',
      description:
        'JavaScript fetched before the queue is rendered, as resource timing counts it (1 KB = 1,000 bytes)',
      // Taken from the same page loads as console.first_paint_ms.
      defaultSamples: 10,
    },
  ],
  run,
};
