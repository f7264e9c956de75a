import os from 'node:os';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  type MessageBoxOptions,
  type WebContents,
} from 'electron';
import pino, { type Logger } from 'pino';
import { buildErrorReport, resolveLanguage, type Language } from '@deskside/core';
import { SettingsService } from '../services/settings/settings-service';
import { CRASH_TEXT, type CrashText } from './crash-text';
import { lastLogLines, openRotatingLog } from './rotating-log';
import { electronSettingsStore } from './settings-store';

export interface CrashReportOptions {
  dataDir: string;
  /** The main process's log, whose last lines go into the report. */
  logFile: string;
}

type Happening = 'uncaught' | 'pageGone' | 'loadFailed' | 'startFailed';
type Action = 'reload' | 'close' | 'quit';

interface Failure {
  happening: Happening;
  /** What happened, in the report's words (English, for whoever supports Deskside). */
  what: string;
  error: unknown;
  /** The buttons after "Copy report"; the last one is what closing the dialog means. */
  actions: readonly Action[];
  contents?: WebContents;
}

const LOG_LINES_IN_REPORT = 30;

/** The report the analyst copies: the error, versions, the system and the log's last lines. */
export function mainProcessReport(failure: Failure, logFile: string): string {
  let logLines: string[];
  try {
    logLines = lastLogLines(logFile, LOG_LINES_IN_REPORT);
  } catch (error) {
    logLines = [`(the log could not be read: ${String(error)})`];
  }
  return buildErrorReport({
    what: failure.what,
    error: failure.error,
    time: new Date(),
    version: app.getVersion(),
    system: `${os.type()} ${os.release()} (${process.platform} ${process.arch})`,
    runtime: {
      Electron: process.versions.electron,
      Node: process.versions.node,
      Chrome: process.versions.chrome,
    },
    sections: [{ title: `Last log lines (${logFile})`, lines: logLines }],
  });
}

/** The analyst's language for the dialogs: the console's setting, else the system's. */
function dialogLanguage(dataDir: string): Language {
  let chosen: Language | null = null;
  try {
    chosen = new SettingsService(dataDir, electronSettingsStore).get().language;
  } catch {
    // Settings that cannot be read must not stop the error from being shown: the system's.
  }
  return resolveLanguage(chosen, app.getPreferredSystemLanguages());
}

function summary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Shows what happened with a "Copy report" button, which puts the report on the clipboard,
 * and the failure's own buttons (reload the page, close the dialog, quit).
 */
async function showFailure(failure: Failure, options: CrashReportOptions): Promise<Action> {
  const text: CrashText = CRASH_TEXT[dialogLanguage(options.dataDir)];
  const report = mainProcessReport(failure, options.logFile);
  const detail = `${summary(failure.error)}\n\n${text.advice}`;
  const box: MessageBoxOptions = {
    type: 'error',
    title: text.title,
    message: text[failure.happening],
    detail,
    buttons: [text.copy, ...failure.actions.map((action) => text[action])],
    defaultId: 0,
    cancelId: failure.actions.length,
    noLink: true,
  };
  const owner = failure.contents ? BrowserWindow.fromWebContents(failure.contents) : null;
  for (;;) {
    const { response } =
      owner && !owner.isDestroyed()
        ? await dialog.showMessageBox(owner, box)
        : await dialog.showMessageBox(box);
    const action = failure.actions[response - 1];
    if (response !== 0) return action ?? failure.actions.at(-1) ?? 'close';
    await clipboard.writeText(report);
    box.detail = `${text.copied}\n\n${detail}`;
  }
}

/**
 * An unexpected error in the main process or the page shows the analyst what happened and a
 * report to copy, instead of a blank window or a silent exit. One dialog at a time: what
 * fails while one is open is logged.
 */
export function installCrashReports(options: CrashReportOptions, logger: Logger): void {
  let showing = false;
  const report = (failure: Failure, then: (action: Action) => void = () => undefined) => {
    logger.error({ err: failure.error, happening: failure.happening }, failure.what);
    if (showing) return;
    showing = true;
    void showFailure(failure, options)
      .then(then, (error: unknown) => {
        logger.error({ err: error }, 'the error dialog could not be shown');
      })
      .finally(() => {
        showing = false;
      });
  };
  const quitIfAsked = (action: Action) => {
    if (action === 'quit') app.quit();
  };
  const reloadOrQuit = (contents: WebContents) => (action: Action) => {
    if (action === 'reload' && !contents.isDestroyed()) contents.reload();
    quitIfAsked(action);
  };

  process.on('uncaughtException', (error) => {
    report(
      {
        happening: 'uncaught',
        what: 'Uncaught exception in the main process',
        error,
        actions: ['close', 'quit'],
      },
      quitIfAsked,
    );
  });
  process.on('unhandledRejection', (reason) => {
    report(
      {
        happening: 'uncaught',
        what: 'Unhandled promise rejection in the main process',
        error: reason,
        actions: ['close', 'quit'],
      },
      quitIfAsked,
    );
  });
  app.on('render-process-gone', (_event, contents, details) => {
    if (details.reason === 'clean-exit') return;
    report(
      {
        happening: 'pageGone',
        what: `The page's process stopped (${details.reason}, exit code ${details.exitCode})`,
        error: `render-process-gone: ${details.reason}`,
        actions: ['reload', 'quit'],
        contents,
      },
      reloadOrQuit(contents),
    );
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('did-fail-load', (_loadEvent, code, description, url, isMainFrame) => {
      // -3 (ABORTED) is a load replaced by another one, not a failure.
      if (!isMainFrame || code === -3) return;
      report(
        {
          happening: 'loadFailed',
          what: `The page ${url} could not be loaded`,
          error: `${description} (error ${code})`,
          actions: ['reload', 'quit'],
          contents,
        },
        reloadOrQuit(contents),
      );
    });
  });
}

/** Start-up failed: the error goes to the log and to a dialog with the report; then it quits. */
export async function reportStartFailure(
  error: unknown,
  options: CrashReportOptions,
): Promise<void> {
  try {
    const log = openRotatingLog({ file: options.logFile });
    pino({}, log).fatal({ err: error }, 'Deskside could not start');
    log.end();
  } catch {
    // The log may be what failed; the dialog below still shows the error.
  }
  await app.whenReady();
  await showFailure(
    { happening: 'startFailed', what: 'Deskside could not start', error, actions: ['quit'] },
    options,
  );
}
