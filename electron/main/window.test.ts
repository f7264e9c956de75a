import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary cannot run here: a stand-in BrowserWindow records its options.
const created: { options: Record<string, unknown>; loaded: string[] }[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: this.loaded });
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('./window');

beforeEach(() => {
  created.length = 0;
});

describe('createMainWindow (electron module replaced by a stand-in)', () => {
  it('gives the renderer a sandboxed, isolated process with no Node and no Auxclick', () => {
    createMainWindow('/opt/deskside/dist/electron/preload.cjs');
    expect(created).toHaveLength(1);
    expect(created[0]?.options.webPreferences).toEqual({
      preload: '/opt/deskside/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    });
    expect(created[0]?.options).not.toHaveProperty('webPreferences.enableBlinkFeatures');
  });

  it('loads the page from app://deskside, never file://', () => {
    createMainWindow('/preload.cjs');
    expect(created[0]?.loaded).toEqual(['app://deskside/index.html']);
  });
});
