import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// Debian's Chromium where it is installed (CI); otherwise Playwright's own Chromium
// (`npx playwright install chromium` on a developer's machine).
const systemChromium = process.env.DESKSIDE_CHROMIUM ?? '/usr/bin/chromium';

/** How the end-to-end tests and the console benchmark start Chromium: quiet and offline. */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
