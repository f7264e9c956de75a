import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Where distributions install Chromium (Debian: chromium; Fedora: chromium-browser). */
const DISTRIBUTION_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium the end-to-end tests and the console benchmark drive: `DESKSIDE_CHROMIUM`
 * where set, else the distribution's, else null for Playwright's own download
 * (`npm run setup` makes sure one of them is there).
 */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DESKSIDE_CHROMIUM) return env.DESKSIDE_CHROMIUM;
  return DISTRIBUTION_CHROMIUM.find((candidate) => existsSync(candidate)) ?? null;
}

const executablePath = systemChromium();

/** How the end-to-end tests and the console benchmark start Chromium: quiet and offline. */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  ...(executablePath ? { executablePath } : {}),
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
