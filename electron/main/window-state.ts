import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, screen } from 'electron';
import type { Logger } from 'pino';
import {
  WindowStateSchema,
  restoredWindowState,
  type Rectangle,
  type WindowState,
} from './window-bounds';

/** `<dataDir>/window-state.json`: this computer's screens, so not in the console settings. */
export function windowStateFile(dataDir: string): string {
  return path.join(dataDir, 'window-state.json');
}

/** The saved state; null where there is none or it was damaged (the window opens as new). */
export function readWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON (a write cut short before rename existed, an edit by hand): start afresh.
    return null;
  }
}

/** Written whole or not at all (a temporary file renamed over the old one). */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** What of a BrowserWindow the state is read from and applied to. */
export interface TrackedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  setBounds(bounds: Rectangle): void;
  maximize(): void;
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  prependOnceListener(event: 'ready-to-show', listener: () => void): unknown;
}

export interface TrackOptions {
  file: string;
  /** The displays' work areas now (Electron's screen). */
  workAreas: () => Rectangle[];
  /** Moves and resizes come in bursts: the state is saved this long after the last one. */
  debounceMs?: number;
  onError: (error: unknown) => void;
}

/**
 * Opens the window where it was left (kept on screen), and saves where it is after it moves
 * or is resized, and when it closes. Call it before the window is shown.
 */
export function trackWindowState(window: TrackedWindow, options: TrackOptions): void {
  const restored = restoredWindowState(readSaved(options), options.workAreas());
  if (restored) {
    window.setBounds(restored.bounds);
    // Before the window's own ready-to-show shows it: maximize() shows it maximized.
    if (restored.maximized)
      window.prependOnceListener('ready-to-show', () => {
        window.maximize();
      });
  }
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    try {
      writeWindowState(options.file, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      });
    } catch (error) {
      options.onError(error);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, options.debounceMs ?? 500);
  };
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) {
    window.on(event, saveSoon);
  }
  window.on('close', save);
}

function readSaved(options: TrackOptions): WindowState | null {
  try {
    return readWindowState(options.file);
  } catch (error) {
    options.onError(error);
    return null;
  }
}

/** Every window of the app opens where it was left (the console has one). */
export function rememberWindowStates(dataDir: string, logger: Logger): void {
  app.on('browser-window-created', (_event, window) => {
    trackWindowState(window, {
      file: windowStateFile(dataDir),
      workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
      onError: (err: unknown) => {
        logger.warn({ err }, 'the window state could not be read or saved');
      },
    });
  });
}
