import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import { CRASH_TEXT } from './crash-text';
import { reportStartFailure } from './crash-reports';
import { openRotatingLog } from './rotating-log';

/** Electron's binary cannot run under Node: a stand-in `electron` with scripted dialog answers. */
const electron = vi.hoisted(() => ({
  answers: [] as number[],
  shown: [] as { message: string; detail: string; buttons: string[] }[],
  clipboard: [] as string[],
  languages: ['en-US'],
}));
vi.mock('electron', () => {
  const module = {
    app: {
      getVersion: () => '0.1.0',
      whenReady: () => Promise.resolve(),
      getPreferredSystemLanguages: () => electron.languages,
    },
    BrowserWindow: { fromWebContents: () => null },
    clipboard: {
      writeText: (text: string) => {
        electron.clipboard.push(text);
        return Promise.resolve();
      },
    },
    dialog: {
      showMessageBox: (box: { message: string; detail: string; buttons: string[] }) => {
        electron.shown.push({
          message: box.message,
          detail: box.detail,
          buttons: [...box.buttons],
        });
        return Promise.resolve({ response: electron.answers.shift() ?? 1 });
      },
    },
  };
  // electron-store (the settings, for the dialogs' language) reads the default export.
  return { ...module, default: module };
});

const folders = temporaryFolders('deskside-crash-');
let dataDir: string;
let logFile: string;
beforeEach(async () => {
  dataDir = await folders.make();
  logFile = path.join(dataDir, 'logs', 'console.log');
  Object.assign(electron, { answers: [], shown: [], clipboard: [], languages: ['en-US'] });
});
afterEach(() => folders.removeAll());

describe('a failed start (stand-in electron: dialog, clipboard, app)', () => {
  it('shows what happened, copies the report on "Copy report", and closes on "Quit"', async () => {
    const log = openRotatingLog({ file: logFile });
    log.write('{"msg":"opening the store"}\n');
    log.end();
    electron.answers = [0, 1];
    await reportStartFailure(new Error('The database file is locked'), { dataDir, logFile });

    const en = CRASH_TEXT.en;
    expect(electron.shown.map((box) => box.buttons)).toEqual([
      [en.copy, en.quit],
      [en.copy, en.quit],
    ]);
    expect(electron.shown[0]?.message).toBe(en.startFailed);
    expect(electron.shown[0]?.detail).toContain('Error: The database file is locked');
    expect(electron.shown[1]?.detail.startsWith(en.copied)).toBe(true);

    expect(electron.clipboard).toHaveLength(1);
    const report = electron.clipboard[0] ?? '';
    expect(report).toContain('What happened: Deskside could not start\nVersion: 0.1.0\n');
    expect(report).toContain(`Runtime: Node ${process.versions.node}`);
    expect(report).toMatch(/Error:\nError: The database file is locked\n\s+at /);
    // The log's last lines, the failure itself written there first.
    expect(report).toMatch(
      /Last log lines \(.*console\.log\):\n\{"msg":"opening the store"\}\n\{.*"msg":"Deskside could not start"/,
    );
  });

  it('speaks the console’s language, else the system’s', async () => {
    electron.languages = ['fr-BE'];
    await reportStartFailure(new Error('x'), { dataDir, logFile });
    expect(electron.shown[0]?.buttons).toEqual([CRASH_TEXT.fr.copy, CRASH_TEXT.fr.quit]);
    const { SettingsService } = await import('../services/settings/settings-service');
    new SettingsService(dataDir).update({ language: 'el' });
    await reportStartFailure(new Error('x'), { dataDir, logFile });
    expect(electron.shown[1]?.message).toBe(CRASH_TEXT.el.startFailed);
  });
});
