import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = 'scripts/electronegativity.mjs';

function gate(args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const fixtures: string[] = [];
afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

/** A small Electron app: secure as written, unless a test swaps one of its settings. */
function fixtureApp(webPreferences: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskside-electronegativity-fixture-'));
  fixtures.push(dir);
  writeFileSync(
    path.join(dir, 'main.js'),
    `const { app, BrowserWindow, session } = require('electron');
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  const window = new BrowserWindow({ webPreferences: { ${webPreferences} } });
  window.loadURL('app://fixture/index.html');
});
`,
  );
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"><title>x</title></head><body></body></html>`,
  );
  return dir;
}

const SECURE =
  "contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick'";

describe('npm run security:electron (Electronegativity gate, real runs)', () => {
  it('passes a fixture app whose window is configured securely', () => {
    const { status, output } = gate(['--scan', fixtureApp(SECURE)]);
    expect(output).toContain('0 at MEDIUM or above not excluded, 0 file(s) unread');
    expect(status).toBe(0);
  });

  it('fails on a HIGH finding: contextIsolation: false', () => {
    const app = fixtureApp(SECURE.replace('contextIsolation: true', 'contextIsolation: false'));
    const { status, output } = gate(['--scan', app]);
    expect(output).toMatch(/FAIL\s+HIGH\s+\S+\s+CONTEXT_ISOLATION_JS_CHECK\s+main\.js:/);
    expect(status).toBe(1);
  });

  it('fails on a MEDIUM finding: a window without Auxclick disabled', () => {
    const app = fixtureApp(SECURE.replace(", disableBlinkFeatures: 'Auxclick'", ''));
    const { status, output } = gate(['--scan', app]);
    expect(output).toMatch(/FAIL\s+MEDIUM\s+\S+\s+AUXCLICK_JS_CHECK\s+main\.js:/);
    expect(status).toBe(1);
  });

  it('passes on the project: electron/main, electron/preload and the built renderer', () => {
    const { status, output } = gate([]);
    expect(output).toContain('Scanning electron/main, electron/preload and dist/renderer.');
    // The renderer's page was read: its CSP meta tag is where the CSP check reports.
    expect(output).toMatch(/CSP_GLOBAL_CHECK\s+dist\/renderer\/index\.html:/);
    expect(output).toContain('0 at MEDIUM or above not excluded, 0 file(s) unread');
    expect(status).toBe(0);
  }, 300_000);
});
