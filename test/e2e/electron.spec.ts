import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { apiMethods } from '@deskside/core';
import { electronBinary } from '../../scripts/electron-binary.mjs';

// Playwright crashes the whole run when launched without a binary, so look first (without
// requiring `electron`, which would start a download).
const binary = electronBinary();

test.describe('Electron window', () => {
  test.skip(
    !binary,
    'Electron binary not installed here (its download host is unreachable); browser mode covers the console',
  );

  test('opens the console from app://deskside in a sandboxed window that cannot navigate away or open windows', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('.')],
      env: { ...process.env, DESKSIDE_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();

      const exposed = await page.evaluate(() => ({
        bridge: Object.keys((window as unknown as { deskside: object }).deskside).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({
        bridge: [...apiMethods].sort(),
        require: 'undefined',
        process: 'undefined',
      });

      // Served from the app:// scheme with the policy as a header; nothing outside the build.
      expect(page.url()).toMatch(/^app:\/\/deskside\/index\.html(#|$)/);
      const served = await page.evaluate(async () => ({
        csp: (await fetch('/index.html')).headers.get('content-security-policy'),
        outside: (await fetch('/package.json')).status,
      }));
      expect(served.csp).toContain("script-src 'self'");
      expect(served.outside).toBe(404);

      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      const opened = await page.evaluate(() => window.open('https://example.com/') === null);
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
