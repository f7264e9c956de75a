import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'microsoft-edge',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

function onPath(command: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** A Chromium-family browser that can open the console in its own app window. */
export function findAppBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.DESKSIDE_BROWSER) return env.DESKSIDE_BROWSER;
  for (const candidate of CANDIDATES[process.platform] ?? []) {
    const found = path.isAbsolute(candidate)
      ? existsSync(candidate)
        ? candidate
        : null
      : onPath(candidate, env);
    if (found) return found;
  }
  return null;
}

/** Whether a window can be shown at all (a Linux session without a display cannot). */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY ?? env.WAYLAND_DISPLAY);
}

/**
 * Opens the console in an app window of its own profile, so closing it ends that browser
 * process and nothing of the user's own browsing mixes with the console.
 */
export function openAppWindow(
  browser: string,
  url: string,
  profileDir: string,
): ReturnType<typeof spawn> {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
  return spawn(browser, args, { stdio: 'ignore', detached: false });
}
