import { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import type { Rectangle } from './window-bounds';
import {
  readWindowState,
  trackWindowState,
  windowStateFile,
  type TrackedWindow,
} from './window-state';

// Electron's binary cannot run under Node: the module's Electron wiring (app, screen) is not
// used here; the tests drive trackWindowState with a stand-in BrowserWindow.
vi.mock('electron', () => ({ app: {}, screen: {} }));

/** A stand-in BrowserWindow: an event emitter that keeps its bounds and maximized state. */
class StandInWindow extends EventEmitter implements TrackedWindow {
  bounds: Rectangle = { x: 0, y: 0, width: 1280, height: 820 };
  maximized = false;
  destroyed = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
  setBounds = (bounds: Rectangle) => {
    this.bounds = bounds;
  };
  maximize = () => {
    this.maximized = true;
  };
  moveTo(x: number, y: number) {
    this.bounds = { ...this.bounds, x, y };
    this.emit('move');
  }
}

const SCREEN: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const folders = temporaryFolders('deskside-window-');
let file: string;
let errors: unknown[];
beforeEach(async () => {
  file = windowStateFile(await folders.make());
  errors = [];
});
afterEach(() => folders.removeAll());

function track(window: StandInWindow, workAreas: Rectangle[] = [SCREEN]) {
  trackWindowState(window, {
    file,
    workAreas: () => workAreas,
    debounceMs: 30,
    onError: (error) => errors.push(error),
  });
}

const saved = async () => JSON.parse(await readFile(file, 'utf8')) as unknown;

describe('the main window remembers where it was (stand-in BrowserWindow, real files)', () => {
  it('saves its place once after a burst of moves, and at once when it closes', async () => {
    const window = new StandInWindow();
    track(window);
    for (let x = 10; x <= 100; x += 10) window.moveTo(x, 40);
    expect(readWindowState(file)).toBeNull();
    await sleep(120);
    expect(await saved()).toEqual({
      bounds: { x: 100, y: 40, width: 1280, height: 820 },
      maximized: false,
    });
    window.moveTo(200, 60);
    window.maximized = true;
    window.emit('close');
    expect(await saved()).toEqual({
      bounds: { x: 200, y: 60, width: 1280, height: 820 },
      maximized: true,
    });
    expect(errors).toEqual([]);
  });

  it('opens where it was left, maximized before it shows', async () => {
    await writeFile(
      file,
      JSON.stringify({ bounds: { x: 300, y: 100, width: 1000, height: 700 }, maximized: true }),
    );
    const window = new StandInWindow();
    const shown: boolean[] = [];
    window.once('ready-to-show', () => shown.push(window.maximized));
    track(window);
    expect(window.bounds).toEqual({ x: 300, y: 100, width: 1000, height: 700 });
    window.emit('ready-to-show');
    expect(shown).toEqual([true]);
  });

  it('opens with the default size where the saved place is off every display', async () => {
    await writeFile(
      file,
      JSON.stringify({ bounds: { x: 2500, y: 100, width: 1000, height: 700 }, maximized: false }),
    );
    const window = new StandInWindow();
    track(window);
    expect(window.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 820 });
  });

  it('opens with the default size where the file is damaged, and saves over it', async () => {
    await writeFile(file, '{"bounds": {"x": "left"');
    const window = new StandInWindow();
    track(window);
    expect(window.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 820 });
    window.emit('close');
    expect(await saved()).toMatchObject({ maximized: false });
    expect(errors).toEqual([]);
  });

  it('reports a failed save instead of throwing from the window’s event', async () => {
    const window = new StandInWindow();
    track(window);
    // A folder, not empty, where the file goes: the rename cannot replace it.
    await mkdir(path.join(file, 'in-the-way'), { recursive: true });
    expect(() => window.emit('close')).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(await readdir(path.dirname(file))).toEqual(['window-state.json']);
  });
});
